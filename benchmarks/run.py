"""Benchmarks: each figure is a ratio against a floor measured side by side in the same run.

Absolute seconds vary between runs on shared machines; the ratios hold. Each figure is the
median of ``--repeat`` runs, the two sides of a ratio taking turns. Run with ``make bench``
(or ``.venv/bin/python benchmarks/run.py``); ``BENCH_SIZES=5,500`` and
``BENCH_INCREMENTAL=500`` (or ``--sizes``, ``--incremental``, ``--megabytes 5 --repeat 1``)
make a quick run.

1. Build throughput: ``python -m helpers build`` on a generated corpus against plain
   single-process ``jieba.lcut`` over the same cleaned text (target: >= 1.5x).
2. Incremental build: the build after adding one article to a built corpus of 5,000
   articles against a full build of it from nothing (target: <= 5%).
3. Reports against their floor: ``make reports FORCE=1`` on the seed corpus against one
   kernel warm-up per worker plus the notebooks' cell time divided by the workers (target:
   <= 1.3x), and against the loop an analyst would otherwise write, papermill's CLI then
   ``jupyter nbconvert --to html`` per report (target: >= 4x faster).
4. No-op: ``make reports`` right after itself (target: under 1 s, nothing re-executed).
5. Reports at 5, 500 and 5,000 articles (generated over 34 localities, in a scratch copy of
   the project): reports, time per report, largest page, peak memory of the process tree.
"""

import argparse
import json
import os
import platform
import shutil
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
from floor import cell_seconds, report_seconds, warm_up_seconds  # noqa: E402
from measure import run_measured, timed  # noqa: E402

from helpers import config  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
MB = 1e6

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


def median_of(repeat: int, *measures) -> list[float]:
    """The median of ``repeat`` runs of each measure, the measures taking turns."""
    runs = [[measure() for measure in measures] for _ in range(repeat)]
    return [statistics.median(column) for column in zip(*runs)]


def build_command(raw: Path, out: Path) -> list[str]:
    return [
        PYTHON,
        "-m",
        "helpers",
        "build",
        "--quiet",
        "--raw-dir",
        str(raw),
        "--out-dir",
        str(out),
    ]


def build_seconds(raw: Path, out: Path, cold: bool = False) -> float:
    """Seconds of a build; ``cold``: from nothing (no published set, no per-file cache)."""
    if cold:
        shutil.rmtree(out, ignore_errors=True)
    return timed(build_command(raw, out))


