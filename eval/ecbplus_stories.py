"""Story clustering quality on ECB+ (gold story = sub-topic: the ecb or ecbplus half of a topic).

All train and dev documents (topics 1-35; the test topics 36-45 are held out and never read)
are clustered together in ONE run, with the number of stories unknown. Figures: B-cubed
P/R/F1 and pairwise F1 over all documents, and restricted to the train and to the dev
topics. ECB+ has no publication dates, so the time feature is inactive here.

    .venv/bin/python eval/ecbplus_stories.py            # print figures
    .venv/bin/python eval/ecbplus_stories.py --gate     # fail (exit 1) below pinned floors
    .venv/bin/python eval/ecbplus_stories.py --tune     # grid-search weights on train topics
    .venv/bin/python eval/ecbplus_stories.py --train-split-model   # refit stories/pairs.py
    .venv/bin/python eval/ecbplus_stories.py --cv-split-model      # its AUC / log loss by topic; short pairs, snippets
    .venv/bin/python eval/ecbplus_stories.py --foreign  # articles in another language, simulated
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from corroborator.evaluation import gate
from corroborator.evaluation.metrics import bcubed, pairwise
from corroborator.records import Article
from corroborator.records.article import article_id, content_hash
from corroborator.settings import load_settings
from corroborator.stories import FeatureExtractor, StoryClusterer, StorySettings
from corroborator.stories.batch import publication_order

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus" / "ECB+"
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TRAIN_TOPICS = frozenset(t for t in range(1, 36) if t not in DEV_TOPICS)
GATE = "stories-ecbplus"
SHUFFLES = 5  # other input orders measured (reported, not gated)


# ECB+ keeps tokens, not the original spacing, and its two halves were tokenised apart: the
# ECB half keeps "5.6" and "$160" whole, the ECB+ half has "5 . 9" and "120 , 000". Joining
# the pieces back gives both halves one reading of their figures (a magnitude 5.9 is one
# number, not a 5 and a 9) and the entity recogniser text as it was written.
_DETOKENISE = (
    (re.compile(r"(?<=\d) ([.:]) (?=\d)"), r"\1"),  # 6 . 1, 02 : 24
    (re.compile(r"(?<=\d) , (?=\d{3}\b)"), ","),  # 120 , 000 (not "17 , 2013")
    (re.compile(r"(?<=[a-z0-9]) - (?=[a-z])"), "-"),  # two - thirds (not "Computerworld - M")
    (re.compile(r" (?=[,.;:!?%)\]])"), ""),
    (re.compile(r"(?<=[($\[]) "), ""),
    (re.compile(r" (?=(?:n't|'s|'re|'ve|'ll|'d)\b)"), ""),
)


def detokenise(line: str) -> str:
    """A line of space-joined tokens as running text ("6 . 1 - magnitude" -> "6.1-magnitude")."""
    for pattern, replacement in _DETOKENISE:
        line = pattern.sub(replacement, line)
    return line


def read_document(path: Path, url_in_text: bool = False,
                  spaced: bool = False) -> tuple[str | None, str]:
    """(URL, text): one sentence per line, tokens joined back (:func:`detokenise`; ``spaced``
    keeps them space-joined, the reading of the floors pinned before 2026-11-26).

    The ECB+ half of every topic stores its source URL as sentence 0, which the ECB half
    lacks, so the URL's words tell the two gold stories of a topic apart: a label leak. By
    default the URL becomes the article's URL, as a real article has it; ``url_in_text``
    keeps it as the first line, only to reproduce the figures pinned before 2026-11-25
    (B3 F1 0.929 with it vs 0.918 without on train+dev in id order, same settings).
    """
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = [" ".join(sentences[k]) for k in sorted(sentences)]
    if not spaced:
        lines = [detokenise(line) for line in lines]
    url = None
    if not url_in_text and lines and lines[0].startswith("http"):
        url = "".join(lines.pop(0).split())
    return url, "\n".join(lines)


def load(topics: frozenset[int], corpus: Path = CORPUS, per_subtopic: int | None = None,
         url_in_text: bool = False, spaced: bool = False
         ) -> tuple[list[Article], dict[str, str], dict[str, int]]:
    """Articles of ``topics``, gold sub-topic per article id, and topic per article id."""
    if topics & set(range(36, 46)):
        raise ValueError("ECB+ test topics 36-45 are held out")
    articles, gold, topic_of = [], {}, {}
    for topic in sorted(topics):
        folder = corpus / str(topic)
        if not folder.is_dir():
            continue  # topics 15 and 17 do not exist
        for kind in ("ecb", "ecbplus"):
            files = sorted(folder.glob(f"{topic}_*{kind}.xml"),
                           key=lambda p: int(p.name.split("_")[1].removesuffix(f"{kind}.xml")))
            for path in files[:per_subtopic]:
                url, text = read_document(path, url_in_text, spaced)
                aid = article_id(text, None, None, path.name)
                articles.append(Article(aid, str(path), url, None, None, None, "en", text,
                                        content_hash(text)))
                gold[aid] = f"{topic}-{kind}"
                topic_of[aid] = topic
    return articles, gold, topic_of


def run(features: list, config: StorySettings) -> dict[str, str]:
    """Cluster precomputed features in publication order; article id -> story id."""
    clusterer = StoryClusterer(config=config)
    for item in features:
        clusterer.add_features(item)
    clusterer.merge_step()
    return clusterer.assignments()


def score(predicted: dict[str, str], gold: dict[str, str], keep=None) -> dict[str, float]:
    ids = [a for a in gold if keep is None or keep(a)]
    sub_gold = {a: gold[a] for a in ids}
    sub_pred = {a: predicted[a] for a in ids}
    b3, pw = bcubed(sub_pred, sub_gold), pairwise(sub_pred, sub_gold)
    return {
        "b3_precision": round(b3.precision, 4),
        "b3_recall": round(b3.recall, 4),
        "b3_f1": round(b3.f1, 4),
        "pairwise_f1": round(pw.f1, 4),
        "stories": len(set(sub_pred.values())),
        "gold_stories": len(set(sub_gold.values())),
        "documents": len(ids),
    }


def featurise(articles: list[Article], settings) -> list:
    ordered = publication_order(articles)
    return FeatureExtractor(settings).extract(ordered)


def tune(settings, base: StorySettings) -> None:
    """Grid search on the train topics only; prints the best settings by B-cubed F1."""
    articles, gold, _ = load(TRAIN_TOPICS)
    features = featurise(articles, settings)
    results = []
    grid = itertools.product(
        [0.3, 0.45, 0.6], [0.2, 0.35, 0.5], [0.1, 0.15, 0.25], [0.0, 0.05, 0.1],
        [0.3, 0.35, 0.4, 0.45, 0.5, 0.55],
    )
    for emb, tfidf, ent, num, threshold in grid:
        config = replace(base, embedding_weight=emb, tfidf_weight=tfidf, entity_weight=ent,
                         number_weight=num, threshold=threshold,
                         merge_threshold=max(base.merge_threshold, threshold + 0.1))
        figures = score(run(features, config), gold)
        results.append((figures["b3_f1"], emb, tfidf, ent, num, threshold, figures))
    results.sort(key=lambda r: -r[0])
    for row in results[:10]:
        print(json.dumps({"embedding": row[1], "tfidf": row[2], "entity": row[3],
                          "number": row[4], "threshold": row[5], **row[6]}))


COEFFICIENTS = Path(__file__).resolve().parents[1] / "src" / "corroborator" / "stories" / (
    "_split_coefficients.py")
SPLIT_MIN_GROUP = 4  # an event with fewer train documents gives too few pairs to learn from


def split_training_pairs(settings) -> tuple:
    """Pair features and same-event labels of ECB+ train documents, grouped as the split
    check meets them: each topic whole (its two events mixed, as in a merged story) and
    each of its events alone (a real story, which must stay whole)."""
    x, y, _, _, n_groups = pair_rows(settings, TRAIN_TOPICS)
    return x, y, n_groups


def pair_rows(settings, topics: frozenset[int], halves: bool = True,
              frequencies_of: frozenset[int] | None = None) -> tuple:
    """(features, same-event labels, topic, whole-topic mask, groups) of the pairs of
    ``topics``' documents, grouped as in :func:`split_training_pairs` (``halves`` False: each
    topic whole only). IDF weights come from the documents of ``frequencies_of`` (default
    ``topics``)."""
    import numpy as np

    from corroborator.stories.online import DocumentFrequencies, article_vectors
    from corroborator.stories.pairs import group_features

    articles, gold, topic_of = load(topics | (frequencies_of or frozenset()))
    features = featurise(articles, settings)
    df = DocumentFrequencies()
    for item in features:
        if frequencies_of is None or topic_of[item.article_id] in frequencies_of:
            df.observe_article(item)
    vectors = {item.article_id: article_vectors(item, df) for item in features
               if topic_of[item.article_id] in topics}
    groups = []
    for topic in sorted({topic_of[a] for a in vectors}):
        ids = [a for a in vectors if topic_of[a] == topic]
        groups.append((topic, ids, True))
        for story in sorted({gold[a] for a in ids}) if halves else ():
            half = [a for a in ids if gold[a] == story]
            if len(half) >= SPLIT_MIN_GROUP:
                groups.append((topic, half, False))
    rows, labels, topic_rows, whole_rows = [], [], [], []
    for topic, ids, whole in groups:
        planes = group_features([vectors[a] for a in ids])
        upper = np.triu_indices(len(ids), 1)
        names = np.array([gold[a] for a in ids])
        rows.append(planes[upper])
        labels.append((names[:, None] == names[None, :])[upper])
        topic_rows.append(np.full(len(upper[0]), topic))
        whole_rows.append(np.full(len(upper[0]), whole))
    return (np.concatenate(rows), np.concatenate(labels), np.concatenate(topic_rows),
            np.concatenate(whole_rows), len(groups))


CV_FOLDS = 5


def grouped_predictions(x, y, groups, fit, folds: int = CV_FOLDS, seed: int = 0):
    """Out-of-fold probabilities: the groups (topics) dealt into ``folds`` folds in a
    seeded random order, each row predicted by ``fit`` (rows -> a model with
    ``predict_proba``) trained on the other folds' rows only, so no pair of a topic is
    judged by a model that saw the topic."""
    import numpy as np

    order = np.random.RandomState(seed).permutation(np.unique(groups))
    predicted = np.zeros(len(y))
    for fold in np.array_split(order, folds):
        held = np.isin(groups, fold)
        predicted[held] = fit(x[~held], y[~held]).predict_proba(x[held])[:, 1]
    return predicted


def _fit_pair_model(x, y):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=5000).fit(x, y)


SNIPPET_NEIGHBOURS = 3  # roundups of one beat a story of snippets mixes (AllSides)


def neighbourhood_groups(embeddings: dict[str, list], neighbours: int = SNIPPET_NEIGHBOURS
                         ) -> list[list[str]]:
    """For each gold story (key of ``embeddings``, its members' unit embeddings), the story
    and its ``neighbours`` nearest stories by mean embedding: what a story of headline + lead
    snippets of one beat becomes in a run (several events of the beat in one story). Each
    group lists its stories' keys, the story itself first, the nearest next; ties go to the
    earlier key (deterministic)."""
    import numpy as np

    keys = list(embeddings)
    means = np.stack([np.mean(np.asarray(embeddings[k], dtype=np.float64), axis=0)
                      for k in keys])
    means /= np.where((norms := np.linalg.norm(means, axis=1, keepdims=True)) == 0, 1, norms)
    similar = means @ means.T
    np.fill_diagonal(similar, np.inf)  # the story itself first
    order = np.argsort(-similar, axis=1, kind="stable")
    return [[keys[j] for j in order[i, : neighbours + 1]] for i in range(len(keys))]


def snippet_pair_rows(settings, limit: int | None = None) -> tuple:
    """(features, same-event labels) of AllSides *val* roundup snippets (the gated file, train,
    is not read), grouped by :func:`neighbourhood_groups`: a pair model that is to join short
    reports must tell the events of one beat apart there too. IDF of the val snippets."""
    import importlib.util

    import numpy as np

    from corroborator.stories.online import DocumentFrequencies, article_vectors
    from corroborator.stories.pairs import group_features

    spec = importlib.util.spec_from_file_location(
        "allsides_stories", Path(__file__).resolve().parent / "allsides_stories.py")
    assert spec is not None and spec.loader is not None
    allsides = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(allsides)
    articles, gold = allsides.load_probe(allsides.ROOT / "roundup_probe" / "val.source", limit)
    features = featurise(articles, settings)
    df = DocumentFrequencies()
    for item in features:
        df.observe_article(item)
    vectors = {item.article_id: article_vectors(item, df) for item in features}
    members: dict[str, list[str]] = {}
    for item in features:
        members.setdefault(gold[item.article_id], []).append(item.article_id)
    groups = neighbourhood_groups({k: [vectors[a].embedding for a in ids]
                                   for k, ids in members.items()})
    rows, labels = [], []
    for group in groups:
        ids = [a for key in group for a in members[key]]
        upper = np.triu_indices(len(ids), 1)
        names = np.array([gold[a] for a in ids])
        rows.append(group_features([vectors[a] for a in ids])[upper])
        labels.append((names[:, None] == names[None, :])[upper])
    return np.concatenate(rows), np.concatenate(labels)


def _short_pairs(settings, topics: frozenset[int], frequencies_of: frozenset[int]):
    """Whole-topic pair rows of ``topics`` where both documents are short reports (under
    ``regroup_min_words`` content words: the ones the word bars keep from joining)."""
    import numpy as np

    x, y, _, _, _ = pair_rows(settings, topics, halves=False, frequencies_of=frequencies_of)
    articles, _, topic_of = load(topics)
    bar = settings.get(StorySettings).regroup_min_words
    words = {item.article_id: len(item.terms) for item in featurise(articles, settings)}
    short = []
    for topic in sorted(set(topic_of.values())):
        ids = [a for a in words if topic_of[a] == topic]
        upper = np.triu_indices(len(ids), 1)
        under = np.array([words[a] < bar for a in ids])
        short.append(under[upper[0]] & under[upper[1]])
    keep = np.concatenate(short)
    return x[keep], y[keep]


def cross_validate_split_model(settings) -> dict[str, float]:
    """How well the pair model's features tell same-event pairs apart, judged on pairs no
    fit saw: topic-grouped cross-validation over the train topics (fitted as
    ``--train-split-model`` fits, scored on the pairs of each held-out topic whole, where
    its two events meet), and the model fitted on all train groups scored on the dev
    topics' pairs. IDF weights are those of train+dev (the reading of the figures in
    docs/stories.md: dev AUC 0.9813, log loss 0.2377 for the 16 features). The same model
    is scored on the dev pairs of short reports (``dev_short_*``) and on AllSides val
    snippets of one beat (``snippet_*``, :func:`snippet_pair_rows`): a join of short
    reports can be trusted only on a model that reads both."""
    import numpy as np
    from sklearn.metrics import log_loss, roc_auc_score

    both = TRAIN_TOPICS | DEV_TOPICS
    x, y, topics, whole, _ = pair_rows(settings, TRAIN_TOPICS, frequencies_of=both)
    predicted = grouped_predictions(x, y, topics, _fit_pair_model)
    dev_x, dev_y, _, _, _ = pair_rows(settings, DEV_TOPICS, halves=False, frequencies_of=both)
    model = _fit_pair_model(x, y)
    dev_predicted = model.predict_proba(dev_x)[:, 1]
    clip = 1e-6
    return {
        "train_cv_auc": round(float(roc_auc_score(y[whole], predicted[whole])), 4),
        "train_cv_log_loss": round(float(log_loss(
            y[whole], np.clip(predicted[whole], clip, 1 - clip))), 4),
        "train_cv_pairs": int(whole.sum()),
        "dev_auc": round(float(roc_auc_score(dev_y, dev_predicted)), 4),
        "dev_log_loss": round(float(log_loss(dev_y, np.clip(dev_predicted, clip, 1 - clip))), 4),
        "dev_pairs": len(dev_y),
        **_judged("dev_short", model, *_short_pairs(settings, DEV_TOPICS, both)),
        **_judged("snippet", model, *snippet_pair_rows(settings)),
    }


def _judged(name: str, model, x, y) -> dict[str, float]:
    import numpy as np
    from sklearn.metrics import log_loss, roc_auc_score

    predicted = np.clip(model.predict_proba(x)[:, 1], 1e-6, 1 - 1e-6)
    return {f"{name}_auc": round(float(roc_auc_score(y, predicted)), 4),
            f"{name}_log_loss": round(float(log_loss(y, predicted)), 4),
            f"{name}_pairs": len(y), f"{name}_same_event": round(float(np.mean(y)), 4)}


def train_split_model(settings) -> None:
    """Fit the split check's same-event model on train topics and write its coefficients."""
    from sklearn.linear_model import LogisticRegression

    from corroborator.stories.pairs import FEATURES

    x, y, n_groups = split_training_pairs(settings)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    weights = [round(float(w), 6) for w in model.coef_[0]]
    COEFFICIENTS.write_text(
        '"""Same-event pair model of the split check, stories.pairs (generated; do not edit).\n\n'
        f"Trained by eval/ecbplus_stories.py --train-split-model on ECB+ train topics: {len(y)} "
        f"pairs of {n_groups} groups (each topic whole and each of its events with >= "
        f"{SPLIT_MIN_GROUP} documents), {float(y.mean()):.3f} same-event; logistic "
        'regression, C = 1.\n"""\n\n'
        f"FEATURES = {FEATURES!r}\n"
        f"WEIGHTS = {weights!r}\n"
        f"INTERCEPT = {round(float(model.intercept_[0]), 6)!r}\n",
        encoding="utf-8",
    )
    print(f"wrote {COEFFICIENTS} ({len(y)} pairs, {n_groups} groups)")


