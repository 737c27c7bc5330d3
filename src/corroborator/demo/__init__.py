"""The built-in demo corpus: fictional events written for corroborator, in several formats."""

from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "corpus"
ANSWER_KEY = Path(__file__).parent / "answer_key.json"
