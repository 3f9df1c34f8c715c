"""Benchmarks: each figure is a ratio against a floor measured side by side in the same run.

Absolute seconds vary between runs on shared machines; the ratios hold. Run with
``make bench`` (or ``.venv/bin/python benchmarks/run.py [--megabytes 20]``).

1. Build throughput: ``python -m helpers build`` on a generated corpus against plain
   single-process ``jieba.lcut`` over the same cleaned text (target: >= 1.5x).
2. Report floor: ``make reports`` with processed data built against executing as many empty
   notebooks with papermill's Python API in the same worker pool (target: <= 1.5x).
3. No-op rebuild: ``make reports`` right after itself (target: under 3 s, nothing re-executed).
4. Growth: build time at 1x, 4x and 16x corpus size (target: time per MB flat within 20%).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from corpus import generate  # noqa: E402

from helpers import config  # noqa: E402

PYTHON = sys.executable

JIEBA_BASELINE = """
import json, sys, time
import pandas as pd
texts = pd.read_parquet(sys.argv[1], columns=["text"])["text"].tolist()
started = time.perf_counter()
import jieba
jieba.setLogLevel(60)
for text in texts:
    jieba.lcut(text)
print(json.dumps({"seconds": time.perf_counter() - started}))
"""


def timed(command: list[str]) -> float:
    """Wall-clock seconds of a command, which must succeed."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"benchmark step failed: {' '.join(command)}\n{result.stderr}")
    return seconds


def build_seconds(raw: Path, out: Path) -> float:
    return timed([PYTHON, "-m", "helpers", "build", "--quiet", "--raw-dir", str(raw), "--out-dir", str(out)])


def cleaned_megabytes(out: Path) -> float:
    texts = pd.read_parquet(out / config.ARTICLES_FILE.name, columns=["text"])["text"]
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def bench_build(work: Path, megabytes: float) -> dict:
    raw, out = work / "raw-16x", work / "out-16x"
    generate(raw, megabytes, seed=16)
    build = build_seconds(raw, out)
    result = subprocess.run([PYTHON, "-c", JIEBA_BASELINE, str(out / config.ARTICLES_FILE.name)],
                            check=True, capture_output=True, text=True)
    jieba = json.loads(result.stdout)["seconds"]
    mb = cleaned_megabytes(out)
    return {"mb": mb, "build_s": build, "jieba_s": jieba, "build_mbps": mb / build,
            "jieba_mbps": mb / jieba, "ratio": jieba / build}


def bench_growth(work: Path, megabytes: float, build_16x: float) -> dict:
    sizes = {}
    for factor in (1, 4):
        raw, out = work / f"raw-{factor}x", work / f"out-{factor}x"
        generate(raw, megabytes * factor / 16, seed=factor)
        seconds = build_seconds(raw, out)
        sizes[factor] = (cleaned_megabytes(out), seconds)
    sizes[16] = (cleaned_megabytes(work / "out-16x"), build_16x)
    # Process start-up and dictionary loading are paid once per build; the growth that
    # matters is the marginal cost of each further megabyte.
    (mb1, t1), (mb4, t4), (mb16, t16) = sizes[1], sizes[4], sizes[16]
    low, high = (t4 - t1) / (mb4 - mb1), (t16 - t4) / (mb16 - mb4)
    return {"sizes": sizes, "marginal_low": low, "marginal_high": high,
            "drift": abs(high - low) / low}


def bench_reports() -> dict:
    from helpers.reports import floor_seconds, read_report_list

    subprocess.run([PYTHON, "-m", "helpers", "build", "--quiet"], check=True)
    full = timed([PYTHON, "-m", "helpers", "reports", "--quiet", "--force"])
    floor = floor_seconds(len(read_report_list()))
    noop = timed(["make", "--no-print-directory", "-s", "reports"])
    return {"reports_s": full, "floor_s": floor, "ratio": full / floor, "noop_s": noop,
            "count": len(read_report_list())}


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0, help="size of the 16x corpus")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {sys.platform}")
    with tempfile.TemporaryDirectory(prefix="helpers-bench-") as tmp:
        work = Path(tmp)
        build = bench_build(work, args.megabytes)
        print(f"1. build throughput: build {build['build_mbps']:.2f} MB/s ({build['build_s']:.1f} s), "
              f"single-process jieba.lcut {build['jieba_mbps']:.2f} MB/s ({build['jieba_s']:.1f} s) "
              f"on {build['mb']:.1f} MB of cleaned text -> {build['ratio']:.2f}x "
              f"[target >= 1.5x: {verdict(build['ratio'] >= 1.5)}]")
        reports = bench_reports()
        print(f"2. report floor: make reports {reports['reports_s']:.1f} s for {reports['count']} reports, "
              f"empty notebooks in the same pool {reports['floor_s']:.1f} s -> {reports['ratio']:.2f}x "
              f"[target <= 1.5x: {verdict(reports['ratio'] <= 1.5)}]")
        print(f"3. no-op rebuild: make reports right after itself {reports['noop_s']:.2f} s "
              f"[target < 3 s: {verdict(reports['noop_s'] < 3)}]")
        growth = bench_growth(work, args.megabytes, build["build_s"])
        sizes = ", ".join(f"{f}x {mb:.1f} MB in {t:.1f} s ({t / mb:.2f} s/MB)"
                          for f, (mb, t) in sorted(growth["sizes"].items()))
        print(f"4. growth: {sizes}; marginal cost 1x->4x {growth['marginal_low']:.2f} s/MB, "
              f"4x->16x {growth['marginal_high']:.2f} s/MB, drift {growth['drift']:.0%} "
              f"[target: flat within 20%: {verdict(growth['drift'] <= 0.2)}]")


if __name__ == "__main__":
    main()
