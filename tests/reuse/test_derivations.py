"""find_derivations end to end on articles written for the tests (a fictional flood)."""

from __future__ import annotations

import tracemalloc
from datetime import datetime, timedelta

import numpy as np
import pytest

from corroborator.records import Article
from corroborator.reuse import find_derivations, independent_sources, lineages
from corroborator.reuse.align import EmbeddingCache
from corroborator.reuse.derive import decide, profile, rewrite_chain
from corroborator.reuse.docpair import monotone_alignment
from corroborator.reuse.settings import reuse_settings

WIRE = (
    "The river Elbrin burst its banks on Tuesday, flooding nearly 2,000 homes in the town "
    "of Marsk.\n"
    "Mayor Ilse Varga said emergency crews had rescued 140 people from rooftops overnight.\n"
    '"We have never seen water rise this fast," Varga told reporters at the town hall.\n'
    "The regional weather office said another 80 millimetres of rain were expected by "
    "Thursday.\n"
    "Schools in Marsk will stay closed for the rest of the week, officials said."
)
REWRITE = (
    "Nearly 2,000 houses in Marsk went under water on Tuesday after the Elbrin overflowed.\n"
    "Crews working through the night pulled 140 residents off their roofs, according to "
    "Mayor Ilse Varga.\n"
    "Speaking at the town hall, Varga said the water had risen faster than ever before.\n"
    "Forecasters expect a further 80 millimetres of rainfall before Thursday.\n"
    "Officials said schools in the town would remain shut until next week."
)
OTHER = (
    "A fire destroyed a warehouse in the port city of Delm on Monday night.\n"
    "Firefighters fought the blaze for six hours before it was brought under control.\n"
    "No injuries were reported, a fire brigade spokesman said."
)
DAY = datetime(2024, 5, 1, 8, 0)


def article(ident: str, text: str, hours: float | None, outlet: str | None = None,
            hints: dict | None = None) -> Article:
    when = None if hours is None else DAY + timedelta(hours=hours)
    return Article(ident, None, f"https://{outlet or ident}.example/{ident}", outlet or ident,
                   None, when, "en", text, "", hints or {})


def edges(derivations) -> dict[tuple[str, str], object]:
    return {(d.article_id, d.source_id): d for d in derivations}


def test_bad_input_empty_and_one_sentence_articles(settings) -> None:
    arts = [article("empty", "", 1), article("blank", "  \n\n ", 2),
            article("one", "Only one short sentence here.", 3),
            article("one-again", "Only one short sentence here.", 4),
            article("furniture", "By Jane Doe\nRead more: elsewhere", 5)]
    calls: list[tuple[int, int]] = []
    found = edges(find_derivations(arts, settings, progress=lambda d, t: calls.append((d, t))))
    assert calls[-1] == (5, 5) and len(calls) == 5
    # Identical one-sentence articles are copies; empty ones take part in nothing.
    assert set(found) == {("one-again", "one")}
    assert found[("one-again", "one")].relation == "copy"
    assert find_derivations([], settings) == []


def test_identical_articles_from_different_outlets_are_kept_and_linked(settings) -> None:
    arts = [article("a", WIRE, 1, "wire"),
            article("b", "By Anna Bell\n" + WIRE + "\nThis article first appeared on X.", 2,
                    "daily"),
            article("c", WIRE, None, "weekly", hints={"canonical_url": "https://wire.example/a"})]
    found = edges(find_derivations(arts, settings))
    assert set(found) == {("b", "a"), ("c", "a")}
    assert found[("b", "a")].direction_from == "published"
    assert found[("c", "a")].direction_from == "hint"
    assert all(d.relation == "copy" and d.changes == () for d in found.values())
    assert independent_sources(["a", "b", "c"], list(found.values())) == 1


def test_thousands_of_copies_stay_linear_and_bounded(settings) -> None:
    copies = [article(f"c{i:04d}", WIRE + ("\nRead more: news" if i % 2 else ""), i, f"o{i}")
              for i in range(3000)]
    tracemalloc.start()
    derivations = find_derivations(copies + [article("x", OTHER, 1)], settings)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(derivations) == 2999  # a spanning tree, not 4.5 million pairs
    assert {d.source_id for d in derivations} == {"c0000"}
    assert peak < 300 * 1024 * 1024
    roots = lineages([a.id for a in copies] + ["x"], derivations)
    assert len(set(roots.values())) == 2


