"""Ingest throughput and peak memory for generated HTML and plain-text articles.

    python benchmarks/ingest.py [--count 10000]

Writes the articles to a temporary folder, then times ``ingest_paths`` into a fresh SQLite
file, per format. Prints articles/s, MB/s and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _generate import generate, to_html, to_text  # noqa: E402

from corroborator.pipeline.ingest import ingest_paths  # noqa: E402
from corroborator.settings import load_settings  # noqa: E402
from corroborator.store import open_store  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(fmt: str, count: int, workdir: Path) -> dict[str, float]:
    folder = workdir / fmt
    total_bytes = 0
    for number, article in enumerate(generate(count, seed=7)):
        outlet_dir = folder / article.outlet
        outlet_dir.mkdir(parents=True, exist_ok=True)
        content = to_html(article) if fmt == "html" else to_text(article)
        path = outlet_dir / f"{number}.{fmt if fmt == 'html' else 'txt'}"
        path.write_text(content, encoding="utf-8")
        total_bytes += len(content.encode())
    settings = load_settings(environ={})
    with open_store(str(workdir / f"{fmt}.db")) as store:
        start = time.perf_counter()
        report = ingest_paths(store, [str(folder)], settings)
        elapsed = time.perf_counter() - start
    assert len(report.stored) == count, (len(report.stored), report.rejected[:3])
    return {
        "articles": count,
        "seconds": elapsed,
        "articles_per_s": count / elapsed,
        "mb_per_s": total_bytes / 1e6 / elapsed,
        "input_mb": total_bytes / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("txt", "html"):
            figures = run(fmt, args.count, Path(tmp))
            print(f"{fmt:>4}: {figures['articles']} articles ({figures['input_mb']:.1f} MB) in "
                  f"{figures['seconds']:.1f} s = {figures['articles_per_s']:.0f} articles/s, "
                  f"{figures['mb_per_s']:.2f} MB/s; peak RSS so far {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
