"""Presentation of comparison results: the dossier dict, terminal views and exports.

    build_dossier(store, story_ids=None, rejected=()) -> dict      # dossier.schema.json
    story_entry(story, articles, claims, derivations, propositions, conflicts) -> dict
    render_story(story_dict) / render_dossier(dossier) -> Rich renderables
    export_markdown / export_jsonl / export_csv / export_prov / export_claimreview(dossier) -> str
"""

from .dossier import SCHEMA_VERSION, build_dossier, story_entry
from .exports import (
    FORMATS,
    export,
    export_claimreview,
    export_csv,
    export_jsonl,
    export_markdown,
    export_prov,
)
from .terminal import render_dossier, render_story

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "build_dossier",
    "export",
    "export_claimreview",
    "export_csv",
    "export_jsonl",
    "export_markdown",
    "export_prov",
    "render_dossier",
    "render_story",
    "story_entry",
]
