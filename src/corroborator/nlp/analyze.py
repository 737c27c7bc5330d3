"""The per-article NLP stage: articles in, attributed claims, quantities and dates out.

``analyze_articles`` streams the paragraphs of many articles through one ``nlp.pipe`` (so
batching and worker processes span article boundaries), regroups the parsed paragraphs by
article and runs the claim layer on each. Bad input never raises: an article that cannot be
analysed comes back with ``error`` set and the others carry on.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..records import Article, Claim, DateMention, Quantity, Span
from ..settings import IngestSettings, NlpSettings, Settings
from . import attribution as attr
from . import cues as lex
from . import narration
from . import quotes as qt
from . import speakers as spk
from .loader import load_pipeline
from .org_descriptions import is_described_firm, resolve_organisation, without_descriptor
from .relations import initialism_is_outlet, is_initialism
from .segment import Paragraph, parse_paragraphs, split_paragraphs
from .subjects import within_phrase
from .tokenspans import TEXT_KEY

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Sentence

EXTRACTOR = "corroborator.nlp/attribution-1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """What the NLP stage found in one article. ``error`` set means nothing was analysed."""

    article_id: str
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    error: str | None = None
    notes: tuple[str, ...] = ()


def _finders(settings: Settings) -> tuple[Callable[..., list[Quantity]] | None,
                                          Callable[..., list[DateMention]] | None]:
    """The quantity and date finders of the sibling modules, bound to ``settings``.

    They are built in parallel with this stage; until they are importable the stage runs
    with empty quantities and dates instead of failing.
    """
    try:
        from .numbers import QuantitySettings
        from .quantities import find_quantities
    except ImportError:
        quantities = None
    else:
        try:
            qsettings = settings.get(QuantitySettings)
        except Exception:  # the section may be absent from an older user file
            qsettings = None

        def quantities(doc: Doc, offset: int) -> list[Quantity]:
            return find_quantities(doc, offset, qsettings)

    try:
        from .dates import find_dates
    except ImportError:
        find_dates = None  # type: ignore[assignment]
    return quantities, find_dates


def claim_id(article_id: str, content: tuple[int, int], cue: tuple[int, int] | None) -> str:
    """Stable id from the article and the claim's spans."""
    key = f"{article_id}:{content[0]}:{content[1]}:{cue[0] if cue else -1}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Prepared:
    article: Article
    text: str  # the text as parsed: control characters blanked, cut at max_chars
    paragraphs: list[Paragraph]
    error: str | None
    notes: tuple[str, ...]
    neural_tagger: bool = False  # [nlp] neural_tagger: the tagger checks the attributions
    narrated_figures: bool = True  # [nlp] narrated_figures: the outlet's own figures are claims


def _prepare(article: Article, nlp_settings: NlpSettings, languages: list[str]) -> _Prepared:
    if article.language is not None and article.language not in languages:
        return _Prepared(article, "", [], f"not analysed: language {article.language}", ())
    text = article.text or ""
    notes: list[str] = []
    if len(text) > nlp_settings.max_chars:
        notes.append(
            f"text cut at {nlp_settings.max_chars} of {len(text)} characters ([nlp] max_chars)"
        )
        text = text[: nlp_settings.max_chars]
    # same length replacement keeps every offset valid in the stored text
    text = _CONTROL.sub(" ", text)
    if not _WORD.search(text):
        return _Prepared(article, text, [], "not analysed: the text has no sentences", ())
    return _Prepared(article, text, split_paragraphs(text), None, tuple(notes),
                     nlp_settings.neural_tagger, nlp_settings.narrated_figures)


# Honorifics only people bear (a "General" or a "Governor" may open a body's name).
_HONORIFICS = frozenset("mr mrs ms dr prof professor sir dame".split())  # noqa: SIM905


def _behind_honorific(ent: Sentence) -> bool:
    """Whether a name opens with, or follows, an honorific ("Dr Ines Marlow", "Dr [Hana
    Brisk]")."""
    first = ent[0].lower_.rstrip(".")
    previous = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
    return first in _HONORIFICS or previous in _HONORIFICS