def measure(settings, url_in_text: bool = False, spaced: bool = False) -> dict[str, float]:
    articles, gold, topic_of = load(TRAIN_TOPICS | DEV_TOPICS, url_in_text=url_in_text,
                                    spaced=spaced)
    config = settings.get(StorySettings)
    started = time.perf_counter()
    features = featurise(articles, settings)
    predicted = run(features, config)
    elapsed = time.perf_counter() - started
    figures: dict[str, float] = {}
    for name, keep in (("all", None), ("train", lambda a: topic_of[a] in TRAIN_TOPICS),
                       ("dev", lambda a: topic_of[a] in DEV_TOPICS)):
        for key, value in score(predicted, gold, keep).items():
            figures[f"{name}_{key}"] = value
    # Undated input is clustered in id order, an arbitrary order: the same documents in other
    # orders show how much of the figure is the luck of which article came first.
    shuffled = []
    for seed in range(SHUFFLES):
        order = features[:]
        random.Random(seed).shuffle(order)
        shuffled.append(score(run(order, config), gold)["b3_f1"])
    figures["shuffled_b3_f1_mean"] = round(sum(shuffled) / len(shuffled), 4)
    # The id order and the shuffles together: the figure to compare settings by.
    every = [figures["all_b3_f1"], *shuffled]
    figures["orders_b3_f1_mean"] = round(sum(every) / len(every), 4)
    figures["shuffled_b3_f1_min"] = min(shuffled)
    figures["shuffled_b3_f1_max"] = max(shuffled)
    # Dev topics clustered on their own as well (no train documents as distractors).
    dev_articles, dev_gold, _ = load(DEV_TOPICS, url_in_text=url_in_text, spaced=spaced)
    for key, value in score(run(featurise(dev_articles, settings), config), dev_gold).items():
        figures[f"dev_only_{key}"] = value
    figures["seconds"] = round(elapsed, 1)
    return figures


