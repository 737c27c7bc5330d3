"""How many parser processes the analyse stage uses for a batch of a given size."""

from __future__ import annotations

import os

import pytest

from corroborator.errors import ConfigError
from corroborator.pipeline.settings import (
    MAX_AUTO_PROCESSES,
    PipelineSettings,
    analyse_processes,
    for_batch,
)

CORES = max(1, min(os.cpu_count() or 1, MAX_AUTO_PROCESSES))


@pytest.mark.parametrize(
    ("overrides", "articles", "expected"),
    [
        ({}, 10, 1),  # a handful of articles: workers would cost more than they save
        ({}, 400, CORES),  # a large batch: every core (0 = auto)
        ({"pipeline": {"analyse_processes": 3}}, 5000, 3),
        ({"pipeline": {"parallel_min_articles": 5}}, 5, CORES),
        ({"nlp": {"n_process": 2}}, 1, 2),  # the user's explicit [nlp] choice wins
    ],
)
def test_analyse_processes(settings, overrides, articles, expected) -> None:
    assert analyse_processes(settings.with_overrides(overrides), articles) == expected


@pytest.mark.parametrize("bad", [{"analyse_processes": -1}, {"parallel_min_articles": 0}])
def test_bad_pipeline_settings_are_refused(bad) -> None:
    with pytest.raises(ConfigError):
        PipelineSettings(**bad)


@pytest.mark.parametrize("bad", [{"analyse_processes": -1}, {"parallel_min_articles": 0}])
def test_a_bad_value_in_the_settings_is_reported_not_reset(settings, bad) -> None:
    with pytest.raises(ConfigError, match="pipeline"):
        analyse_processes(settings.with_overrides({"pipeline": bad}), 400)


def test_for_batch_sets_the_process_count_the_stage_would_use(settings) -> None:
    assert for_batch(settings, 10) is settings  # a handful: one process, settings unchanged
    chosen = for_batch(settings.with_overrides({"pipeline": {"analyse_processes": 2}}), 400)
    assert chosen.raw("nlp")["n_process"] == 2
