"""The derivation-graph layout and the article highlighting, on hand-made inputs."""

from __future__ import annotations

import pytest

from corroborator.api.graph import NODE_H, NODE_W, layout_graph
from corroborator.api.highlight import Mark, segments
from corroborator.records import Change, Derivation


def art(i: str, day: int, *sources: tuple[str, str]) -> dict:
    return {"id": i, "outlet": f"Outlet {i}", "title": f"Title {i}",
            "published": f"2026-01-{day:02d}T10:00:00+00:00",
            "derived_from": [{"article": s, "relation": r, "score": 0.9} for s, r in sources]}


def overlaps(a: dict, b: dict) -> bool:
    return not (a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"]
                or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"])


def test_lineages_become_bands_with_origins_on_the_left() -> None:
    articles = [art("w", 1), art("c1", 2, ("w", "copy")), art("c2", 3, ("w", "rewrite")),
                art("cc", 4, ("c2", "copy")), art("x", 2), art("y", 5)]
    changes = [Derivation("c2", "w", "rewrite", 0.9, (Change("figure", "nearly 2,000",
                                                             "more than 2,000"),))]
    graph = layout_graph(articles, changes)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert set(nodes) == {a["id"] for a in articles}
    assert nodes["w"]["origin"] and not nodes["c1"]["origin"]
    assert nodes["w"]["x"] < nodes["c2"]["x"] < nodes["cc"]["x"]  # depth → column
    assert nodes["c1"]["y"] < nodes["c2"]["y"]  # publication order → row
    assert nodes["x"]["lineage"] == nodes["y"]["lineage"] != nodes["w"]["lineage"]
    assert len(graph["bands"]) == 2
    listed = list(nodes.values())
    assert not any(overlaps(a, b) for k, a in enumerate(listed) for b in listed[k + 1:])
    assert all(n["x"] + NODE_W <= graph["width"] and n["y"] + NODE_H <= graph["height"]
               for n in listed)
    edge = next(e for e in graph["edges"] if e["target"] == "c2")
    assert edge["changes"] == ["nearly 2,000 → more than 2,000"] and edge["changed"]
    assert edge["label"] == "rewrite 0.90"


def test_cycles_and_edges_to_other_stories_do_not_break_the_layout() -> None:
    articles = [art("a", 1, ("b", "copy")), art("b", 2, ("a", "copy"), ("zz", "copy"))]
    graph = layout_graph(articles)
    assert {n["id"] for n in graph["nodes"]} == {"a", "b"}
    assert len(graph["edges"]) == 2  # the edge to an article outside the story is dropped


def test_empty_story_draws_an_empty_picture() -> None:
    graph = layout_graph([])
    assert graph["nodes"] == [] and graph["width"] > 0 and graph["height"] > 0


TEXT = "Alpha said 40 died. Beta said 50 died."


@pytest.mark.parametrize(("marks", "expected"), [
    ([], [(TEXT, "")]),
    ([Mark(0, 19, "claim", "corroborated", "c1")],
     [("Alpha said 40 died.", "claim status-corroborated"), (" Beta said 50 died.", "")]),
    ([Mark(0, 19, "claim", "single-source", "c1"), Mark(11, 13, "figure")],
     [("Alpha said ", "claim status-single-source"),
      ("40", "claim status-single-source figure"),
      (" died.", "claim status-single-source"), (" Beta said 50 died.", "")]),
    # Overlapping claims: the segment shows the status a reader most needs to see.
    ([Mark(0, 19, "claim", "corroborated", "c1"), Mark(6, 38, "claim", "conflicting", "c2")],
     [("Alpha ", "claim status-corroborated"),
      ("said 40 died. Beta said 50 died.", "claim status-conflicting")]),
    ([Mark(20, 38, "claim", None, None), Mark(30, 32, "quote")],
     [("Alpha said 40 died. ", ""), ("Beta said ", "claim status-none"),
      ("50", "claim status-none quote"), (" died.", "claim status-none")]),
    # Marks outside the text (stale offsets) are ignored rather than cut wrongly.
    ([Mark(30, 99, "figure"), Mark(5, 2, "figure")], [(TEXT, "")]),
])
def test_segments_carry_their_marks(marks, expected) -> None:
    got = [(s.text, s.classes) for s in segments(TEXT, marks)]
    assert got == expected
    assert "".join(text for text, _ in got) == TEXT


def test_each_claim_is_anchored_once() -> None:
    marks = [Mark(0, 5, "claim", "corroborated", "c1"), Mark(20, 24, "claim", "corroborated",
                                                             "c1")]
    anchors = [a for s in segments(TEXT, marks) for a in s.anchors]
    assert anchors == ["c1"]


def test_misreport_along_an_edge_labels_the_edge() -> None:
    from corroborator.api.views import edge_conflicts

    def claim(cid: str, figure: str, *articles: str) -> dict:
        return {"id": cid, "quantities": [{"text": figure}],
                "mentions": [{"article": a, "span": [0, 1]} for a in articles]}

    story = {
        "articles": [art("w", 1), art("c", 2, ("w", "copy")), art("r", 3, ("w", "rewrite"))],
        "claims": [claim("p1", "nearly 2,000", "w", "c"), claim("p2", "more than 2,000", "r")],
        "conflicts": [{"kind": "misreport", "claims": ["p1", "p2"], "explanation": "x"},
                      {"kind": "update", "claims": ["p2", "p1"], "explanation": "y"}],
    }
    found = edge_conflicts(story)
    assert found == {("r", "w"): ["nearly 2,000 → more than 2,000"]}
    graph = layout_graph(story["articles"], (), found)
    edge = next(e for e in graph["edges"] if e["target"] == "r")
    assert edge["changes"] == ["nearly 2,000 → more than 2,000"] and edge["changed"]
    assert not next(e for e in graph["edges"] if e["target"] == "c")["changed"]