@pytest.mark.embeddings
def test_near_copy_with_changed_figure_and_added_sentence(settings, embedder) -> None:
    near = WIRE.replace("nearly 2,000", "more than 2,000") + "\nRoads into Marsk remain closed."
    found = edges(find_derivations([article("w", WIRE, 1), article("n", near, 2)], settings))
    edge = found[("n", "w")]
    assert edge.relation == "near-copy"
    kinds = {(c.kind, c.before, c.after) for c in edge.changes}
    assert ("figure", "nearly 2,000", "more than 2,000") in {
        (k, b and b.replace(" homes", ""), a and a.replace(" homes", "")) for k, b, a in kinds}
    assert ("sentence-added", None, "Roads into Marsk remain closed.") in kinds
    figure = next(c for c in edge.changes if c.kind == "figure")
    assert near[figure.article_sentence[0]:figure.article_sentence[1]].startswith("The river")


@pytest.mark.embeddings
def test_partial_copy_direction_by_containment_without_times(settings, embedder) -> None:
    lines = WIRE.split("\n")
    longer = "\n".join(lines + ["Volunteers filled sandbags along the embankment all night.",
                                "The army sent two helicopters to help with the rescue."])
    arts = [article("short", WIRE, None), article("long", longer, None)]
    found = edges(find_derivations(arts, settings))
    # The article that holds the other and adds material of its own is the later one.
    assert ("long", "short") in found
    assert found[("long", "short")].direction_from == "containment"
    added = [c for c in found[("long", "short")].changes if c.kind == "sentence-added"]
    assert len(added) == 2


ANALYSIS = (
    "Marsk has flooded before, but rarely this badly, and the town's defences are decades "
    "old.\n"
    "Engineers have warned since the last major flood that the embankment along the Elbrin "
    "would not hold a sustained surge.\n"
    "Plans to raise it by a metre were shelved twice for lack of money, according to council "
    "minutes.\n"
    "Insurers in the region are already bracing for claims running into the tens of "
    "millions.\n"
    "Residents who moved to new estates on the flood plain say nobody told them of the risk.\n"
    "The regional government has promised a review once the water recedes.\n"
    "Critics say reviews after earlier floods changed little on the ground."
)


@pytest.mark.embeddings
def test_analysis_opening_with_wire_paragraphs_is_a_partial_copy(settings, embedder) -> None:
    # Three wire sentences verbatim are a minority of both articles (the analysis adds seven
    # of its own), yet they are copied text: the two share one lineage.
    opening = "\n".join(WIRE.split("\n")[:3])
    arts = [article("w", WIRE, 1), article("a", opening + "\n" + ANALYSIS, 5)]
    found = edges(find_derivations(arts, settings, candidates=[("w", "a")]))
    assert set(found) == {("a", "w")}
    assert found[("a", "w")].relation == "partial"


@pytest.mark.embeddings
def test_one_shared_quotation_is_no_partial_copy(settings, embedder) -> None:
    quote = '"We have never seen water rise this fast," Varga told reporters at the town hall.'
    arts = [article("w", WIRE, 1), article("a", ANALYSIS + "\n" + quote, 5)]
    assert find_derivations(arts, settings, candidates=[("w", "a")]) == []


def test_long_sentences_shared_out_of_order_are_no_verbatim_block(settings) -> None:
    from corroborator.reuse.derive import copy_like

    config = reuse_settings(settings)
    wire = BRIDGE.split("\n")
    own = BRIDGE_OTHER.split("\n")
    # Three long sentences of the wire word for word among a report's own, in the wire's
    # order (a copy that took them) or each somewhere else (what two reports quoting the
    # same statements and officials can look like).
    taken = [wire[0], own[0], own[1], wire[3], own[2], own[3], wire[5], own[4]]
    scattered = [wire[5], own[0], own[1], wire[3], own[2], own[3], wire[0], own[4]]
    source = profile(article("w", BRIDGE, 1), config)
    for text, expected in (("\n".join(taken), "partial"), ("\n".join(scattered), None)):
        other = profile(article("o", text, 2), config)
        for a, b in ((source, other), (other, source)):
            found = copy_like(a, b, config)
            assert (found and found.relation) == expected


# --- loose rewrites: order-preserving chain of sentences and shared facts -------------------