def _mentions(doc: Doc, offset: int) -> list[spk.Mention]:
    found = []
    for whole in doc.ents:
        ent = doc[slice(*within_phrase(whole.root, whole.start, whole.end))]
        if not len(ent):
            continue
        before = doc[max(ent.start - 3, 0) : ent.start]
        titles = frozenset(t.lower_ for t in before if t.is_alpha)
        # "Brannock Mobile, Tessaly's second-largest operator": the apposition describes it
        titles |= {c.lower_ for c in ent.root.children
                   if c.dep_ == "appos" and is_described_firm(frozenset([c.lower_]))}
        label = whole.label_
        if label not in ("PERSON", "ORG", "GPE", "NORP"):
            # "shares in chipmaker Norvex": a firm, whatever label the recogniser gave it
            if label not in ("PRODUCT", "FAC", "WORK_OF_ART") or not is_described_firm(titles):
                continue
            label = "ORG"
        role = before[-1].lower_ if len(before) and before[-1].is_alpha else None
        subject = ent.root.dep_ in ("nsubj", "nsubjpass") or (
            ent.root.dep_ == "appos" and ent.root.head.dep_ in ("nsubj", "nsubjpass"))
        name = without_descriptor(ent.text)
        if name != ent.text:  # "Chipmaker Norvex": the description is a title of the name
            titles |= {ent.text.split()[0].lower()}
        if label == "ORG" and _behind_honorific(ent):
            # "Dr Ines Marlow": a name behind a personal honorific is a person's, whatever
            # the recogniser made of it, and never what "the company" refers to
            label = "PERSON"
        if label == "PERSON" and _firm_name(name):
            # "Velmora Water", "Orvane Systems": a name shaped as a firm's is one, whatever
            # the recogniser made of it, and so may be what "the company" refers to
            label = "ORG"
        found.append(spk.Mention(ent.start_char + offset, name, label, titles, role, subject))
    return sorted(found + _unlabelled_firms(doc, offset), key=lambda m: m.start)


def _unlabelled_firms(doc: Doc, offset: int) -> list[spk.Mention]:
    """Firm-shaped names the recogniser left unlabelled ("Brisant Automotive is recalling
    ..., the company said"): capitalised words ending in a firm's word outside any entity,
    so that "the company" has the firm to refer to."""
    found = []
    for token in doc:
        if token.ent_type_ or not token.text[:1].isupper() or \
                token.lower_ not in spk.FIRM_WORDS or not token.i:
            continue
        start = token.i
        while start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].ent_type_ \
                and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i <= token.i:
            start -= 1
        # a sentence's first word alone is capitalised whatever it is ("Motors were ...")
        if start == token.i or doc[start].is_sent_start and start + 1 == token.i \
                and doc[start].pos_ != "PROPN":
            continue
        name = doc[start : token.i + 1]
        subject = token.dep_ in ("nsubj", "nsubjpass")
        found.append(spk.Mention(name.start_char + offset, name.text, "ORG", subject=subject))
    return found


# Words before a name that use it as a place: "recalled in Velmark", "shares fell in Altenburg".
_LOCATIVES = frozenset(["in", "from", "across", "near", "throughout", "outside", "around"])


def _relabel_firm_short_names(mentions: list[spk.Mention], atts: list[attr.Attribution]) -> None:
    """"Quellmark Motors is recalling ... Quellmark said": the recogniser may take a firm's
    short name for a place, and a place is never a firm's short name or what "the company"
    means. A name it labels a place that begins a firm's full name in the same report, and
    is never used as a place ("in Estmark"), is the firm's."""
    firsts = {words[0] for m in mentions if m.label == "ORG" and _firm_name(m.name)
              for words in [spk.clean_name(m.name).split()]}
    located = {m.name for m in mentions if m.role in _LOCATIVES}
    short = {m.name for m in mentions if m.label == "GPE" and m.name in firsts} - located
    for mention in mentions:
        if mention.name in short:
            mention.label = "ORG"
    for att in atts:
        if att.speaker_label == "GPE" and spk.clean_name(att.speaker_text or "") in short:
            att.speaker_label = "ORG"


def _speaker_label(att: attr.Attribution, text: str) -> str:
    """The entity label of a named speaker as an antecedent: the recogniser's, but a person's
    behind an honorific ("said Dr Hana Brisk" read as an organisation), else a guess."""
    label = att.speaker_label or _guess_label(att.speaker_text or "")
    if label == "ORG" and att.speaker is not None:
        start, end = att.speaker
        words = (text[max(start - 12, 0) : start].split()[-1:]
                 + text[start:end].split()[:1] + (att.speaker_text or "").split()[:1])
        if any(w.lower().rstrip(".") in _HONORIFICS for w in words):
            return "PERSON"
    return label


