"""Command-line interface: thin wrappers over library functions (only this package prints)."""

from .app import main

__all__ = ["main"]
