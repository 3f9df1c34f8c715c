"""Measuring a command: wall-clock and CPU seconds, and the peak memory of its process tree."""

import os
import resource
import subprocess
import sys
import threading
import time

import psutil

POLL_SECONDS = 0.1


def _tree_memory(process: psutil.Process) -> tuple[int, int]:
    """Resident bytes of a process and all its descendants (kernels and workers included):
    summed RSS, which counts the pages they share (libraries, forked memory) once per process,
    and summed PSS, which shares each such page out among them, so the tree's true footprint."""
    rss = pss = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            info = proc.memory_full_info()
        except psutil.Error:
            continue  # ended between the listing and the reading
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def run_measured(command: list[str], env: dict | None = None, cwd=None) -> dict:
    """Run a command, which must succeed: its wall-clock seconds, CPU seconds (user + system,
    descendants included) and the peak of the summed resident memory of its process tree
    and its proportional share (PSS), each sampled every POLL_SECONDS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    peak = [0, 0]

    def sample() -> None:
        try:
            watched = psutil.Process(proc.pid)
            while proc.poll() is None:
                rss, pss = _tree_memory(watched)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
                time.sleep(POLL_SECONDS)
        except psutil.Error:
            pass

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"benchmark step failed: {' '.join(map(str, command))}\n{stderr[-3000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_bytes": peak[0],
        "peak_pss_bytes": peak[1],
        "stdout": stdout,
    }


def timed(command: list[str], **kwargs) -> float:
    """Wall-clock seconds of a command, which must succeed."""
    return run_measured(command, **kwargs)["seconds"]