BRIDGE = (
    "A road bridge over the Tavel river collapsed on Sunday evening in the northern town of "
    "Orsk, killing at least 7 people and injuring 19, the regional emergency service said.\n"
    "The 80-metre span gave way at about 6:40 p.m. while cars and a minibus were crossing, "
    "spokesman Piet Hollan told reporters.\n"
    "Divers recovered four bodies from the water overnight and were still searching for two "
    "missing people on Monday morning.\n"
    '"The bridge was inspected in 2021 and nothing was found that suggested a risk of '
    'collapse," Transport Minister Edda Lunn said.\n'
    "Lunn ordered checks on 240 bridges of the same design across the country.\n"
    "The bridge, built in 1968, carried about 12,000 vehicles a day and was the only direct "
    "link between Orsk and the regional capital Valm.\n"
    "Prosecutors in Valm have opened an investigation into possible negligence.\n"
    "A day of mourning was declared in Orsk for Tuesday."
)
# Every sentence reworded, the quotation turned into reported speech, two sentences split:
# what a desk rewriting the wire does. No five-word sequence survives.
BRIDGE_REWRITE = (
    "At least 7 people died and 19 were hurt when a bridge carrying traffic across the Tavel "
    "in Orsk, in the north, fell on Sunday evening, emergency officials in the region said.\n"
    "According to spokesman Piet Hollan, the 80-metre section came down around 6:40 p.m. "
    "with cars and a minibus on it.\n"
    "Four bodies were pulled from the river during the night by divers.\n"
    "Two people were still unaccounted for on Monday morning.\n"
    "Edda Lunn, the transport minister, said an inspection of the bridge in 2021 had found no "
    "sign that it might fall.\n"
    "She has ordered that 240 bridges built to the same design nationwide be checked.\n"
    "Built in 1968, the crossing was used by roughly 12,000 vehicles daily and was the sole "
    "direct road from Orsk to Valm, the regional capital.\n"
    "Prosecutors there are looking into whether negligence played a part.\n"
    "Orsk will observe a day of mourning on Tuesday."
)
# The same event reported on its own: the toll and the places agree, the rest is its own.
BRIDGE_OTHER = (
    "Rescue teams in Orsk worked through the night after the Tavel bridge collapsed on "
    "Sunday, sending vehicles into the river.\n"
    "Hospital director Mara Veen said 19 injured people had been admitted, three of them in "
    "intensive care.\n"
    'Jonas Kettel, who was fishing nearby, said he heard "a sound like thunder" before the '
    "deck fell into the water.\n"
    "Regional governor Alois Brandt visited the site on Monday and promised compensation for "
    "the families of the dead.\n"
    "At least 7 people were killed, according to the emergency services.\n"
    "Engineers from the University of Valm will examine what is left of the span.\n"
    "Residents said cracks had been visible on the bridge for months.\n"
    "Traffic between Orsk and Valm is being diverted through Lenz, adding an hour to the "
    "journey."
)


@pytest.mark.parametrize(
    ("sims", "expected"),
    [
        # three fair pairs in order beat one strong pair that leaves a sentence out
        ([[0.9, 0.0, 0.0], [0.0, 0.7, 0.9], [0.0, 0.7, 0.7]], [(0, 0), (1, 1), (2, 2)]),
        # a crossing pair cannot join the chain: the stronger of the two is kept
        ([[0.1, 0.9], [0.8, 0.1]], [(0, 1)]),
        # pairs below the floor are skipped, sentences left out cost nothing
        ([[0.3, 0.8, 0.1], [0.2, 0.1, 0.6]], [(0, 1), (1, 2)]),
        ([[0.44, 0.3]], []),
    ],
)
def test_monotone_alignment(sims, expected) -> None:
    assert monotone_alignment(np.array(sims), floor=0.45) == expected


class _DeafModel:
    """A pair model that calls no sentence pair a paraphrase."""

    def probability(self, x, number_blind: bool = False, **_: object) -> np.ndarray:
        return np.zeros(len(np.atleast_2d(x)))


@pytest.mark.embeddings
def test_loose_rewrite_is_found_by_structure_and_facts(settings, embedder) -> None:
    config = reuse_settings(settings)
    wire, rewrite, other = (profile(article(i, t, h), config) for i, t, h in
                            (("w", BRIDGE, 1), ("r", BRIDGE_REWRITE, 3),
                             ("o", BRIDGE_OTHER, 2)))
    vectorize = EmbeddingCache(1000).vectors
    for p in (wire, rewrite, other):
        p.prepared.vectors = vectorize([s.text for s in p.sentences])
    sims = wire.prepared.vectors @ rewrite.prepared.vectors.T
    found = rewrite_chain(wire.prepared, rewrite.prepared, sims, config)
    assert found is not None and found.fact_share_long >= config.chain_share
    # Found even when the sentence pair model aligns nothing: the chain does not ask it.
    result = decide(wire, rewrite, _DeafModel(), config, vectorize)  # type: ignore[arg-type]
    assert result is not None and result.relation == "rewrite"
    # The independent report of the same bridge collapse shares the toll and the places,
    # not the wire's sentences in order nor most of its facts.
    for a, b in ((wire, other), (rewrite, other)):
        sims = a.prepared.vectors @ b.prepared.vectors.T
        assert rewrite_chain(a.prepared, b.prepared, sims, config) is None


