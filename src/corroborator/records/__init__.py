"""Records that cross stage boundaries: small frozen values with char offsets and provenance.

No spaCy, numpy or database objects ever appear in a record, so records can be stored,
serialised and sent between processes unchanged.
"""

from .article import Article, RawDocument, Rejection
from .claims import Claim, DateMention, Quantity
from .reuse import Change, Derivation
from .serialize import from_dict, to_dict
from .spans import Span
from .stories import Conflict, Proposition, Story

__all__ = [
    "Article",
    "Change",
    "Claim",
    "Conflict",
    "DateMention",
    "Derivation",
    "Proposition",
    "Quantity",
    "RawDocument",
    "Rejection",
    "Span",
    "Story",
    "from_dict",
    "to_dict",
]
