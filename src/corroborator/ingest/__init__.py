"""Readers that turn paths, folders, globs and stdin into raw documents or rejections."""

from .sources import ReadResult, database_files, iter_inputs

__all__ = ["ReadResult", "database_files", "iter_inputs"]
