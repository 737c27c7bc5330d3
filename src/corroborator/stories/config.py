"""Settings of story clustering: the ``[stories]`` section of ``defaults.toml``."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ConfigError

SIMILARITY_WEIGHTS = ("embedding_weight", "tfidf_weight", "entity_weight", "number_weight")
SPLIT_MODELS = ("learned", "cosine")


@dataclass(frozen=True)
class StorySettings:
    """Every threshold and weight of the clusterer; see ``docs/stories.md`` for tuning."""

    SECTION = "stories"
    embedding_weight: float = 0.625
    tfidf_weight: float = 0.6
    entity_weight: float = 0.3
    number_weight: float = 0.2
    spread_penalty: float = 0.0
    time_weight: float = 0.2
    time_scale_hours: float = 72.0
    threshold: float = 0.375
    window_days: float = 10.0
    merge_every: int = 50
    merge_threshold: float = 0.6
    # Split (merge step, stories.split): a story of split_min_articles..split_max_articles
    # articles whose two halves are far apart (cross / within split_model score < split_ratio, each
    # half >= split_min_side articles) becomes two stories; split_ratio = 0 turns it off.
    split_ratio: float = 0.75
    split_min_articles: int = 12
    split_min_side: int = 3
    split_max_articles: int = 64
    # What the members are compared by: "learned" (stories.pairs, a same-event probability)
    # or "cosine" (the clusterer's weighted cosines).
    split_model: str = "learned"
    # Merge step, undated stories: two stories scoring between threshold and merge_threshold
    # are joined when the learned model's mean same-event probability across them reaches
    # merge_probability (0 turns it off).
    merge_probability: float = 0.0
    # End of a run (merge_step, undated stories): a story of at most regroup_max_articles
    # articles joins, of its candidates scoring >= threshold with >= regroup_ratio times its
    # size and full articles (>= regroup_min_words content words at the median), the one the
    # learned model calls the same event most surely, when that mean probability reaches
    # regroup_probability (0 articles = off).
    regroup_max_articles: int = 4
    regroup_ratio: float = 2.0
    regroup_probability: float = 0.5
    regroup_min_words: int = 50
    # The same for dated stories, on similarity alone (no learned model: dated stories keep
    # no members); on by default (docs/stories.md, issue #5).
    regroup_dated: bool = True
    # End of a run, right after the regroup (undated stories): a member of a story of at least
    # reassign_min_articles articles moves to another story of full articles that scores >=
    # threshold against it when the learned model's mean probability across reaches
    # reassign_probability (and the other story's own) and exceeds the member's mean
    # probability to its own story by reassign_margin (reassign_min_articles = 0: off).
    reassign_min_articles: int = 3
    reassign_probability: float = 0.6
    reassign_margin: float = 0.15
    # End of a run, after the settling split check (undated stories): each connected group
    # of stories scoring >= consolidate_threshold against a story of full articles
    # (regroup_min_words) (at most split_max_articles members) is joined by average linkage
    # over the learned model's probabilities while the mean across two stories' members
    # reaches consolidate_probability (0 = off); one of the two must be of full articles.
    consolidate_probability: float = 0.75
    consolidate_threshold: float = 0.3
    link_anchors: bool = True
    link_threshold: float = 0.2
    anchor_min_value: float = 150.0
    anchor_min_articles: int = 3
    index_terms: int = 12
    max_postings: int = 64
    max_candidates: int = 100
    rerank: int = 12
    max_story_terms: int = 400
    title_candidates: int = 32
    lead_chars: int = 500
    max_text_chars: int = 20000
    hash_bits: int = 20
    batch_size: int = 256
    # Languages the embedding model (and the English stop words of the terms) read. An article
    # detected in another language is also scored on what survives translation: the stems
    # (first foreign_stem_chars letters) of its names and its figures, and joins the best
    # story reaching foreign_threshold on them (fitted on ECB+ train; see docs/stories.md).
    embedding_languages: tuple[str, ...] = ("en",)
    foreign_threshold: float = 0.43
    foreign_stem_chars: int = 5
    entity_labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")
    number_labels: tuple[str, ...] = ("CARDINAL", "MONEY", "QUANTITY", "PERCENT", "DATE")

    def __post_init__(self) -> None:
        # Lists from TOML become tuples so the settings stay hashable and immutable.
        object.__setattr__(self, "entity_labels", tuple(self.entity_labels))
        object.__setattr__(self, "number_labels", tuple(self.number_labels))
        object.__setattr__(self, "embedding_languages", tuple(self.embedding_languages))
        for name in SIMILARITY_WEIGHTS + ("time_weight",):
            if getattr(self, name) < 0:
                raise ConfigError(f"[stories] {name} = {getattr(self, name)} must be >= 0.")
        if sum(getattr(self, n) for n in SIMILARITY_WEIGHTS) <= 0:
            raise ConfigError(
                f"[stories] the similarity weights {SIMILARITY_WEIGHTS} are all zero; "
                "at least one must be positive."
            )
        for name in ("merge_probability", "regroup_probability", "reassign_probability",
                     "reassign_margin", "consolidate_probability"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(
                    f"[stories] {name} = {getattr(self, name)} must lie in [0, 1]."
                )
        for name in ("threshold", "merge_threshold", "link_threshold", "foreign_threshold",
                     "consolidate_threshold"):
            value = getattr(self, name)
            if not -1.0 <= value <= 1.0:
                raise ConfigError(f"[stories] {name} = {value} must lie in [-1, 1].")
        for name in ("merge_every", "anchor_min_articles", "max_postings", "max_candidates", "rerank", "batch_size"):
            if getattr(self, name) < 1:
                raise ConfigError(f"[stories] {name} = {getattr(self, name)} must be >= 1.")
        for name in ("regroup_max_articles", "regroup_ratio", "regroup_min_words",
                     "reassign_min_articles"):
            if getattr(self, name) < 0:
                raise ConfigError(f"[stories] {name} = {getattr(self, name)} must be >= 0.")
        for name in ("split_min_articles", "split_min_side", "split_max_articles",
                     "foreign_stem_chars"):
            if getattr(self, name) < 1:
                raise ConfigError(f"[stories] {name} = {getattr(self, name)} must be >= 1.")
        if self.split_model not in SPLIT_MODELS:
            raise ConfigError(
                f"[stories] split_model = {self.split_model!r} is not one of {SPLIT_MODELS}."
            )
        if not 10 <= self.hash_bits <= 26:
            raise ConfigError(f"[stories] hash_bits = {self.hash_bits} must lie in 10..26.")
