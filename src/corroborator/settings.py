"""Settings: packaged commented defaults (``defaults.toml``) overridden key by key.

Load order, later wins: packaged defaults < user file < ``CORROBORATOR_<SECTION>_<KEY>``
environment variables < explicit overrides (CLI flags). The packaged file is also the
schema: a key it does not define is an error, and an override must have the same type as the
default (ints are accepted where floats are expected).
"""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from .errors import ConfigError

T = TypeVar("T")

DEFAULT_USER_FILE = "corroborator.toml"
ENV_FILE = "CORROBORATOR_CONFIG"


def _packaged_defaults() -> dict[str, dict[str, Any]]:
    text = resources.files("corroborator").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _coerce(section: str, key: str, value: Any, default: Any) -> Any:
    where = f"[{section}] {key}"
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"1", "true", "yes", "0", "false", "no"}:
            return value.lower() in {"1", "true", "yes"}
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
    elif isinstance(default, float):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                pass
    elif isinstance(default, str):
        if isinstance(value, str):
            return value
    elif isinstance(default, list):
        if isinstance(value, list):
            return value
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
    else:  # nested tables are not used; keep the value as given
        return value
    raise ConfigError(
        f"{where} = {value!r} has the wrong type; expected {type(default).__name__} "
        f"like the default {default!r}."
    )


def _merge(base: dict[str, dict[str, Any]], override: Mapping[str, Any], origin: str) -> None:
    for section, values in override.items():
        if section not in base:
            raise ConfigError(
                f"{origin}: unknown section [{section}]; known sections: {sorted(base)}."
            )
        if not isinstance(values, Mapping):
            raise ConfigError(f"{origin}: [{section}] must be a table of keys, got {values!r}.")
        for key, value in values.items():
            if key not in base[section]:
                raise ConfigError(
                    f"{origin}: unknown key '{key}' in [{section}]; "
                    f"known keys: {sorted(base[section])}."
                )
            base[section][key] = _coerce(section, key, value, base[section][key])


@dataclass(frozen=True)
class Settings:
    """All settings, validated. Read a section with ``settings.get(SectionDataclass)``."""

    values: Mapping[str, Mapping[str, Any]]
    sources: tuple[str, ...] = field(default=("defaults",))

    def raw(self, section: str) -> Mapping[str, Any]:
        try:
            return self.values[section]
        except KeyError:
            raise ConfigError(f"unknown settings section [{section}]") from None

    def get(self, cls: type[T]) -> T:
        """Build the frozen dataclass ``cls`` (with a ``SECTION`` class attribute) from its section."""
        if not is_dataclass(cls):
            raise TypeError(f"{cls!r} is not a dataclass")
        section = cls.SECTION  # type: ignore[attr-defined]
        values = self.raw(section)
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})

    def with_overrides(self, overrides: Mapping[str, Mapping[str, Any]]) -> Settings:
        values = copy.deepcopy({k: dict(v) for k, v in self.values.items()})
        _merge(values, overrides, "override")
        return Settings(values, self.sources + ("overrides",))


def load_settings(
    path: str | os.PathLike[str] | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Load settings: defaults, then ``path`` (or $CORROBORATOR_CONFIG, or ./corroborator.toml)."""
    environ = os.environ if environ is None else environ
    values = _packaged_defaults()
    sources = ["defaults"]
    user_file = path or environ.get(ENV_FILE)
    if user_file is None and Path(DEFAULT_USER_FILE).is_file():
        user_file = DEFAULT_USER_FILE
    if user_file is not None:
        user_path = Path(user_file)
        try:
            user_values = tomllib.loads(user_path.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"settings file {user_path} does not exist") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"settings file {user_path} is not valid TOML: {exc}") from None
        _merge(values, user_values, str(user_path))
        sources.append(str(user_path))
    env_values: dict[str, dict[str, Any]] = {}
    for name, value in environ.items():
        if not name.startswith("CORROBORATOR_") or name == ENV_FILE:
            continue
        rest = name[len("CORROBORATOR_") :].lower()
        for section in values:
            prefix = section + "_"
            if rest.startswith(prefix) and rest[len(prefix) :] in values[section]:
                env_values.setdefault(section, {})[rest[len(prefix) :]] = value
    if env_values:
        _merge(values, env_values, "environment")
        sources.append("environment")
    settings = Settings(values, tuple(sources))
    if overrides:
        settings = settings.with_overrides(overrides)
    return settings


@dataclass(frozen=True)
class StoreSettings:
    SECTION = "store"
    url: str


@dataclass(frozen=True)
class IngestSettings:
    SECTION = "ingest"
    max_file_mb: int
    min_text_chars: int
    follow_symlinks: bool
    min_chars_for_language: int
    default_language: str
    analysed_languages: list[str]


@dataclass(frozen=True)
class NlpSettings:
    SECTION = "nlp"
    model: str
    max_chars: int
    batch_size: int
    n_process: int
    # Paragraphs are short: spaCy's per-batch overhead makes batches of 32 paragraphs about
    # 8 % slower than 32 whole articles; 128 paragraphs (~14 articles) parse as fast.
    paragraph_batch_size: int = 128
    # the neural tagger checks and adds to the rules' attributions (nlp/neural_evidence.py)
    neural_tagger: bool = False
    # sentences that state a figure without attribution are the outlet's claims (nlp/narration.py)
    narrated_figures: bool = True

    def __post_init__(self) -> None:
        if self.paragraph_batch_size < 1:
            raise ConfigError(f"[nlp] paragraph_batch_size = {self.paragraph_batch_size} "
                              "must be >= 1 (paragraphs per parser batch; default 128)")


@dataclass(frozen=True)
class EmbeddingSettings:
    SECTION = "embeddings"
    model: str
    batch_size: int
    device: str
    # "auto", "float32" or "bfloat16" (corroborator.embeddings); None: its default
    precision: str | None = None

    def __post_init__(self) -> None:
        from .embeddings import PRECISIONS

        if self.precision is not None and self.precision not in PRECISIONS:
            raise ConfigError(f"[embeddings] precision = {self.precision!r}: one of "
                              f"{', '.join(PRECISIONS)}")

    def embed_options(self) -> dict[str, Any]:
        """These settings as ``corroborator.embeddings.embed``'s keyword arguments."""
        return {"model": self.model, "device": self.device, "batch_size": self.batch_size,
                "precision": self.precision}

    def vector_space(self) -> str:
        """The space of the vectors these settings compute (model, and the precision
        ``precision`` resolves to on ``device``): what stored vectors are keyed by."""
        from .embeddings import vector_space

        return vector_space(self.model, self.precision, self.device)

    @classmethod
    def of(cls, settings: Settings | None) -> EmbeddingSettings:
        """The ``[embeddings]`` section, or the packaged defaults when there is none (a
        settings object built by hand); a wrong value in a section present still raises."""
        if settings is not None and cls.SECTION in settings.values:
            return settings.get(cls)
        from .embeddings import PACKAGED_MODEL

        return cls(model=PACKAGED_MODEL, batch_size=64, device="cpu")
