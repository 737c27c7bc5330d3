"""Records to and from plain JSON-ready dicts (for the store, the CLI and the API)."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeVar

from .spans import Span

T = TypeVar("T")


def to_dict(record: Any) -> Any:
    """A JSON-ready view of a record: spans become ``[start, end]``, dates ISO strings."""
    if isinstance(record, Span):
        return [record.start, record.end]
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, datetime | date):
        return record.isoformat()
    if isinstance(record, Mapping):
        return {str(k): to_dict(v) for k, v in record.items()}
    if isinstance(record, list | tuple):
        return [to_dict(v) for v in record]
    return record


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if tp is Span:
        return Span(int(value[0]), int(value[1]))
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is date:
        return date.fromisoformat(value)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=False))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


@functools.cache
def _field_types(cls: type) -> tuple[tuple[str, Any], ...]:
    # Resolving string annotations is far slower than building the record; every store
    # read goes through here, so resolve once per class.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output."""
    # A class is hashable, but mypy does not take type[T] as Hashable (python/mypy#11470).
    fields = _field_types(cls)  # type: ignore[arg-type]
    kwargs = {name: _convert(tp, data[name]) for name, tp in fields if name in data}
    return cls(**kwargs)
