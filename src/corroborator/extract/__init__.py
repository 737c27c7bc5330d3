"""Raw documents to articles: main text, metadata, language, derivation hints."""

from .build import build_article

__all__ = ["build_article"]
