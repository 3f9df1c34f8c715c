"""Benchmarks: each figure is a ratio against a floor measured side by side in the same run.

Absolute seconds vary between runs on shared machines; the ratios hold. Each figure is the
median of ``--repeat`` runs, the two sides of a ratio taking turns. Run with ``make bench``
(or ``.venv/bin/python benchmarks/run.py [--megabytes 20] [--repeat 3]``).

1. Build throughput: ``python -m helpers build`` on a generated corpus against plain
   single-process ``jieba.lcut`` over the same cleaned text (target: >= 1.5x).
2. Report floor: ``make reports`` with processed data built against executing as many empty
   notebooks with papermill's Python API in the same worker pool (target: <= 1.5x).
3. No-op rebuild: ``make reports`` right after itself (target: under 3 s, nothing re-executed).
4. Growth: build time at 1x, 4x and 16x corpus size, 4x being the corpus of figure 1 (target:
   CPU time per further MB flat within 20%).
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from corpus import generate  # noqa: E402
from floor import floor_seconds  # noqa: E402

from helpers import config  # noqa: E402

PYTHON = sys.executable

# Single-process segmentation of the cleaned text, timed from the import (dictionary load
# included, as the build pays it too). The first argument picks the segmenter.
SEGMENTER_BASELINE = """
import json, sys, time
import pandas as pd
texts = pd.read_parquet(sys.argv[2], columns=["text"])["text"].tolist()
started = time.perf_counter()
if sys.argv[1] == "jieba":
    import jieba
    jieba.setLogLevel(60)
    cut = jieba.lcut
else:
    import rjieba
    cut = rjieba.cut
for text in texts:
    cut(text)
print(json.dumps({"seconds": time.perf_counter() - started}))
"""


def timed(command: list[str]) -> float:
    """Wall-clock seconds of a command, which must succeed."""
    return run_measured(command)[0]


def run_measured(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, worker processes included) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"benchmark step failed: {' '.join(command)}\n{result.stderr}")
    return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def median_of(repeat: int, *measures) -> list[float]:
    """The median of ``repeat`` runs of each measure, the measures taking turns."""
    runs = [[measure() for measure in measures] for _ in range(repeat)]
    return [statistics.median(column) for column in zip(*runs)]


def build_seconds(raw: Path, out: Path) -> float:
    return build_measured(raw, out)[0]


def build_measured(raw: Path, out: Path) -> tuple[float, float]:
    return run_measured(
        [PYTHON, "-m", "helpers", "build", "--quiet", "--raw-dir", str(raw), "--out-dir", str(out)]
    )


def segmenter_seconds(name: str, out: Path) -> float:
    result = subprocess.run(
        [
            PYTHON,
            "-c",
            SEGMENTER_BASELINE,
            name,
            str(out / config.CURRENT_SET / "articles.parquet"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)["seconds"]


def cleaned_megabytes(out: Path) -> float:
    texts = pd.read_parquet(out / config.CURRENT_SET / "articles.parquet", columns=["text"])["text"]
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def bench_build(work: Path, megabytes: float, repeat: int) -> dict:
    raw, out = work / "raw-4x", work / "out-4x"
    generate(raw, megabytes, seed=4)
    build_seconds(raw, out)  # the cleaned text the baselines cut
    build, jieba, rjieba = median_of(
        repeat,
        lambda: build_seconds(raw, out),
        lambda: segmenter_seconds("jieba", out),
        lambda: segmenter_seconds("rjieba", out),
    )
    mb = cleaned_megabytes(out)
    return {
        "mb": mb,
        "build_s": build,
        "jieba_s": jieba,
        "rjieba_s": rjieba,
        "build_mbps": mb / build,
        "jieba_mbps": mb / jieba,
        "rjieba_mbps": mb / rjieba,
        "ratio": jieba / build,
    }


def load_seconds(out: Path, repeat: int) -> tuple[float, int]:
    """Seconds for a notebook's ``tables.load()`` of a built corpus, and its token count."""
    from helpers.build import tables

    def measure() -> float:
        started = time.perf_counter()
        tables.load(out)
        return time.perf_counter() - started

    (seconds,) = median_of(repeat, measure)
    return seconds, len(tables.read_table("tokens", out))