FOREIGN_FOLDS = 5
FOREIGN_TARGET = 0.95  # story-pair precision the joins near the bar must keep
FOREIGN_BAND = 0.05  # width of the score band whose precision is read
FOREIGN_MIN_BAND = 10  # fewer joins in a band say nothing
FOREIGN_BARS = (0.3, 0.35, 0.4, 0.45, 0.5)  # other bars reported beside the setting's


def foreign_joins(settings) -> dict[str, list[tuple[float, int, int]]]:
    """Per split, (translated score, members of its gold event, members) of the best story
    of each document read as if it were written in another language.

    ECB+ is English only, so a foreign article is simulated: each fifth of the documents is
    held out, the rest clustered as usual (id order), and each held-out document, marked as
    in another language, is scored against the stories on what survives translation only
    (its name stems and figures: :meth:`StoryClusterer.translated_best`), never on its
    embedding or words. A foreign article's German nouns and inflections are not simulated:
    they only lower its score, so a bar fitted here errs on the cautious side.
    """
    from corroborator.stories.online import article_vectors

    articles, gold, topic_of = load(TRAIN_TOPICS | DEV_TOPICS)
    config = settings.get(StorySettings)
    ordered = publication_order(articles)
    extractor = FeatureExtractor(settings)
    features = extractor.extract(ordered)
    foreign = extractor.extract([replace(a, language="xx") for a in ordered])
    out: dict[str, list[tuple[float, int, int]]] = {"train": [], "dev": []}
    for fold in range(FOREIGN_FOLDS):
        held = {f.article_id for i, f in enumerate(features) if i % FOREIGN_FOLDS == fold}
        clusterer = StoryClusterer(config=config)
        for item in features:
            if item.article_id not in held:
                clusterer.add_features(item)
        clusterer.merge_step()
        for item in foreign:
            if item.article_id not in held:
                continue
            vectors = article_vectors(item, clusterer.df)
            story, value = clusterer.translated_best(item.words, vectors, None)
            if story is None:
                continue
            same = sum(gold[a] == gold[item.article_id] for a in story.article_ids)
            split = "train" if topic_of[item.article_id] in TRAIN_TOPICS else "dev"
            out[split].append((value, same, len(story.article_ids)))
    return out