def _guess_label(name: str) -> str:
    """Capitalised multi-word names are people; other unlabelled speakers are groups or things."""
    words = name.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return "PERSON"
    return "NOUN"


def _titled_person(start: int, phrase: str) -> spk.Mention | None:
    """A speaker phrase that ends in a title and a capitalised name is that person with that
    title, whatever the recogniser made of it: "National Bank of Estmark Governor Pia Lund"
    is Pia Lund, the one "the governor" later refers to."""
    words = phrase.split()
    i = spk.last_title(words)
    if i is None:
        return None
    name = words[i + 1 :]
    if len(name) > 3 or not all(w[:1].isupper() for w in name):
        return None
    return spk.Mention(start, " ".join(name), "PERSON",
                       frozenset(w.lower() for w in words[: i + 1]), words[i].lower(),
                       subject=True)


def _speaker_names(
    atts: list[attr.Attribution], mentions: list[spk.Mention], text: str
) -> list[str | None]:
    """Resolved, normalised speaker name of every attribution (same order)."""
    acronyms = spk.acronym_definitions(text)
    # named speakers are antecedents too: "The union said ... It added ..."
    extra = [
        _titled_person(a.speaker[0], a.speaker_text) or spk.Mention(
            a.speaker[0], a.speaker_text, _speaker_label(a, text), subject=True)
        for a in atts
        if a.speaker and a.speaker_text and not a.pronoun
    ]
    mentions = spk.people_by_surname(sorted(mentions + extra, key=lambda m: m.start), text)
    raw: list[str | None] = []
    # a pronoun's antecedent may be a description resolved before it: "The bank now sees
    # ..., compared with its July forecast" is the bank's, and the bank is a named one
    described: dict[str, str] = {}
    for att in atts:
        name = att.speaker_text
        if att.speaker is None:
            raw.append(None)
            continue
        candidates = _without_relays(mentions, att)
        if att.pronoun and name:
            name = spk.resolve_pronoun(name, att.speaker[0], candidates) or name
            name = described.get(name, name)
        elif att.speaker_label is None:
            # "the president": the one person introduced with that title, if only one was;
            # "the utility": the firm named just before
            # the source a chain cites is named by its phrase ("citing Ostmark's spy
            # agency"), the span by its head only
            owner = _findings_owner(text, att.speaker, name, mentions)
            resolved = described.get(owner, owner) if owner else None
            for phrase in dict.fromkeys([text[att.speaker[0] : att.speaker[1]], name or ""]):
                resolved = resolved or spk.resolve_description(phrase, candidates) or \
                    resolve_organisation(phrase, att.speaker[0], candidates)
            # "the two companies said ... , the companies said": a description the text
            # repeats is who it was the first time, though more names came in between
            resolved = resolved or described.get(name or "")
            if resolved in _relays(att):
                resolved = None
            if resolved and name:
                described[name] = resolved
            name = resolved or name
        if name and spk.clean_name(name) in acronyms:
            name = acronyms[spk.clean_name(name)]
        raw.append(without_descriptor(name) if name else name)
    people = [m.name for m in mentions if m.label == "PERSON"]
    # firms named in full though they speak only by their short name: "the private equity
    # firm Grenhaven Capital made an approach. Grenhaven said ..." is Grenhaven Capital
    firms = [m.name for m in mentions if m.label == "ORG" and _firm_name(m.name)]
    names = [n for n in raw if n] + people + list(acronyms.values()) + firms
    not_people = {m.name for m in mentions if m.label in ("ORG", "GPE", "NORP")}
    places = {m.name for m in mentions if m.label in ("GPE", "NORP")}
    canonical = spk.canonical_speakers(names, people, not_people, places)
    for att, name in zip(atts, raw, strict=True):
        _name_speaker_in_chain(att, name)
    for att in atts:  # the chain uses the same names as the speakers
        named = [(acronyms.get(described.get(v, v), described.get(v, v)), span)
                 for v, span in att.via]
        att.via = [(canonical.get(v, v), span) for v, span in named]
    return [canonical.get(n, n) if n else None for n in raw]


def _drop_own_outlet_told(att: attr.Attribution, outlet: str | None) -> None:
    """"Kim told the Herald" in the Herald's own report is the paper's interview, no chain:
    the words came to the reader through no other outlet."""
    if att.cue_lemma == "tell" and len(att.via) == 2 and outlet and \
            names_outlet(att.via[0][0], outlet):
        att.via = []