@pytest.mark.embeddings
@pytest.mark.parametrize(("wire", "rewrite", "other"), [
    pytest.param(WIRE, REWRITE, OTHER, id="close rewrite without shared wording"),
    pytest.param(BRIDGE, BRIDGE_REWRITE, BRIDGE_OTHER, id="loose rewrite"),
])
@pytest.mark.parametrize("pair_model", ["logistic", "cascade"])
def test_rewrite_found_and_independent_report_kept_apart(settings, embedder, wire, rewrite,
                                                         other, pair_model, monkeypatch) -> None:
    import corroborator.reuse.pipeline as reuse_pipeline

    asked: list[str] = []
    real = reuse_pipeline.load_pair_model

    def spy(kind: str | None = None, settings: object = None):  # type: ignore[no-untyped-def]
        asked.append(str(kind))
        return real(kind)

    monkeypatch.setattr(reuse_pipeline, "load_pair_model", spy)
    chosen = settings.with_overrides({"reuse": {"pair_model": pair_model}})
    arts = [article("w", wire, 1), article("r", rewrite, 3), article("o", other, 2)]
    found = edges(find_derivations(arts, chosen, candidates=[("w", "r"), ("w", "o"),
                                                             ("r", "o")]))
    assert asked == [pair_model]  # the configured sentence-pair model decides the alignment
    assert set(found) == {("r", "w")}
    assert found[("r", "w")].relation == "rewrite"
    assert independent_sources(["w", "r", "o"], list(found.values())) == 2


@pytest.mark.embeddings
def test_stock_phrases_shared_piecemeal_are_no_partial_copy(settings, embedder) -> None:
    """Independent reports of one event share names, titles and stock phrases all over
    (here half of each text, in runs shorter than a sentence); only whole copied sentences
    make a verbatim block."""
    phrases = [
        "the regional emergency service said late on Sunday in a short statement",
        "Transport Minister Edda Lunn told reporters outside the ministry in Valm",
        "the road bridge over the Tavel river in the northern town of Orsk",
        "prosecutors in Valm have opened an investigation into possible criminal negligence",
        "a national day of mourning was declared in Orsk for Tuesday",
        "about 12,000 vehicles a day used the crossing before the collapse",
        "divers from the navy recovered four bodies from the cold water overnight",
        "the bridge was built in 1968 and last inspected in the spring of 2021",
    ]
    fillers = ("witnesses recalled", "officials added", "one resident said", "it emerged",
               "neighbours insisted", "locals noted", "a driver said", "records show")
    first = " ".join(f"{p[0].upper()}{p[1:]}, {f}." for p, f in zip(phrases, fillers, strict=True))
    second = " ".join(f"By nightfall {p}, we hear." for p in reversed(phrases))
    arts = [article("w", first, 1), article("r", second, 2)]
    assert find_derivations(arts, settings, candidates=[("w", "r")]) == []


# Two reports of two floods written to one house pattern: every sentence has its
# counterpart in the same place and shape, with other figures.
PATTERN = (
    "Floods swamped the town of {town} on {day}, the regional fire service said.\n"
    "Mayor {mayor} said {homes} homes were flooded and {evacuated} residents had to leave.\n"
    "Emergency crews rescued {rescued} people from rooftops in the first hours.\n"
    "About {rain} millimetres of rain fell within 24 hours, the weather office said.\n"
    "The last comparable flood in the region was in {year}, when {hurt} people were hurt.\n"
    "Volunteers handed out food and blankets at {centres} centres across {town}.\n"
    "The regional government has set aside {money} million euros for flood defences.\n"
    "{town}, a market town of about {people} people, is known for its old bridge."
)
FLOOD_A = dict(town="Marsk", day="Tuesday", mayor="Ilse Varga", homes="1,200",
               evacuated="3,400", rescued="140", rain="180", year="1996", hurt="21",
               centres="12", money="40", people="25,500")
FLOOD_B = dict(town="Marsk", day="Tuesday", mayor="Ilse Varga", homes="860",
               evacuated="2,100", rescued="95", rain="210", year="1996", hurt="175",
               centres="7", money="66", people="22,500")


