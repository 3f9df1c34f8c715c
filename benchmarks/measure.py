"""Measuring a command: wall-clock and CPU seconds, and the peak memory of its process tree."""

import os
import resource
import subprocess
import sys
import threading
import time

import psutil

POLL_SECONDS = 0.1


def _tree_rss(process: psutil.Process) -> int:
    """Resident bytes of a process and all its descendants (kernels and workers included)."""
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue  # ended between the listing and the reading
    return total


def run_measured(command: list[str], env: dict | None = None, cwd=None) -> dict:
    """Run a command, which must succeed: its wall-clock seconds, CPU seconds (user + system,
    descendants included) and the peak of the summed resident memory of its process tree
    (sampled every POLL_SECONDS)."""
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
    peak = [0]

    def sample() -> None:
        try:
            watched = psutil.Process(proc.pid)
            while proc.poll() is None:
                peak[0] = max(peak[0], _tree_rss(watched))
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
    return {"seconds": seconds, "cpu": cpu, "peak_bytes": peak[0], "stdout": stdout}


def timed(command: list[str], **kwargs) -> float:
    """Wall-clock seconds of a command, which must succeed."""
    return run_measured(command, **kwargs)["seconds"]
