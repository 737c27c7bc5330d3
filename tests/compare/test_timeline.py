"""The story timeline (compare/timeline.build_timeline), built from records alone."""

from corroborator.compare.timeline import build_timeline
from corroborator.records import Proposition

from .helpers import article, claim

TEXT = ("The mayor said the bridge would close on Monday. The engineer said repairs would take "
        "six weeks. The council said buses would replace the trams. The police said two roads "
        "would be shut.")


def test_one_reports_claims_keep_the_order_the_report_tells_them_in() -> None:
    report = article("a", "Harbor Wire", TEXT, day=4)
    claims = [claim(report, text, speaker) for text, speaker in (
        ("the bridge would close on Monday", "mayor"),
        ("repairs would take six weeks", "engineer"),
        ("buses would replace the trams", "council"),
        ("two roads would be shut", "police"))]
    # proposition ids that sort against the text's order
    props = [Proposition(f"p-{9 - i}", "s", (c.id,), "single-source", 1)
             for i, c in enumerate(claims)]
    timeline = build_timeline(props, {c.id: c for c in claims}, {report.id: report})
    assert [e["text"] for e in timeline] == [
        "the bridge would close on Monday", "repairs would take six weeks",
        "buses would replace the trams", "two roads would be shut"]
