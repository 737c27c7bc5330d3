"""Story clustering quality on AllSides headline roundups (NeuS, Lee et al. NAACL 2022).

Each roundup line holds three outlets' headline + lead about one event (gold story = line).
All article snippets of the train file are clustered at once (the test file is held out and
never read); no dates exist there, so the time feature is inactive. A second check streams
the dated raw crawl batch in publication order, where the time feature is active.

    .venv/bin/python eval/allsides_stories.py             # print figures
    .venv/bin/python eval/allsides_stories.py --gate      # fail (exit 1) below pinned floors
    .venv/bin/python eval/allsides_stories.py --limit 600 # only the first 600 roundups
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from corroborator.evaluation import gate
from corroborator.evaluation.metrics import bcubed, pairwise
from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.settings import load_settings
from corroborator.stories import StoryClusterer, StorySettings, publication_order
from corroborator.stories.anchors import claim_anchors

ROOT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "neus_allsides"
PROBE = ROOT / "roundup_probe" / "train.source"
CRAWL = ROOT / "raw_crawled" / "headline_11_2021-10-19_crawled_all.jsonl"
GATE = "stories-allsides"


def _article(title: str, text: str, outlet: str | None, published: datetime | None,
             locator: str) -> Article:
    aid = article_id(text, outlet, locator, title)
    return Article(aid, None, locator, outlet, title, published, "en", text, content_hash(text))


def load_probe(path: Path = PROBE, limit: int | None = None
               ) -> tuple[list[Article], dict[str, str]]:
    """Snippets of the roundup file; gold story = line number."""
    if path.name.startswith("test"):
        raise ValueError("the roundup test split is held out")
    articles, gold = [], {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                break
            for position, part in enumerate(line.rstrip("\n").split(" [SEP] ")):
                title, _, text = part.removeprefix("TITLE=> ").partition(" ARTICLE=> ")
                title, text = title.strip().rstrip("."), text.strip()
                if not text and not title:
                    continue
                article = _article(title, text or title, None, None, f"line {number} #{position}")
                articles.append(article)
                gold[article.id] = str(number)
    return articles, gold


def load_crawl(path: Path = CRAWL) -> tuple[list[Article], dict[str, str]]:
    """Dated roundups of the raw crawl; articles get the roundup time (+1 h per outlet).

    The crawl keeps only the roundup's time, not each article's: the offsets only make the
    order of the three reports deterministic.
    """
    articles, gold = [], {}
    for number, line in enumerate(path.read_text("utf-8").splitlines()):
        event = json.loads(line)
        try:
            day = datetime.fromisoformat(event.get("date") or "").astimezone(UTC)
        except ValueError:
            day = None
        for offset, side in enumerate(("left", "center", "right")):
            news = (event.get("news") or {}).get(side) or {}
            title = (news.get("newsTitle") or "").strip()
            body = " ".join(p.strip() for p in news.get("newBody") or [] if p.strip())
            if not title and not body:
                continue
            when = None if day is None else day + timedelta(hours=offset)
            article = _article(title, body or title, news.get("newsSource"), when,
                               news.get("newsLink") or f"crawl {number} {side}")
            articles.append(article)
            gold[article.id] = str(number)
    return articles, gold


def score(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    b3, pw = bcubed(predicted, gold), pairwise(predicted, gold)
    return {
        "b3_precision": round(b3.precision, 4),
        "b3_recall": round(b3.recall, 4),
        "b3_f1": round(b3.f1, 4),
        "pairwise_f1": round(pw.f1, 4),
        "stories": len(set(predicted[a] for a in gold)),
        "gold_stories": len(set(gold.values())),
        "documents": len(gold),
    }


def cluster(articles: list[Article], settings, anchors=None) -> dict[str, str]:
    clusterer = StoryClusterer(settings)
    clusterer.add_many(publication_order(articles), anchors=anchors)
    clusterer.merge_step()
    return clusterer.assignments()


def crawl_anchors(articles: list[Article], settings) -> dict[str, tuple[str, ...]]:
    """Anchor keys from the claims the analyse stage would find (as the pipeline passes them)."""
    from corroborator.nlp.analyze import analyze_articles

    claims = [c for analysis in analyze_articles(articles, settings) for c in analysis.claims]
    return claim_anchors(claims, settings.get(StorySettings).anchor_min_value)


def measure(settings, limit: int | None, crawl: bool, anchors: bool = False
            ) -> dict[str, float]:
    figures: dict[str, float] = {}
    started = time.perf_counter()
    articles, gold = load_probe(limit=limit)
    for key, value in score(cluster(articles, settings), gold).items():
        figures[f"roundup_{key}"] = value
    if crawl and CRAWL.exists():
        articles, gold = load_crawl()
        for key, value in score(cluster(articles, settings), gold).items():
            figures[f"crawl_{key}"] = value
        if anchors:
            # The pipeline links dated stories quoting the same figure (claims of the analyse
            # stage); reported beside the gated figure, which clusters the text alone.
            linked = cluster(articles, settings, crawl_anchors(articles, settings))
            for key, value in score(linked, gold).items():
                figures[f"crawl_anchors_{key}"] = value
    figures["seconds"] = round(time.perf_counter() - started, 1)
    return figures


GATED = ("roundup_b3_f1", "roundup_pairwise_f1", "crawl_b3_f1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gate", action="store_true", help="compare with pinned floors")
    parser.add_argument("--update-floors", action="store_true", help="pin the figures as floors")
    parser.add_argument("--limit", type=int, help="only the first N roundups (default: all)")
    parser.add_argument("--no-crawl", action="store_true", help="skip the dated crawl check")
    parser.add_argument("--anchors", action="store_true",
                        help="also cluster the crawl with claim anchors (runs the analysis)")
    parser.add_argument("--config", help="settings file (TOML) overriding the defaults")
    args = parser.parse_args(argv)
    settings = load_settings(args.config, environ={})
    figures = measure(settings, args.limit, not args.no_crawl, args.anchors)
    print(json.dumps(figures, indent=2))
    gated = {k: figures[k] for k in GATED if k in figures}
    if args.update_floors and args.limit is not None:
        parser.error("--update-floors pins the full-corpus figures; drop --limit")
    return gate.apply(GATE, gated, update_floors=args.update_floors, enforce=args.gate)


if __name__ == "__main__":
    sys.exit(main())
