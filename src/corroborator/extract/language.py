"""Language identification with py3langid (langid.py's model, bundled, deterministic).

langid.py (Lui & Baldwin, ACL 2012) is a naive Bayes classifier over byte n-grams; it runs in
about 0.1 ms per article here, against 15-20 ms for langdetect, and gives the same answer every
run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from pathlib import Path

    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    # MODEL_FILE is relative to the package folder, not the working directory.
    return LanguageIdentifier.from_modelpath(Path(MODEL_DIR) / MODEL_FILE)


def detect_language(text: str, *, min_chars: int, default: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``default`` when too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < min_chars:
        return default
    language, _probability = _identifier().classify(sample)
    return str(language)
