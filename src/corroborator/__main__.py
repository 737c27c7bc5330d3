"""``python -m corroborator``: the command-line interface."""

from .cli import main

main()