def test_aligned_sentences_telling_other_figures_are_no_rewrite() -> None:
    from corroborator.reuse.align import prepare
    from corroborator.reuse.derive import keeps_figures
    from corroborator.reuse.normalize import content_sentences

    def prepared(text: str):
        return prepare(content_sentences(text))

    a, b = prepared(PATTERN.format(**FLOOD_A)), prepared(PATTERN.format(**FLOOD_B))
    in_order = [(i, i) for i in range(len(a.sentences))]
    assert not keeps_figures(a, b, in_order)
    assert keeps_figures(a, a, in_order)
    # One changed figure is what a rewrite may carry (the derivation reports it).
    changed = prepared(PATTERN.format(**{**FLOOD_A, "rescued": "150"}))
    assert keeps_figures(a, changed, in_order)


@pytest.mark.embeddings
def test_reports_written_to_one_pattern_are_no_rewrite(settings, embedder) -> None:
    arts = [article("a", PATTERN.format(**FLOOD_A), 1),
            article("b", PATTERN.format(**FLOOD_B), 3)]
    assert find_derivations(arts, settings, candidates=[("a", "b")]) == []


def test_coverage_counts_each_sentence_once() -> None:
    from corroborator.reuse.align import Alignment, Match
    from corroborator.reuse.docpair import coverage

    # Source sentences 0 and 1 both end up in article sentence 0 (a merge): three matches,
    # but only two of the article's three sentences are covered.
    merged = Alignment([Match(0, 0, "paraphrase", 0.9, 0.8), Match(1, 0, "changed", 0.7, 0.7),
                        Match(2, 1, "paraphrase", 0.9, 0.8)])
    assert coverage(merged, 3, 3) == (2 / 3, 1.0)
    # A rewrite that merged two of four source sentences covers both articles whole.
    assert coverage(merged, 3, 2) == (1.0, 1.0)
    assert coverage(merged, 4, 2) == (1.0, 0.75)


# Two reports of one flood in one house style: every sentence has its counterpart in the same
# place and shape, without figures, about other people and streets.
HOUSE = (
    "Floods swamped the town of Marsk on Tuesday, the regional fire service said.\n"
    "{witness}, who runs a bakery on Mill Street, said business had stopped.\n"
    "Roads around {hood} were closed on {day} and the schools stayed shut.\n"
    "{official}, a spokesman for the mayor, said the clean-up would take weeks.\n"
    "Volunteers from {hood} handed out hot meals to families across Marsk."
)


@pytest.mark.embeddings
def test_aligned_reports_that_keep_few_facts_are_no_rewrite(settings, embedder) -> None:
    from dataclasses import replace

    from corroborator.reuse.classify import load_model

    config = reuse_settings(settings)
    first = HOUSE.format(witness="Lena Hartwig", hood="Oakside", day="Wednesday",
                         official="Tomas Berger")
    second = HOUSE.format(witness="Kofi Mensah", hood="Redgate", day="Thursday",
                          official="Anton Leclerc")
    a, b = profile(article("a", first, 1), config), profile(article("b", second, 2), config)
    vectorize = EmbeddingCache(1000).vectors
    model = load_model()
    # Every sentence aligns in order: the alignment tests alone take it for a rewrite ...
    loose = decide(a, b, model, replace(config, chain_share=0.0), vectorize)
    assert loose is not None and loose.relation == "rewrite"
    # ... but half the facts of either (people, places, days) are not in the other.
    assert decide(a, b, model, config, vectorize) is None


@pytest.mark.embeddings
def test_reports_with_facts_of_their_own_are_never_embedded(settings, embedder) -> None:
    from corroborator.embeddings import embed

    first = HOUSE.format(witness="Lena Hartwig", hood="Oakside", day="Wednesday",
                         official="Tomas Berger")
    second = HOUSE.format(witness="Kofi Mensah", hood="Redgate", day="Thursday",
                          official="Anton Leclerc")
    embedded: list[str] = []

    def recording(texts, **options):  # type: ignore[no-untyped-def]
        embedded.extend(texts)
        return embed(texts, **options)

    arts = [article("a", first, 1), article("b", second, 2), article("w", WIRE, 3),
            article("r", REWRITE, 4)]
    found = edges(find_derivations(arts, settings, candidates=[("a", "b"), ("w", "r")],
                                   embed_fn=recording))
    assert set(found) == {("r", "w")}
    # The two house-style reports fail the fact test every rewrite must pass, so their
    # sentences are neither embedded nor aligned; the rewrite's are.
    assert not any(name in text for text in embedded for name in ("Hartwig", "Mensah"))
    assert any("Varga" in text for text in embedded)
