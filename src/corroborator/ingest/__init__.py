"""Readers that turn paths, folders, globs and stdin into raw documents or rejections."""

from .sources import ReadResult, iter_inputs

__all__ = ["ReadResult", "iter_inputs"]