def _precision(rows: list[tuple[float, int, int]]) -> float:
    return sum(r[1] for r in rows) / max(1, sum(r[2] for r in rows))


def foreign_bar(rows: list[tuple[float, int, int]]) -> float:
    """The lowest bar above which every band of joins keeps FOREIGN_TARGET story-pair
    precision: the joins at the bar itself are as right as the target, not only on average
    with the surer ones above it (conservative: a wrong join is worse than none)."""
    bar = 1.0
    for step in range(100, -1, -1):
        low = step / 100
        band = [r for r in rows if low <= r[0] < low + FOREIGN_BAND]
        if len(band) >= FOREIGN_MIN_BAND and _precision(band) < FOREIGN_TARGET:
            break
        bar = low
    return bar


def measure_foreign(settings) -> dict[str, float]:
    joins = foreign_joins(settings)
    config = settings.get(StorySettings)
    figures: dict[str, float] = {"fitted_bar": foreign_bar(joins["train"]),
                                 "foreign_threshold": config.foreign_threshold}
    documents = {"train": 0, "dev": 0}
    for topic in load(TRAIN_TOPICS | DEV_TOPICS)[2].values():
        documents["train" if topic in TRAIN_TOPICS else "dev"] += 1
    for split, rows in joins.items():
        for bar in (config.foreign_threshold, *FOREIGN_BARS):
            joined = [r for r in rows if r[0] >= bar]
            at = "" if bar == config.foreign_threshold else f"_at_{bar}"
            figures[f"{split}_joined{at}"] = round(len(joined) / documents[split], 4)
            figures[f"{split}_pair_precision{at}"] = round(_precision(joined), 4)
            if not at:
                figures[f"{split}_majority_right"] = round(
                    sum(r[1] * 2 > r[2] for r in joined) / max(1, len(joined)), 4)
    return figures