def _drop_initialism_not_shown_an_outlet(att: attr.Attribution, article: Article) -> None:
    """"The minister told the UN": an initialism the speaker told is an outlet (a chain
    through it) only when the report shows it is one (:func:`relations.initialism_is_outlet`);
    else it is a hearer, and the words came through no outlet."""
    if att.cue_lemma == "tell" and len(att.via) == 2 and is_initialism(att.via[0][0]) and \
            not initialism_is_outlet(att.via[0][0], article.text, article.outlet):
        att.via = []


# Words an outlet's name may end with that only say what kind of outlet it is: "KTV News"
# calls itself "KTV" in its own reports.
_MEDIUM_WORDS = frozenset(["news", "online", "tv", "television", "digital", "network"])


def names_outlet(name: str, outlet: str) -> bool:
    """Whether ``name`` (as a report writes it) is the outlet ``outlet``: the same words, its
    last words ("the Herald" for "The Northgate Herald"), its first words before words of
    its medium alone ("KTV" for "KTV News") or its initials ("HPA" for "Harlow Press
    Agency")."""
    said = spk.clean_name(name).lower().split()
    full = spk.clean_name(outlet).lower().split()
    if not said or not full:
        return False
    if said == full[: len(said)] and all(w in _MEDIUM_WORDS for w in full[len(said) :]):
        return True
    return said == full[-len(said) :] or (len(said) == 1
                                          and said[0] == spk.initials(outlet).lower())


def _relays(att: attr.Attribution) -> set[str]:
    """The names a claim's chain passes it through before its speaker ("KTA" in "..., the
    company said, according to KTA"): none of them is the speaker."""
    return {spk.clean_name(v) for v, _ in att.via[:-1]}


def _without_relays(mentions: list[spk.Mention],
                    att: attr.Attribution) -> list[spk.Mention]:
    """``mentions`` without the names ``att``'s chain relays it through: the company that
    spoke "according to KTA" is not KTA, though KTA is the organisation named last."""
    relays = _relays(att)
    return [m for m in mentions if spk.clean_name(m.name) not in relays] if relays else mentions


def _name_speaker_in_chain(att: attr.Attribution, name: str | None) -> None:
    """The chain ends with the speaker: it takes the name the speaker was resolved to ("the
    company" → "Varkos Mining"), so the two cannot drift apart."""
    if not att.via or not name or att.speaker is None:
        return
    last, span = att.via[-1]
    if att.speaker[0] <= span[0] < att.speaker[1] and spk.clean_name(last) not in _relays(att):
        att.via[-1] = (name, span)


def _firm_name(name: str) -> bool:
    """A name that ends in a firm's word ("Grenhaven Capital", "Veltra Power")."""
    words = spk.clean_name(name).split()
    return len(words) > 1 and words[-1].lower() in spk.FIRM_WORDS


_OWNER = re.compile(r"\b(its|our|their)(?:\s+\w+){1,3}$", re.IGNORECASE)


def _findings_owner(text: str, span: tuple[int, int], name: str | None,
                    mentions: list[spk.Mention]) -> str | None:
    """"Our investigation has found ...", "its review showed ...": an inquiry's findings are
    its owner's, the body the possessive stands for."""
    words = (name or "").split()
    if not words or not lex.is_evidence_subject(words[-1]):
        return None
    owner = _OWNER.search(text, max(span[0] - 8, 0), span[1])
    return spk.resolve_pronoun(owner.group(1), owner.start(), mentions) if owner else None


