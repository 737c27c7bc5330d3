"""Corroborator: what many news reports of one event actually agree on.

Stages: ingest → extract → nlp → reuse → stories → compare, over one store.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["__version__"]
