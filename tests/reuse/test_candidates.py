"""Rewrite candidates stay bounded per article, and the rewrite bound never changes a decision."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest

from corroborator.records import Article
from corroborator.reuse import derive, story_candidates
from corroborator.reuse.align import EmbeddingCache
from corroborator.reuse.classify import load_model
from corroborator.reuse.settings import reuse_settings

DAY = datetime(2025, 9, 3, 6, 0)
WIRE = (
    "A landslide blocked the coastal road north of Pellam on Thursday morning.\n"
    "Police said 14 cars were trapped and 3 drivers were taken to hospital.\n"
    "Road engineer Mara Quist said the slope had been moving for a week.\n"
    '"We warned the county in June," Quist told the Pellam Gazette.\n'
    "The road is expected to stay closed until Monday."
)
REWRITE = (
    "On Thursday morning a landslide shut the coast road to the north of Pellam.\n"
    "Fourteen cars were caught and three drivers needed hospital treatment, police said.\n"
    "According to road engineer Mara Quist, the hillside had been shifting for a week.\n"
    '"We warned the county in June," Quist said to the Pellam Gazette.\n'
    "Officials expect the road to remain closed until Monday."
)
OTHER = (
    "The city orchestra opened its winter season with a new symphony on Friday.\n"
    "Tickets for all twelve concerts sold out within a day."
)
PLACES = ["Orvik", "Tallmere", "Brask", "Yellin", "Coldharbour", "Senna"]


def report(number: int, place: str, hours: float) -> Article:
    # Reports of one storm that differ in figures, order and wording, as outlets' do.
    lines = [
        f"A storm cut power to {1000 + 37 * number:,} homes in {place} on Sunday.",
        f"Utility crews restored {200 + number} lines overnight, the operator said.",
        f"Schools in {place} stay closed until Wednesday, the council announced.",
        f"Forecasters expect {20 + number % 7} millimetres of rain before Tuesday.",
    ]
    if number % 2:
        lines.reverse()
    text = "\n".join(lines)
    return Article(f"r{number:03d}", None, f"https://o{number}.example/{number}", f"o{number}",
                   None, DAY + timedelta(hours=hours), "en", text, "")


def test_small_story_gives_all_pairs_and_large_story_a_bounded_number(settings) -> None:
    bounded = settings.with_overrides({"reuse": {"max_candidates": 4}})
    small = [report(i, "Orvik", i) for i in range(5)]
    ids = [a.id for a in small]
    assert story_candidates([ids], small, bounded) == set(itertools.combinations(ids, 2))

    large = [report(i, PLACES[i % len(PLACES)], i) for i in range(60)]
    pairs = story_candidates([[a.id for a in large]], large, bounded)
    # Each article proposes at most max_candidates earlier ones: linear, not 60*59/2.
    assert 0 < len(pairs) <= 4 * len(large)
    assert all(a < b for a, b in pairs)
    # Ids outside the given articles and one-member stories propose nothing.
    assert story_candidates([["missing", "r000"], ["r001"]], large, bounded) == set()


@pytest.mark.embeddings
def test_rewrite_bound_never_changes_a_decision(settings, embedder, monkeypatch) -> None:
    config = reuse_settings(settings)
    model = load_model()
    cache = EmbeddingCache(10000)
    texts = [WIRE, REWRITE, OTHER] + [report(i, "Brask", i).text for i in range(3)]
    profiles = [derive.profile(Article(f"t{i}", None, None, None, None, None, "en", text, ""),
                               config) for i, text in enumerate(texts)]

    def decisions() -> list[object]:
        out = []
        for a, b in itertools.combinations(profiles, 2):
            result = derive.decide(a, b, model, config, cache.vectors)
            out.append(None if result is None else (result.relation, result.score))
        return out

    bounded = decisions()
    monkeypatch.setattr(derive, "could_be_rewrite", lambda *_a, **_k: True)
    assert decisions() == bounded
    assert ("rewrite" in {d[0] for d in bounded if d}), "the wire story and its rewrite"


@pytest.mark.embeddings
def test_a_second_run_reads_sentence_vectors_from_the_store(settings, embedder, tmp_path,
                                                            monkeypatch) -> None:
    import corroborator.embeddings as embeddings
    from corroborator.reuse import find_derivations
    from corroborator.store import open_store

    arts = [Article(name, None, f"https://{name}.example/", name, None, DAY + timedelta(hours=h),
                    "en", text, "")
            for name, text, h in (("wire", WIRE, 0), ("rewrite", REWRITE, 2), ("other", OTHER, 1))]
    pairs = [("other", "rewrite"), ("rewrite", "wire"), ("other", "wire")]
    embedded: list[int] = []
    real = embeddings.embed

    def counting(texts, **kwargs):
        embedded.append(len(texts))
        return real(texts, **kwargs)

    monkeypatch.setattr(embeddings, "embed", counting)
    with open_store(str(tmp_path / "s.db")) as store:
        first = find_derivations(arts, settings, candidates=pairs, store=store)
        assert sum(embedded) > 0
        embedded.clear()
        second = find_derivations(arts, settings, candidates=pairs, store=store)
    assert embedded == []  # every sentence came from the store
    assert [(d.article_id, d.source_id, d.relation) for d in second] == [
        (d.article_id, d.source_id, d.relation) for d in first]
    assert ("rewrite", "wire", "rewrite") in {(d.article_id, d.source_id, d.relation)
                                              for d in first}


@pytest.mark.embeddings
def test_a_batch_larger_than_the_embedding_cache_is_aligned_in_pieces(settings,
                                                                     embedder) -> None:
    from corroborator.reuse import find_derivations

    arts = [Article(name, None, f"https://{name}.example/", name, None, DAY + timedelta(hours=h),
                    "en", text, "")
            for name, text, h in (("wire", WIRE, 0), ("rewrite", REWRITE, 2), ("other", OTHER, 1))]
    pairs = list(itertools.combinations(sorted(a.id for a in arts), 2))
    small = settings.with_overrides({"reuse": {"embedding_cache": 6}})

    def found(config) -> set[tuple[str, str, str]]:
        return {(d.article_id, d.source_id, d.relation)
                for d in find_derivations(arts, config, candidates=pairs)}

    assert found(small) == found(settings)
    assert ("rewrite", "wire", "rewrite") in found(small)
