"""Language identification with py3langid (langid.py's model, bundled, deterministic).

langid.py (Lui & Baldwin, ACL 2012) is a naive Bayes classifier over byte n-grams; it runs in
about 0.1 ms per article here, against 15-20 ms for langdetect, and gives the same answer every
run.
"""

from __future__ import annotations

SAMPLE_CHARS = 2000


def detect_language(text: str, *, min_chars: int, default: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``default`` when too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < min_chars:
        return default
    import py3langid

    language, _score = py3langid.classify(sample)
    return str(language)