def segmenter_seconds(name: str, out: Path) -> float:
    articles = out / config.CURRENT_SET / "articles.parquet"
    result = subprocess.run(
        [PYTHON, "-c", SEGMENTER_BASELINE, name, str(articles)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)["seconds"]


def cleaned_megabytes(out: Path) -> float:
    texts = pd.read_parquet(out / config.CURRENT_SET / "articles.parquet", columns=["text"])["text"]
    return sum(len(text.encode("utf-8")) for text in texts) / MB


def bench_build(work: Path, megabytes: float, repeat: int) -> dict:
    raw, out = work / "raw-throughput", work / "out-throughput"
    generate(raw, megabytes, seed=4)
    build_seconds(raw, out, cold=True)  # the cleaned text the baselines cut
    build, jieba, rjieba = median_of(
        repeat,
        lambda: build_seconds(raw, out, cold=True),
        lambda: segmenter_seconds("jieba", out),
        lambda: segmenter_seconds("rjieba", out),
    )
    mb = cleaned_megabytes(out)
    return {
        "mb": mb,
        "build_s": build,
        "jieba_s": jieba,
        "rjieba_s": rjieba,
        "ratio": jieba / build,
    }


def bench_incremental(work: Path, files: int, repeat: int) -> dict:
    """A full build of ``files`` generated files against the build after adding one more."""
    raw, out = work / "raw-incremental", work / "out-incremental"
    generate(raw, articles=files + 1, seed=7)
    added = raw / f"bench-{files:06d}.txt"
    kept = work / added.name
    added.rename(kept)

    def full() -> float:
        added.unlink(missing_ok=True)
        return build_seconds(raw, out, cold=True)

    def one_more() -> float:
        shutil.copy(kept, added)
        return build_seconds(raw, out)

    full_s, one_s = median_of(repeat, full, one_more)
    info = json.loads((out / config.CURRENT_SET / "build.json").read_text(encoding="utf-8"))
    articles = len(pd.read_parquet(out / config.CURRENT_SET / "articles.parquet", columns=["part"]))
    return {
        "files": files,
        "articles": articles,
        "full_s": full_s,
        "one_s": one_s,
        "share": one_s / full_s,
        "processed": info["processed"],
        "reused": info["reused"],
    }


def analyst_loop_seconds(reports, scratch: Path) -> float:
    """papermill's CLI then ``jupyter nbconvert --to html``, one report after another."""
    started = time.perf_counter()
    for report in reports:
        executed = scratch / f"{report.name}.ipynb"
        subprocess.run(
            [
                str(BIN / "papermill"),
                str(config.NOTEBOOKS_DIR / f"{report.notebook}.ipynb"),
                str(executed),
                "-y",
                json.dumps(report.parameters, ensure_ascii=False),
                "--cwd",
                str(config.NOTEBOOKS_DIR),
                "-k",
                "python3",
                "--no-progress-bar",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - started


def bench_reports(work: Path, repeat: int) -> dict:
    from helpers.report.listing import read_report_list
    from helpers.report.runner import pool_size
    from helpers.report.stamps import BUILD_DIRNAME

    subprocess.run([PYTHON, "-m", "helpers", "build", "--quiet"], check=True)
    reports = read_report_list()  # computed from the built corpus
    names = [report.name for report in reports]
    workers = pool_size(None, len(reports))
    build_dir = config.REPORTS_DIR / BUILD_DIRNAME
    measured: list[dict] = []

    def full() -> float:
        seconds = timed(["make", "--no-print-directory", "-s", "reports", "FORCE=1"])
        cells = cell_seconds(build_dir, names)
        measured.append({"cells": cells, "own": sum(report_seconds(build_dir, names))})
        return seconds

    full_s, warm_s, loop_s = median_of(
        repeat,
        full,
        lambda: warm_up_seconds(workers, config.NOTEBOOKS_DIR),
        lambda: analyst_loop_seconds(reports, Path(tempfile.mkdtemp(dir=work))),
    )
    cells = statistics.median(m["cells"] for m in measured)
    floor = warm_s + cells / workers
    (noop,) = median_of(repeat, lambda: timed(["make", "--no-print-directory", "-s", "reports"]))
    return {
        "count": len(reports),
        "workers": workers,
        "reports_s": full_s,
        "warm_s": warm_s,
        "cells_s": cells,
        "floor_s": floor,
        "ratio": full_s / floor,
        "loop_s": loop_s,
        "speedup": loop_s / full_s,
        "noop_s": noop,
    }


def scratch_project(folder: Path, articles: int) -> Path:
    """A copy of the project's raw folder and notebooks with generated files added so that
    it holds about ``articles`` articles (the seed corpus alone for its own size or less)."""
    raw = folder / "data" / "raw"
    shutil.copytree(config.RAW_DATA_DIR, raw)
    shutil.copytree(config.NOTEBOOKS_DIR, folder / "notebooks")
    seeds = len(config.raw_article_paths(raw))
    if articles > seeds:
        # each seed file holds 7/5 articles on average: a file of three articles among five
        generate(raw, articles=round((articles - 7) * 5 / 7), seed=articles)
    return folder


def bench_sizes(work: Path, sizes: list[int]) -> list[dict]:
    """Build and reports of a scratch project at each size (one run each)."""
    from helpers.report.stamps import BUILD_DIRNAME

    results = []
    for size in sizes:
        project = scratch_project(work / f"project-{size}", size)
        env = {"HELPERS_PROJECT_ROOT": str(project)}
        built = run_measured([PYTHON, "-m", "helpers", "build", "--quiet"], env=env)
        ran = run_measured([PYTHON, "-m", "helpers", "reports", "--quiet"], env=env)
        pages = sorted((project / "reports").glob("*.html"), key=lambda p: p.stat().st_size)
        pages = [p for p in pages if p.name != "index.html"]
        names = [p.stem for p in pages]
        own = report_seconds(project / "reports" / BUILD_DIRNAME, names)
        articles = pd.read_parquet(
            project / "data" / "processed" / config.CURRENT_SET / "articles.parquet",
            columns=["locality"],
        )
        results.append(
            {
                "articles": len(articles),
                "localities": articles["locality"].nunique(),
                "mb": sum(
                    p.stat().st_size for p in config.raw_article_paths(project / "data" / "raw")
                )
                / MB,
                "build_s": built["seconds"],
                "build_peak": built["peak_bytes"],
                "reports": len(pages),
                "reports_s": ran["seconds"],
                "per_report_s": ran["seconds"] / max(1, len(pages)),
                "median_own_s": statistics.median(own) if own else 0.0,
                "largest_page": (pages[-1].name, pages[-1].stat().st_size) if pages else ("", 0),
                "peak": ran["peak_bytes"],
                "peak_pss": ran["peak_pss_bytes"],
            }
        )
        shutil.rmtree(project)
    return results


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def machine() -> str:
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    total = next(line.split()[1] for line in meminfo if line.startswith("MemTotal"))
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; nproc {os.cpu_count()}, {model}, "
        f"RAM {int(total) / 1024**2:.1f} GiB, Python {sys.version.split()[0]}, {platform.platform()}"
    )


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0, help="corpus of figure 1 (MB)")
    parser.add_argument(
        "--incremental",
        type=int,
        default=int(os.environ.get("BENCH_INCREMENTAL", 5000)),
        help="built corpus one article is added to in figure 2 (articles)",
    )
    parser.add_argument(
        "--sizes",
        type=_ints,
        default=_ints(os.environ.get("BENCH_SIZES", "5,500,5000")),
        help="corpus sizes of figure 5 (articles, comma-separated)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per ratio (the median is shown)"
    )
    parser.add_argument("--only", nargs="*", type=int, help="run only these figures (1-5)")
    args = parser.parse_args()
    wanted = set(args.only or range(1, 6))
    print(f"machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="helpers-bench-") as tmp:
        work = Path(tmp)
        if 1 in wanted:
            b = bench_build(work, args.megabytes, args.repeat)
            print(
                f"1. build throughput: build {b['mb'] / b['build_s']:.2f} MB/s ({b['build_s']:.1f} s), "
                f"single-process jieba.lcut {b['mb'] / b['jieba_s']:.2f} MB/s ({b['jieba_s']:.1f} s) "
                f"on {b['mb']:.1f} MB of cleaned text -> {b['ratio']:.2f}x "
                f"[target >= 1.5x: {verdict(b['ratio'] >= 1.5)}]; rjieba alone (the build's "
                f"segmenter) {b['mb'] / b['rjieba_s']:.1f} MB/s single-process",
                flush=True,
            )
        if 2 in wanted:
            i = bench_incremental(work, args.incremental, args.repeat)
            print(
                f"2. incremental build: one article added to {i['files']:,} files ({i['articles']:,} "
                f"articles) {i['one_s']:.2f} s (processed {i['processed']}, reused {i['reused']:,}), "
                f"full build {i['full_s']:.1f} s -> {i['share']:.1%} "
                f"[target <= 5%: {verdict(i['share'] <= 0.05)}]",
                flush=True,
            )
        if 3 in wanted or 4 in wanted:
            r = bench_reports(work, args.repeat)
            print(
                f"3. reports: make reports {r['reports_s']:.1f} s for {r['count']} reports on "
                f"{r['workers']} workers; floor {r['floor_s']:.1f} s (kernel warm-up {r['warm_s']:.1f} s "
                f"+ cells {r['cells_s']:.1f} s / {r['workers']}) -> {r['ratio']:.2f}x "
                f"[target <= 1.3x: {verdict(r['ratio'] <= 1.3)}]; papermill CLI + nbconvert per "
                f"report {r['loop_s']:.1f} s -> {r['speedup']:.1f}x faster "
                f"[target >= 4x: {verdict(r['speedup'] >= 4)}]",
                flush=True,
            )
            print(
                f"4. no-op: make reports right after itself {r['noop_s']:.2f} s "
                f"[target < 1 s: {verdict(r['noop_s'] < 1)}]",
                flush=True,
            )
        if 5 in wanted:
            for s in bench_sizes(work, args.sizes):
                name, size = s["largest_page"]
                print(
                    f"5. {s['articles']:,} articles ({s['localities']} localities, {s['mb']:.1f} MB raw): "
                    f"build {s['build_s']:.1f} s (peak {s['build_peak'] / 2**20:,.0f} MiB); "
                    f"{s['reports']} reports in {s['reports_s']:.1f} s, {s['per_report_s']:.2f} s per "
                    f"report (median {s['median_own_s']:.2f} s in its worker); largest page "
                    f"{name} {size / MB:.2f} MB; peak memory {s['peak'] / 2**20:,.0f} MiB summed RSS, "
                    f"{s['peak_pss'] / 2**20:,.0f} MiB summed PSS",
                    flush=True,
                )


if __name__ == "__main__":
    main()
