"""Settings of the comparison stage, read from ``[compare]`` in the packaged defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ConfigError


@dataclass(frozen=True)
class CompareSettings:
    SECTION = "compare"
    propose_similarity: float = 0.5
    measured_similarity: float = 0.85
    # measured phrases this close measure the same thing when their outcome ("killed",
    # "injured", ...) and counted noun agree (compare/measures.py)
    related_similarity: float = 0.45
    group_similarity: float = 0.8
    same_point_similarity: float = 0.55
    quote_ratio: float = 80.0
    update_gap_hours: float = 12.0
    max_claims: int = 3000

    def __post_init__(self) -> None:
        for name in ("propose_similarity", "measured_similarity", "related_similarity",
                     "group_similarity", "same_point_similarity"):
            value = getattr(self, name)
            if not -1.0 <= value <= 1.0:
                raise ConfigError(f"[compare] {name} = {value} must be a cosine in [-1, 1]")
        if not 0.0 <= self.quote_ratio <= 100.0:
            raise ConfigError(f"[compare] quote_ratio = {self.quote_ratio} must be in [0, 100]")
        if self.update_gap_hours < 0:
            raise ConfigError(f"[compare] update_gap_hours = {self.update_gap_hours} must be >= 0")
        if self.max_claims < 2:
            raise ConfigError(f"[compare] max_claims = {self.max_claims} must be >= 2")
