"""Exceptions raised by corroborator.

Every error the library raises derives from :class:`CorroboratorError`, so callers can
catch one type. The tree::

    CorroboratorError
    ├── ConfigError            bad settings value or unknown key; names the key and allowed values
    ├── MissingExtraError      an optional dependency is not installed; names the extra to install
    ├── InputError             one input could not be turned into an article (carries path + reason)
    │   └── ExtractionError    the bytes were read but yielded no usable text
    ├── StoreError             the database could not be opened, migrated or written
    │   ├── MigrationError     the schema is newer than this version or a migration failed
    │   └── NotFound           an id that is not in the store
    └── PipelineError          stages were chained in an order whose requirements are unmet

Library code never prints or exits: the CLI turns these into messages and exit codes.
"""

from __future__ import annotations


class CorroboratorError(Exception):
    """Base class of every error raised by corroborator."""


class ConfigError(CorroboratorError):
    """A setting has a bad value or an unknown key."""


class MissingExtraError(CorroboratorError, ImportError):
    """An optional dependency group is not installed."""

    def __init__(self, extra: str, feature: str, module: str) -> None:
        self.extra = extra
        self.feature = feature
        self.module = module
        super().__init__(
            f"{feature} needs the Python package '{module}', which is not installed. "
            f"Install it with: pip install 'corroborator[{extra}]'"
        )


class InputError(CorroboratorError):
    """One input could not be ingested; ``path`` and ``reason`` say which and why."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ExtractionError(InputError):
    """The input was read but no usable article text came out of it."""


class StoreError(CorroboratorError):
    """The store could not be opened, migrated or written."""


class MigrationError(StoreError):
    """The database schema cannot be brought to the version this code expects."""


class NotFound(StoreError, LookupError):
    """An id that is not in the store."""


class EditError(CorroboratorError):
    """An editor's correction that cannot be applied (merging a story into itself, ...)."""


class PipelineError(CorroboratorError):
    """Stages were chained in an order whose declared requirements are unmet."""


def invalid_value_message(name: str, value: object, allowed: object) -> str:
    """One wording for every 'bad value' message, so users learn to read them once."""
    return f"`{name}` = {value!r} is invalid; it must be one of {allowed}."


def require_extra(module: str, extra: str, feature: str) -> object:
    """Import an optional module or raise :class:`MissingExtraError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(extra, feature, module) from exc