def _claims_of(prep: _Prepared, docs: list[Doc], finders: tuple[Any, Any]) -> ArticleAnalysis:
    article, text = prep.article, prep.text
    find_quantities, find_dates = finders
    atts: list[attr.Attribution] = []
    quotes: list[list[qt.Quote]] = []
    mentions: list[spk.Mention] = []
    quantities: list[Quantity] = []
    dates: list[DateMention] = []
    sentences: list[tuple[Sentence, int]] = []  # with their paragraph's offset
    for para, doc in zip(prep.paragraphs, docs, strict=True):
        # the text as parsed: spares joining the tokens again in each pass that reads it
        doc.user_data[TEXT_KEY] = para.text
        if find_quantities is not None:
            quantities.extend(find_quantities(doc, para.start))
        if find_dates is not None:
            dates.extend(find_dates(doc, article.published, para.start))
        mentions.extend(_mentions(doc, para.start))
        para_quotes = qt.find_quotes(text, para.start, para.end)
        quotes.append(para_quotes)
        if not para.heading:
            sentences.extend((sentence, para.start) for sentence in doc.sents)
        for att in attr.find_attributions(doc, para.start):
            qt.expand_to_quotes(att, para_quotes, text)
            atts.append(att)
    quantities = _with_named_owners(quantities, text, mentions)
    spans = [(p.start, p.end) for p in prep.paragraphs]
    atts = qt.attach_quotes(atts, quotes, spans, text)
    atts = attr.drop_nested(atts)
    if prep.neural_tagger:
        from .neural_evidence import check_attributions

        atts = check_attributions(atts, text)
    all_quotes = [q for group in quotes for q in group]
    if prep.narrated_figures:
        atts += narration.narrated_figures(sentences, atts, all_quotes, quantities)
    for att in atts:
        _drop_own_outlet_told(att, article.outlet)
        _drop_initialism_not_shown_an_outlet(att, article)
    _relabel_firm_short_names(mentions, atts)
    names = _speaker_names(atts, mentions, text)
    claims = []
    seen: set[str] = set()
    for att, name in zip(atts, names, strict=True):
        content = _with_figure_it_cuts(Span(*att.content), quantities)
        cid = claim_id(article.id, att.content, att.cue)
        if cid in seen or not len(content):
            continue
        seen.add(cid)
        quote = qt.quote_text(att, all_quotes, text)
        claims.append(
            Claim(
                id=cid,
                article_id=article.id,
                speaker=name,
                speaker_span=Span(*att.speaker) if att.speaker else None,
                cue=text[att.cue[0] : att.cue[1]] if att.cue else None,
                cue_span=Span(*att.cue) if att.cue else None,
                content_span=content,
                quote=quote,
                stance=att.stance,
                via=tuple(v for v, _ in att.via),
                quantities=tuple(q for q in quantities if content.contains(q.span)),
                dates=tuple(d for d in dates if content.contains(d.span)),
                sentence_span=Span(*att.sentence) if att.sentence else None,
                extractor=narration.EXTRACTOR if att.kind == narration.NARRATION else EXTRACTOR,
                speaker_type=att.speaker_label,
            )
        )
    claims.sort(key=lambda c: (c.content_span.start, c.content_span.end))
    return ArticleAnalysis(article.id, tuple(claims), tuple(quantities), tuple(dates), None,
                           prep.notes)


def _with_named_owners(quantities: Sequence[Quantity], text: str,
                       mentions: Sequence[spk.Mention]) -> list[Quantity]:
    """The figures with an owner told by description ("The party took 41.6% of the vote")
    named as the organisation the description stands for ("Unity Party took vote"), read
    as a speaker's description is (:func:`.org_descriptions.resolve_organisation`): the
    report's final share is then the same party's share as the count's earlier one."""
    out = []
    for q in quantities:
        first, _, rest = (q.measured or "").partition(" ")
        if first.islower() and rest:
            opening = max(text.rfind(". ", 0, q.span.start), text.rfind("\n", 0, q.span.start))
            before = text[opening + 1 : q.span.start]
            found = re.search(rf"\b[Tt]he\s+{re.escape(first)}\b", before)
            name = resolve_organisation(found.group(0), opening + 1 + found.start(),
                                        mentions) if found else None
            if name:
                q = replace(q, measured=f"{name} {rest}")
        out.append(q)
    return out


def _with_figure_it_cuts(content: Span, quantities: Sequence[Quantity]) -> Span:
    """The content with the whole of a figure its start cuts in two: the parse may hang
    "between" of "said between 2,000 and 3,000 ballots were disputed" on the cue, and the
    content "2,000 and 3,000 ballots were disputed" would then hold no figure at all."""
    for q in quantities:
        if q.span.start < content.start < q.span.end <= content.end:
            return Span(q.span.start, content.end)
    return content


def _safe(prep: _Prepared, docs: list[Doc], finders: tuple[Any, Any]) -> ArticleAnalysis:
    try:
        return _claims_of(prep, docs, finders)
    except Exception as exc:  # one bad article must not stop the batch
        return ArticleAnalysis(prep.article.id, error=f"analysis failed: {type(exc).__name__}: "
                               f"{exc}", notes=prep.notes)


# Articles per task handed to a worker process: large enough that a task's overhead is small,
# small enough that the workers stay busy to the end and progress moves.
CHUNK = 24


