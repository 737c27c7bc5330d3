"""Settings of the stage runner, read from the ``[pipeline]`` section."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import ConfigError
from ..settings import Settings

# Each spaCy worker holds its own copy of the pipeline (~0.5 GB with the small English model).
MAX_AUTO_PROCESSES = 4


@dataclass(frozen=True)
class PipelineSettings:
    SECTION = "pipeline"
    analyse_processes: int = 0
    parallel_min_articles: int = 400

    def __post_init__(self) -> None:
        if self.analyse_processes < 0:
            raise ConfigError(
                f"[pipeline] analyse_processes = {self.analyse_processes} must be >= 0 "
                "(0: one per core)")
        if self.parallel_min_articles < 1:
            raise ConfigError(
                f"[pipeline] parallel_min_articles = {self.parallel_min_articles} must be >= 1")


def pipeline_settings(settings: Settings) -> PipelineSettings:
    """The ``[pipeline]`` section, or the built-in defaults when it is absent."""
    # Only a missing section falls back: an invalid value must reach the user as an error.
    if PipelineSettings.SECTION not in settings.values:
        return PipelineSettings()
    return settings.get(PipelineSettings)


def analyse_processes(settings: Settings, articles: int) -> int:
    """Parser processes for analysing ``articles`` articles in one batch.

    ``[nlp] n_process`` above 1 is the user's explicit choice and is kept. Otherwise a batch
    of at least ``parallel_min_articles`` is parsed on every core (``analyse_processes = 0``)
    or on the configured number of processes: starting workers and loading the model in each
    costs seconds, which only a large batch repays.
    """
    configured = int(settings.raw("nlp").get("n_process", 1))
    if configured > 1:
        return configured
    config = pipeline_settings(settings)
    if articles < config.parallel_min_articles:
        return 1
    if config.analyse_processes:
        return config.analyse_processes
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_PROCESSES))


def for_batch(settings: Settings, articles: int) -> Settings:
    """``settings`` with ``[nlp] n_process`` set to :func:`analyse_processes` for the batch."""
    processes = analyse_processes(settings, articles)
    if processes == int(settings.raw("nlp").get("n_process", 1)):
        return settings
    return settings.with_overrides({"nlp": {"n_process": processes}})
