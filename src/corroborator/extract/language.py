"""Language identification (langdetect, seeded so the answer never changes between runs)."""

from __future__ import annotations


def detect_language(text: str, *, min_chars: int, default: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``default`` when too short to tell."""
    sample = text[:3000]
    if len(sample.strip()) < min_chars:
        return default
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0  # langdetect is randomised; a fixed seed makes it repeatable
    try:
        return str(detect(sample))
    except LangDetectException:
        return default