def bench_growth(work: Path, megabytes: float, repeat: int) -> dict:
    """Build time at a quarter of, at, and at four times the corpus of figure 1 (4x).

    The sizes take turns, so a change in the machine's load touches all three alike. Linearity
    is judged on CPU seconds (the work, whatever else the shared machine runs); wall-clock
    seconds are shown beside them.
    """
    corpora = {factor: (work / f"raw-{factor}x", work / f"out-{factor}x") for factor in (1, 4, 16)}
    for factor in (1, 16):  # figure 1 made the 4x corpus and built it
        raw, out = corpora[factor]
        generate(raw, megabytes * factor / 4, seed=factor)
        build_seconds(raw, out)
    runs = [[build_measured(*corpora[factor]) for factor in (1, 4, 16)] for _ in range(repeat)]
    sizes = {
        factor: (
            cleaned_megabytes(corpora[factor][1]),
            statistics.median(run[i][0] for run in runs),
            statistics.median(run[i][1] for run in runs),
        )
        for i, factor in enumerate((1, 4, 16))
    }
    # Process start-up and dictionary loading are paid once per build; the growth that
    # matters is the marginal cost of each further megabyte.
    (mb1, _, c1), (mb4, _, c4), (mb16, _, c16) = sizes[1], sizes[4], sizes[16]
    low, high = (c4 - c1) / (mb4 - mb1), (c16 - c4) / (mb16 - mb4)
    return {
        "sizes": sizes,
        "marginal_low": low,
        "marginal_high": high,
        "drift": abs(high - low) / low,
    }


def bench_reports(repeat: int) -> dict:
    from helpers.report.listing import read_report_list

    subprocess.run([PYTHON, "-m", "helpers", "build", "--quiet"], check=True)
    count = len(read_report_list())  # computed from the built corpus
    full, floor = median_of(
        repeat,
        lambda: timed(["make", "--no-print-directory", "-s", "reports", "FORCE=1"]),
        lambda: floor_seconds(count),
    )
    (noop,) = median_of(repeat, lambda: timed(["make", "--no-print-directory", "-s", "reports"]))
    return {
        "reports_s": full,
        "floor_s": floor,
        "ratio": full / floor,
        "noop_s": noop,
        "count": count,
    }


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--megabytes",
        type=float,
        default=20.0,
        help="size of the corpus of figure 1 (4x in figure 4)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per figure (the median is shown)"
    )
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {sys.platform}")
    with tempfile.TemporaryDirectory(prefix="helpers-bench-") as tmp:
        work = Path(tmp)
        build = bench_build(work, args.megabytes, args.repeat)
        print(
            f"1. build throughput: build {build['build_mbps']:.2f} MB/s ({build['build_s']:.1f} s), "
            f"single-process jieba.lcut {build['jieba_mbps']:.2f} MB/s ({build['jieba_s']:.1f} s) "
            f"on {build['mb']:.1f} MB of cleaned text -> {build['ratio']:.2f}x "
            f"[target >= 1.5x: {verdict(build['ratio'] >= 1.5)}]; the build cuts with rjieba "
            f"(jieba.lcut's tokens), {build['rjieba_mbps']:.1f} MB/s single-process"
        )
        load, tokens = load_seconds(work / "out-4x", args.repeat)
        print(
            f"   notebooks read the processed tables, never re-segment: loading those of this corpus "
            f"({tokens:,} tokens) takes {load:.2f} s"
        )
        reports = bench_reports(args.repeat)
        print(
            f"2. report floor: make reports {reports['reports_s']:.1f} s for {reports['count']} reports, "
            f"empty notebooks in the same pool {reports['floor_s']:.1f} s -> {reports['ratio']:.2f}x "
            f"[target <= 1.5x: {verdict(reports['ratio'] <= 1.5)}]"
        )
        print(
            f"3. no-op rebuild: make reports right after itself {reports['noop_s']:.2f} s "
            f"[target < 3 s: {verdict(reports['noop_s'] < 3)}]"
        )
        growth = bench_growth(work, args.megabytes, args.repeat)
        sizes = ", ".join(
            f"{f}x {mb:.1f} MB in {t:.1f} s ({cpu:.1f} CPU s, {cpu / mb:.2f} CPU s/MB)"
            for f, (mb, t, cpu) in sorted(growth["sizes"].items())
        )
        print(
            f"4. growth: {sizes}; marginal CPU cost 1x->4x {growth['marginal_low']:.2f} s/MB, "
            f"4x->16x {growth['marginal_high']:.2f} s/MB, drift {growth['drift']:.0%} "
            f"[target: flat within 20%: {verdict(growth['drift'] <= 0.2)}]"
        )


if __name__ == "__main__":
    main()