# The id order is one arbitrary order of undated documents: a change can move it by 0.02
# either way by luck, so the mean over the six orders is gated as well.
GATED = ("all_b3_f1", "all_pairwise_f1", "dev_b3_f1", "train_b3_f1", "orders_b3_f1_mean")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gate", action="store_true", help="compare with pinned floors")
    parser.add_argument("--update-floors", action="store_true", help="pin the figures as floors")
    parser.add_argument("--tune", action="store_true", help="grid search on train topics")
    parser.add_argument("--allow-regression", action="store_true",
                        help="with --update-floors: allow lower floors (say why in the commit)")
    parser.add_argument("--train-split-model", action="store_true",
                        help="refit the split check's same-event model on train topics")
    parser.add_argument("--cv-split-model", action="store_true",
                        help="cross-validate the split check's same-event model by train topic "
                             "(AUC, log loss) and score it on the dev topics' pairs")
    parser.add_argument("--foreign", action="store_true",
                        help="simulate articles in another language (translated score only): "
                             "the bar fitted on train, joins and precision at foreign_threshold")
    parser.add_argument("--config", help="settings file (TOML) overriding the defaults")
    parser.add_argument("--url-in-text", action="store_true",
                        help="keep the ECB+ half's URL as the first line of its text (a label "
                             "leak; only to reproduce figures from before 2026-11-25, not gated)")
    parser.add_argument("--spaced-tokens", action="store_true",
                        help="keep ECB+ tokens space-joined (the reading of the floors pinned "
                             "before 2026-11-26; not gated)")
    args = parser.parse_args(argv)
    if args.url_in_text and (args.gate or args.update_floors):
        parser.error("--url-in-text figures leak the gold label and are never gated")
    if args.spaced_tokens and (args.gate or args.update_floors):
        parser.error("--spaced-tokens reproduces an earlier reading and is never gated")
    settings = load_settings(args.config, environ={})
    if args.tune:
        tune(settings, settings.get(StorySettings))
        return 0
    if args.train_split_model:
        train_split_model(settings)
        return 0
    if args.cv_split_model:
        print(json.dumps(cross_validate_split_model(settings), indent=2))
        return 0
    if args.foreign:
        print(json.dumps(measure_foreign(settings), indent=2))
        return 0
    figures = measure(settings, args.url_in_text, args.spaced_tokens)
    print(json.dumps(figures, indent=2))
    if args.url_in_text or args.spaced_tokens:
        return 0
    gated = {k: figures[k] for k in GATED}
    return gate.apply(GATE, gated, update_floors=args.update_floors, enforce=args.gate,
                      allow_regression=args.allow_regression)


if __name__ == "__main__":
    sys.exit(main())
