"""A trained cue tagger: attributions the lexicon and the fitted frames miss.

Reporting in news is a long tail: "slammed", "weighed in on", "made it clear", "her push
for". The rules (:mod:`.verbcues`, :mod:`.constructions`) cover the frequent cues; this
module scores every other verb, noun and predicate adjective with a linear model over what
spaCy already computed (the ``tok2vec`` vectors in ``doc.tensor``, lemma, tags, dependency
labels, the shape of the token's subject and complements), and for the tokens it accepts
picks the content among the token's dependency subtrees with a second linear model.

Both models are logistic regressions fitted on the PolNeAR train split by
``eval/polnear_tagger.py --train``; the weights (:data:`WEIGHTS`) are hashed feature
weights and the tensor weights: numbers only, no text. Without the file the tagger finds
nothing, so the rule system works alone. A weights file may also hold a hidden layer over
the tensor rows and ask for :func:`construction_features` (``eval/polnear_joint.py
--deep``, measured and not shipped); inference stays numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import cues as lex
from .learned import FRAMES
from .relations import Attribution, cue_tokens, make, told_chain
from .subjects import PRONOUNS, Speaker, source_like, speaker_from, subject_of
from .verbcues import RECIPIENT_VERBS, particle_of_no_speech, prune_content

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WEIGHTS = Path(__file__).with_name("tagger_weights.npz")
NBITS = 20
_MASK = (1 << NBITS) - 1
CANDIDATE_POS = frozenset(("VERB", "NOUN", "ADJ", "AUX"))
# Complements whose subtree can be the content of a cue, to the right of it.
CONTENT_DEPS = frozenset(("dobj", "ccomp", "xcomp", "prep", "advcl", "acl", "oprd", "attr",
                          "pcomp", "pobj", "dative", "acomp", "relcl", "conj", "advmod",
                          "npadvmod", "agent"))
_QUOTES = frozenset('"“”‘’\'`')


def _h(*parts: int) -> int:
    """Hash of a feature: a template number and token attribute ids (spaCy's string hashes)."""
    value = 1469598103934665603
    for p in parts:
        value = ((value ^ (p & 0xFFFFFFFFFFFFFFFF)) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return (value ^ (value >> 29)) & _MASK


def cue_features(tok: Token, construction: bool = False) -> list[int]:
    """Hashed features of ``tok`` as a cue head: the word, its place in the tree, its
    subject and the kinds of complement it takes (and with ``construction``, those of
    :func:`construction_features`)."""
    head = tok.head
    lem = tok.lemma
    feats = [
        _h(1, lem), _h(2, tok.pos), _h(3, tok.tag), _h(4, tok.dep), _h(5, lem, tok.dep),
        _h(6, head.lemma), _h(7, head.pos, tok.dep), _h(8, head.lemma, tok.dep),
        _h(9, tok.lower), _h(10, lem, tok.tag), _h(11, tok.ent_type),
    ]
    doc = tok.doc
    if tok.i > 0:
        prev = doc[tok.i - 1]
        feats += [_h(12, prev.lower), _h(13, prev.pos, tok.pos)]
    if tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]
        feats += [_h(14, nxt.lower), _h(15, nxt.pos, tok.pos), _h(16, lem, nxt.lower)]
    subject = False
    for child in tok.children:
        side = 1 if child.i > tok.i else 0
        feats += [_h(17, child.dep, side), _h(18, lem, child.dep, side),
                  _h(19, child.dep, child.pos, side)]
        if child.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
            subject = True
            feats += [_h(20, child.dep, child.ent_type), _h(21, child.dep, child.pos),
                      _h(22, child.lower_ in PRONOUNS), _h(23, lem, child.ent_type)]
        elif child.dep_ == "prep":
            feats.append(_h(24, lem, child.lower))
        elif child.dep_ == "punct" and child.text == ":":
            feats.append(_h(25))
    feats.append(_h(26, subject, tok.pos))
    if any(t.text in _QUOTES for t in tok.subtree):
        feats.append(_h(29, tok.pos))
    if tok.head.i != tok.i:
        feats.append(_h(30, tok.dep, head.dep, head.pos))
    sent = tok.sent
    if any(t.text in _QUOTES for t in sent):
        feats.append(_h(27))
    feats.append(_h(28, min(tok.i - sent.start, 5), tok.pos))
    return feats + construction_features(tok) if construction else feats


# Words opening a right complement that say what kind of thing it reports: a clause
# ("that", "whether", "how"), a plan ("to"), a topic or target ("about", "on", "against").
_COMPLEMENT_MARKS = frozenset((
    "that", "whether", "if", "to", "about", "on", "of", "for", "with", "against", "as", "how",
    "what", "why", "in", "over", "from", "at"))


def construction_features(tok: Token) -> list[int]:
    """Hashed features of the construction around ``tok``: whether its speaker can hold a
    view, what its right complements open with and whether they hold a clause of their own,
    its copula's or object's word, words two and three away, its ending, a quotation nearby
    and how far the sentence runs on. The word alone does not tell "he pressed for a vote"
    from "he pressed the button"; the construction does."""
    doc = tok.doc
    lem = tok.lemma
    speaker = _speaker(tok)
    if speaker is None:
        feats = [_h(40, 0, tok.pos)]
    else:
        able = could_speak(speaker)
        feats = [_h(40, 1 + able, tok.pos, speaker.pronoun, speaker.head.ent_type),
                 _h(41, lem, able)]
        if speaker.head.pos_ == "NOUN":
            feats.append(_h(47, speaker.head.lemma))
    for child in tok.children:
        if child.i <= tok.i:
            continue
        sub = list(child.subtree)
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        mark = next((t.lower for t in sub[:2] if t.lower_ in _COMPLEMENT_MARKS), 0)
        clause = any(t.pos_ in ("VERB", "AUX") for t in sub)
        feats += [_h(42, child.dep, own_subject, mark, clause), _h(43, lem, child.dep, mark)]
        if child.dep_ in ("attr", "acomp", "oprd", "dobj"):
            feats.append(_h(50, lem, child.dep, child.lemma))
    for step in (-3, -2, 2, 3):
        j = tok.i + step
        if 0 <= j < len(doc):
            feats.append(_h(44, step, doc[j].lower))
    feats.append(_h(45, tok.suffix, tok.pos))
    if any(doc[j].text in _QUOTES for j in range(max(0, tok.i - 3), min(len(doc), tok.i + 4))
           if j != tok.i):
        feats.append(_h(46, tok.pos))
    if tok.head.i != tok.i:
        feats += [_h(48, tok.head.head.lemma, tok.head.dep, tok.dep), _h(52, lem, tok.head.lemma)]
    feats.append(_h(49, min((tok.sent.end - tok.i) // 4, 6), tok.pos))
    return feats


@dataclass(frozen=True)
class Candidate:
    """One reading of the content of a cue: a kind and its tokens."""

    kind: str
    anchor: Token | None
    tokens: list[Token]


def content_candidates(tok: Token, cue: tuple[int, int]) -> list[Candidate]:
    """Readings of the content: the cue's subtree to its right, each right complement's
    subtree, the clause the cue interrupts ("A, he said") and a subject on its left
    (passive "X was announced")."""
    out = []
    right = [t for t in tok.subtree if t.i > cue[1]]
    if right:
        out.append(Candidate("right", None, right))
    for child in tok.children:
        if cue[0] <= child.i <= cue[1]:
            continue
        if child.i > cue[1] and child.dep_ in CONTENT_DEPS:
            out.append(Candidate("child", child, list(child.subtree)))
            if child.dep_ == "prep":
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    out.append(Candidate("pobj", child, list(objs[0].subtree)))
        elif child.i < cue[0] and child.dep_ in ("nsubjpass", "ccomp", "csubj", "nsubj"):
            out.append(Candidate("left", child, list(child.subtree)))
    if tok.head.i != tok.i:
        own = {t.i for t in tok.subtree}
        rest = [t for t in tok.head.subtree if t.i not in own]
        if rest:
            out.append(Candidate("head", tok.head, rest))
    return [c for c in out if any(t.is_alpha for t in c.tokens)]


def _only_hearer(tok: Token, cand: Candidate) -> bool:
    """"We have informed the regulator.": the object of a verb of telling is who was told,
    not what; a reading that holds nothing else, and no clause, says nothing ("told a
    meeting of leaders that few understood ..." runs the statement into the hearer)."""
    if tok.lemma_.lower() not in RECIPIENT_VERBS or any(
            t.pos_ in ("VERB", "AUX") for t in cand.tokens):
        return False
    hearer = {t.i for child in tok.children if child.dep_ in ("dobj", "dative")
              for t in child.subtree}
    return {t.i for t in cand.tokens if t.is_alpha} <= hearer


_KINDS = {"right": 1, "child": 2, "pobj": 3, "left": 4, "head": 5}


def candidate_features(tok: Token, cand: Candidate) -> list[int]:
    n = len(cand.tokens)
    size = 0 if n < 3 else 1 if n < 8 else 2 if n < 20 else 3
    kind = _KINDS[cand.kind]
    anchor = cand.anchor
    dep = anchor.dep if anchor is not None else 0
    first = min(cand.tokens, key=lambda t: t.i)
    feats = [_h(101, kind), _h(102, kind, dep), _h(103, kind, tok.pos), _h(104, kind, tok.dep),
             _h(105, kind, dep, tok.lemma), _h(106, kind, size), _h(107, kind, first.pos),
             _h(108, kind, first.lower), _h(109, kind, dep, tok.pos, size),
             _h(110, kind, any(t.pos_ in ("VERB", "AUX") for t in cand.tokens)),
             _h(111, kind, any(t.text in _QUOTES for t in cand.tokens))]
    if anchor is not None:
        feats += [_h(112, kind, anchor.pos, dep), _h(113, kind, dep, anchor.lower)]
    return feats


@dataclass(frozen=True)
class Model:
    cue: np.ndarray  # hashed feature weights, dense over 2**NBITS
    cue_tensor: np.ndarray
    cue_bias: float
    content: np.ndarray
    content_bias: float
    threshold: float
    # a cue without a subject ("is expected to", "seemed") speaks for no one: only taken
    # when the model is this sure (above 1, never)
    unattributed: float = 2.0
    # a hidden layer over the tensor rows (weights in by hidden units, its bias, the
    # output weights); absent, the cue model is linear
    hidden: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    # whether the cue model was fitted with :func:`construction_features`
    construction: bool = False


@lru_cache(maxsize=2)
def load_model(path: Path = WEIGHTS) -> Model | None:
    """The fitted weights, or ``None`` when the file is absent (rules only)."""
    if not path.exists():
        return None
    with np.load(path) as data:
        def dense(name: str) -> np.ndarray:
            out = np.zeros(1 << NBITS, dtype=np.float32)
            out[data[f"{name}_idx"]] = data[f"{name}_val"].astype(np.float32)
            return out

        hidden = tuple(data[k].astype(np.float32) for k in (
            "cue_hidden", "cue_hidden_bias", "cue_hidden_out")) if "cue_hidden" in data else None
        return Model(dense("cue"), data["cue_tensor"].astype(np.float32),
                     float(data["cue_bias"]), dense("content"), float(data["content_bias"]),
                     float(data["threshold"]),
                     float(data["unattributed"]) if "unattributed" in data else 2.0,
                     hidden,  # type: ignore[arg-type]
                     "construction" in data and bool(data["construction"]))


_TENSOR_PARTS = 4  # the token, its head, its subject, its first right complement


def _context(tok: Token) -> tuple[int, int, int]:
    """Token ids whose vectors join the token's own: head, subject (or itself), first
    right complement (or itself)."""
    subj = comp = tok.i
    for child in tok.children:
        if subj == tok.i and child.dep_ in ("nsubj", "nsubjpass", "poss"):
            subj = child.i
        elif comp == tok.i and child.i > tok.i and child.dep_ in (
                "dobj", "ccomp", "xcomp", "prep", "acomp", "attr", "advcl"):
            comp = child.i
    return tok.head.i, subj, comp


def dense_rows(doc: Doc, toks: list[Token], width: int = 96) -> np.ndarray | None:
    """``doc.tensor`` rows of each token and its context, side by side (``None`` when the
    pipeline has no tok2vec vectors of that width, then the sparse features work alone)."""
    tensor = doc.tensor
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[1] != width or \
            tensor.shape[0] != len(doc) or not toks:
        return None
    ids = [[t.i, *_context(t)] for t in toks]
    return tensor[np.array(ids)].reshape(len(toks), _TENSOR_PARTS * width)


def _declined(tok: Token) -> bool:
    """Tokens the rules read as part of another attribution on purpose: "Yonhap, citing
    the NIS, reported" (the chain of the main cue, not a claim of its own)."""
    return tok.lemma_ == "cite" and tok.dep_ in ("advcl", "xcomp", "conj", "prep") and \
        lex.verb_cue(tok.head.lemma_) is not None


def candidates(doc: Doc, taken: set[int]) -> list[Token]:
    """Tokens the tagger scores: verbs, nouns, adjectives outside the rules' attributions."""
    return [t for t in doc if t.pos_ in CANDIDATE_POS and t.i not in taken
            and t.dep_ not in ("aux", "auxpass", "compound") and t.is_alpha
            and not _declined(t)]


def cue_scores(doc: Doc, toks: list[Token], model: Model) -> np.ndarray:
    """Probability that each of ``toks`` heads a cue."""
    if not toks:
        return np.zeros(0)
    logits = np.array([model.cue[cue_features(t, model.construction)].sum()
                       for t in toks]) + model.cue_bias
    tensor = dense_rows(doc, toks, model.cue_tensor.shape[0] // _TENSOR_PARTS)
    if tensor is not None:
        logits = logits + tensor @ model.cue_tensor
        if model.hidden is not None:
            weights, bias, out = model.hidden
            logits = logits + np.maximum(tensor @ weights + bias, 0.0) @ out
    return 1.0 / (1.0 + np.exp(-logits))


def _speaker(tok: Token) -> Speaker | None:
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "poss":
                return speaker_from(child)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return speaker_from(objs[0])
        return None
    if tok.pos_ == "ADJ":
        return subject_of(tok.head)[0] if tok.head.i != tok.i else None
    return subject_of(tok)[0]


SPEAKER_CHECK = True
# Endings of nouns for people and groups that act ("critic", "lawmaker", "activist").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ic",
                  "ee", "ive", "crat", "ary", "cil", "ment", "ate", "ty", "ion")


def could_speak(speaker: Speaker) -> bool:
    """Whether a speaker phrase can hold a view: a name, a pronoun for a person or group,
    or a noun for people ("critics", "the senator", "the committee"), not a thing ("the
    reform passed the chamber")."""
    head = speaker.head
    if speaker.pronoun:
        return head.lower_ not in ("it", "this", "that")
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.pos_ == "PROPN":
        return True
    lemma = head.lemma_.lower()
    return source_like(head) or lemma.endswith(_AGENT_ENDINGS) or head.lower_ in (
        "who", "which", "that")


def tagged_attributions(doc: Doc, offset: int, taken: set[int],
                        model: Model | None = None) -> list[Attribution]:
    """Attributions headed by tokens the cue model accepts (outside ``taken`` token ids).

    A claim needs a content reading and a speaker (subject, possessor or agent), except
    when the model is sure past ``unattributed`` (then it is an unattributed, hedged
    claim); accepted tokens are taken in order of confidence, each playing one role.
    """
    model = model or load_model(WEIGHTS)
    if model is None:
        return []
    toks = candidates(doc, taken)
    scores = cue_scores(doc, toks, model)
    found: list[Attribution] = []
    used = set(taken)
    for k in np.argsort(-scores):
        if scores[k] < model.threshold:
            break
        tok = toks[int(k)]
        if tok.i in used:
            continue
        speaker = _speaker(tok)
        if SPEAKER_CHECK and speaker is not None and not could_speak(speaker):
            continue  # a thing acting ("the reform passed"), not a source
        if speaker is None and scores[k] < model.unattributed:
            continue
        cue = cue_tokens(tok) if tok.pos_ in ("VERB", "AUX") else (tok.i, tok.i)
        cands = content_candidates(tok, cue)
        # the content may not take in the speaker, nor a statement the rules found (the
        # outer reading would replace it)
        blocked = used | ({t.i for t in speaker.tokens} if speaker is not None else set())
        cands = [c for c in cands if not blocked & {t.i for t in c.tokens}
                 and not _only_hearer(tok, c)]
        if not cands:
            continue
        best = max(cands, key=lambda c: model.content[candidate_features(tok, c)].sum())
        content = best.tokens
        if tok.pos_ in ("VERB", "AUX"):  # the rules' trims: a second statement, ", which"
            content = prune_content(content, tok)
        if _particle_verb_of_no_speech(tok) and not _has_clause(content):
            continue  # "takes on the governor in next month's run-off": a contest, no word
        if tok.pos_ == "VERB" and particle_of_no_speech(tok):
            continue  # "calling back 40,000 cars after ...": a recall, whatever follows
        if tok.pos_ == "VERB" and _clause_only_without_clause(tok, content):
            continue  # "the volcano continued to erupt": the rules' reading of such a verb
        stance = _stance(tok) if speaker is not None else "hedged"
        # "told Radio Lorvana": the outlet told is the channel, as in the rules' reading
        att = make(doc, offset, content, cue, tok.lemma_.lower(), stance, speaker, "indirect",
                   told_chain(tok, speaker))
        if att is None:
            continue
        att.score = float(scores[k])
        found.append(att)
        used.update(t.i for t in best.tokens)
        used.update(range(cue[0], cue[1] + 1))
    return found


def _particle_verb_of_no_speech(tok: Token) -> bool:
    """A verb with a particle ("takes on", "squares off", "holds out") whose lemma neither
    the lexicon nor the frames fitted on annotated news report speech with: phrasal verbs
    of contest and encounter are not speech, though their particle makes them look like
    "weighs in" or "lashes out" to the model ("weigh" and "lash" are fitted cues)."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "VERB" and any(c.dep_ == "prt" for c in tok.children) and \
        lex.verb_cue(lemma) is None and lemma not in FRAMES.get("verb", {})


def _clause_only_without_clause(verb: Token, content: list[Token]) -> bool:
    """A verb the lexicon says reports speech only with a clause or a quotation
    ("continue", "offer", "order"), read with an infinitive of its own subject's and no
    quotation: it tells what the subject went on or offered to do ("continued to erupt",
    "offered to help"), as the rules read it (:func:`.verbcues.object_content`). With an
    object before the infinitive it may report a forecast ("projects the party to win")."""
    if verb.lemma_.lower() not in lex.CLAUSE_ONLY_VERBS or any(
            c.dep_ == "dobj" for c in verb.children):
        return False
    if any(t.text in _QUOTES for t in content):
        return False
    return any(t.head.i == verb.i and t.dep_ == "xcomp" for t in content)


def _has_clause(tokens: list[Token]) -> bool:
    """Whether a content reading holds a clause (a verb of its own), not only a noun
    phrase: what such a verb reports must be said, not a thing or a person."""
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


_STANCES = {"VERB": "stated", "AUX": "stated", "NOUN": "stated", "ADJ": "hedged"}


def _stance(cue: Token) -> str:
    """The stance of a cue the tagger found: the lexicon's for a word it lists ("alleged
    irregularities" keeps its distance, "projects the party to win 28 seats" estimates),
    else neutral reporting for a verb or noun, an attitude for an adjective."""
    lemma = cue.lemma_.lower()
    entry = lex.verb_cue(lemma) if cue.pos_ in ("VERB", "AUX") else (
        lex.noun_cue(lemma) if cue.pos_ == "NOUN" else None)
    return entry.stance if entry is not None else _STANCES[cue.pos_]