def analyze_articles(
    articles: Iterable[Article],
    settings: Settings,
    progress: Callable[[int], None] | None = None,
    nlp: Any = None,
) -> Iterator[ArticleAnalysis]:
    """Analyse ``articles`` in order, parsing their paragraphs in batches (``[nlp]`` settings).

    ``progress`` is called with the number of articles finished so far. ``nlp`` overrides
    the configured pipeline (tests, benchmarks). With ``[nlp] n_process`` above 1, forked
    workers each parse *and* analyse chunks of articles and send back only the records:
    spaCy's own ``n_process`` would ship every parsed ``Doc`` back to this process and leave
    the claim layer on one core. Where processes cannot be forked, spaCy's is used.
    """
    from ..pipeline.workers import can_fork

    if settings.get(NlpSettings).neural_tagger:
        # missing weights fail the run here, not each article; forked workers share the model
        from .neural_tags import load_model

        load_model()
    processes = settings.get(NlpSettings).n_process
    if processes > 1 and can_fork():
        yield from _forked(articles, settings, processes, progress, nlp)
    else:
        yield from _analyze_here(articles, settings, progress, nlp)


def _chunks(articles: Iterable[Article], workers: int) -> Iterator[list[Article]]:
    items = list(articles) if isinstance(articles, Sequence) else None
    if items is not None:
        # about eight tasks per worker, so the last one to finish leaves the others idle briefly
        size = max(1, min(CHUNK, -(-len(items) // (8 * workers))))
        yield from (items[i : i + size] for i in range(0, len(items), size))
        return
    iterator = iter(articles)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _analyse_chunk(chunk: list[Article], state: tuple[Settings, Any]) -> list[ArticleAnalysis]:
    settings, nlp = state
    return list(_analyze_here(chunk, settings, None, nlp))


def _forked(articles: Iterable[Article], settings: Settings, processes: int,
            progress: Callable[[int], None] | None, nlp: Any) -> Iterator[ArticleAnalysis]:
    from ..pipeline.workers import forked_map

    single = settings.with_overrides({"nlp": {"n_process": 1}})
    # loaded here, the workers share one copy of the model (and later stages reuse it)
    nlp = nlp if nlp is not None else load_pipeline(settings.get(NlpSettings).model)
    # a list is handed to the pool whole; a stream is read a few chunks at a time
    batch = None if isinstance(articles, Sequence) else 4 * processes
    done = 0
    # the pipeline reaches the workers through the fork, never pickled
    for results in forked_map(_analyse_chunk, _chunks(articles, processes), processes,
                              (single, nlp), batch=batch):
        for result in results:
            done += 1
            if progress:
                progress(done)
            yield result


def _analyze_here(
    articles: Iterable[Article],
    settings: Settings,
    progress: Callable[[int], None] | None,
    nlp: Any,
) -> Iterator[ArticleAnalysis]:
    nlp_settings = settings.get(NlpSettings)
    languages = settings.get(IngestSettings).analysed_languages
    nlp = nlp if nlp is not None else load_pipeline(nlp_settings.model)
    finders = _finders(settings)
    pending: deque[_Prepared] = deque()

    def stream() -> Iterator[tuple[Paragraph, int]]:
        for article in articles:
            prep = _prepare(article, nlp_settings, languages)
            pending.append(prep)
            for para in prep.paragraphs:
                yield para, len(prep.paragraphs)

    done = 0
    docs: list[Doc] = []
    batch_size = nlp_settings.paragraph_batch_size
    parsed = parse_paragraphs(nlp, stream(), batch_size, nlp_settings.n_process)
    for doc, _ in parsed:
        # articles without paragraphs (errors) are finished before the next parsed one
        while pending and not pending[0].paragraphs:
            yield _finish(pending.popleft(), [], finders)
            done += 1
            if progress:
                progress(done)
        docs.append(doc)
        if len(docs) == len(pending[0].paragraphs):
            yield _finish(pending.popleft(), docs, finders)
            docs = []
            done += 1
            if progress:
                progress(done)
    while pending:
        yield _finish(pending.popleft(), [], finders)
        done += 1
        if progress:
            progress(done)


def _finish(prep: _Prepared, docs: list[Doc], finders: tuple[Any, Any]) -> ArticleAnalysis:
    if prep.error is not None:
        return ArticleAnalysis(prep.article.id, error=prep.error, notes=prep.notes)
    return _safe(prep, docs, finders)


def analyze_article(article: Article, settings: Settings, nlp: Any = None) -> ArticleAnalysis:
    """Analyse one article (see :func:`analyze_articles`)."""
    return next(analyze_articles([article], settings, nlp=nlp))

