"""Settings of the reuse stage, read from the ``[reuse]`` section of the packaged defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ConfigError, invalid_value_message
from ..settings import Settings

# The sentence pair models classify.load_pair_model can load.
PAIR_MODELS = ("logistic", "cross", "cascade")


@dataclass(frozen=True)
class ReuseSettings:
    SECTION = "reuse"
    shingle_size: int = 5
    num_perm: int = 128
    lsh_bands: int = 42
    lsh_rows: int = 3
    keyword_bands: int = 32
    keyword_rows: int = 2
    max_candidates: int = 50
    near_copy_jaccard: float = 0.6
    partial_containment: float = 0.7
    block_shingles: int = 40
    block_containment: float = 0.25
    block_run: int = 12
    propose_cosine: float = 0.45
    mutual_cosine: float = 0.6
    merge_containment: float = 0.5
    align_probability: float = 0.5
    same_ratio: float = 95.0
    rewrite_coverage: float = 0.8
    rewrite_coverage_long: float = 0.6
    strong_cosine: float = 0.8
    strong_share: float = 0.7
    order_agreement: float = 0.8
    whole_min_sentences: int = 4
    whole_coverage: float = 0.9
    whole_coverage_long: float = 0.7
    whole_mean_cosine: float = 0.65
    min_rewrite_sentences: int = 2
    containment_margin: float = 0.1
    max_sentences: int = 400
    embedding_cache: int = 50000
    chain_min_sentences: int = 5
    chain_share: float = 0.58
    chain_fact_order: float = 0.6
    condensed_share_short: float = 0.7
    condensed_share_long: float = 0.55
    condensed_fact_short: float = 0.65
    condensed_fact_long: float = 0.5
    condensed_fact_order: float = 0.75
    condensed_figures: int = 2
    reordered_share_short: float = 0.9
    reordered_fact_short: float = 0.9
    reordered_quotes: int = 1
    pair_model: str = "logistic"

    def __post_init__(self) -> None:
        if self.pair_model not in PAIR_MODELS:
            raise ConfigError(invalid_value_message("[reuse] pair_model", self.pair_model,
                                                    PAIR_MODELS))
        if self.shingle_size < 1:
            raise ConfigError(f"[reuse] shingle_size = {self.shingle_size} must be >= 1")
        if self.lsh_bands * self.lsh_rows > self.num_perm:
            raise ConfigError(
                f"[reuse] lsh_bands * lsh_rows = {self.lsh_bands * self.lsh_rows} exceeds "
                f"num_perm = {self.num_perm}; lower the bands or rows, or raise num_perm."
            )
        if self.keyword_bands * self.keyword_rows > self.num_perm:
            raise ConfigError(
                f"[reuse] keyword_bands * keyword_rows exceeds num_perm = {self.num_perm}"
            )
        for name in ("near_copy_jaccard", "partial_containment", "block_containment",
                     "align_probability", "rewrite_coverage", "propose_cosine", "mutual_cosine",
                     "merge_containment", "rewrite_coverage_long", "strong_cosine",
                     "strong_share", "order_agreement", "whole_coverage", "whole_coverage_long",
                     "whole_mean_cosine", "chain_share", "chain_fact_order",
                     "condensed_share_short", "condensed_share_long", "condensed_fact_short",
                     "condensed_fact_long", "condensed_fact_order", "reordered_share_short",
                     "reordered_fact_short"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"[reuse] {name} = {value!r} must lie in [0, 1]")


def reuse_settings(settings: Settings | None) -> ReuseSettings:
    """The ``[reuse]`` section, or the built-in defaults when the section is absent."""
    # Only a missing section falls back: an invalid value must reach the user as an error,
    # not silently turn every [reuse] setting back into its default.
    if settings is None or ReuseSettings.SECTION not in settings.values:
        return ReuseSettings()
    return settings.get(ReuseSettings)
