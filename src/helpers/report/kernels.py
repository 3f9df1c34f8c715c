"""Warm kernels for the report runner: started once per worker, reset between notebooks.

A fresh kernel spends seconds importing pandas, matplotlib, seaborn (and scipy through it)
before a report's first line of analysis. Each worker of the report pool keeps one kernel
with those imports done (:data:`WARM_UP`) and hands it to papermill for one report after
another, through papermill's own nbclient engine given the running kernel
(:class:`WarmKernelEngine`, registered as ``warm-kernel``). Before each report
:func:`reset_session` runs in the kernel and takes back what a notebook leaves: its names
and outputs, history and execution count, figures, matplotlib's and pandas' settings,
extensions and event callbacks (autoreload's among them) and the working directory.
Modules stay imported (that is the point), so state a notebook puts into a module (a
module global, numpy's global random state) would reach the next one; the report notebooks keep none, and a test holds reports built
this way equal to reports built in fresh kernels. A report that fails gets its kernel shut
down, so the next report starts in a new one.
"""

import functools
import os
import sys
import warnings

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger

from helpers.processes import die_with_parent

ENGINE_NAME = "warm-kernel"

# What every report notebook imports; done once per kernel.
WARM_UP = """
import pandas, matplotlib.pyplot, seaborn, scipy.stats
from helpers.analysis import context, dispersion, frames, keyness, rates, similarity, trajectory
from helpers.report import display
from helpers.report import plots
from helpers.build import tables
from helpers.nlp import themes
from helpers.analysis import facts, selection
from helpers.report import labels, params
# The inline backend finishes setting itself up (interactive mode) at the first figure.
matplotlib.pyplot.close(matplotlib.pyplot.figure())
import helpers.report.kernels
helpers.report.kernels.remember_settings(get_ipython())
"""
# Run in the kernel without binding a name in the user's namespace.
_CALL = "__import__('helpers.report.kernels').report.kernels.{}(get_ipython(){})"

_settings: dict = {}


def remember_start(shell) -> None:
    """Record the namespace of the new kernel, before the warm-up: what each reset restores."""
    _settings["names"] = dict(shell.user_ns)


def remember_settings(shell) -> None:
    """Record, after the warm-up, matplotlib's settings and the session's event callbacks
    and extensions (the inline backend's figure hook among them): each reset restores them."""
    import matplotlib

    # Not the backend: setting it again, even to the same inline backend, detaches pyplot
    # from the hook that sends each cell's figures to the notebook.
    _settings["rc"] = {key: value for key, value in matplotlib.rcParams.items() if key != "backend"}
    _settings["callbacks"] = {
        event: list(callbacks) for event, callbacks in shell.events.callbacks.items()
    }
    _settings["extensions"] = set(shell.extension_manager.loaded)


def reset_session(shell, cwd: str) -> None:
    """Make a used kernel's session look new to the next notebook (runs inside the kernel)."""
    import matplotlib
    import matplotlib.pyplot as plt
    import pandas as pd

    # Names are deleted here rather than by %reset, which ends in a gc.collect() (0.2-0.3 s
    # in a kernel holding pandas and matplotlib); the collector reclaims cycles on its own.
    start = _settings["names"]
    for name in [name for name in shell.user_ns if name not in start]:
        del shell.user_ns[name]
    shell.user_ns.update(start)  # _, _i, ... back to their first values
    shell.user_ns["_oh"].clear()
    shell.displayhook._, shell.displayhook.__, shell.displayhook.___ = "", "", ""
    shell.history_manager.reset(new_session=True)  # In is empty and line 1 is free again
    shell.execution_count = 1
    plt.close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # settings pandas has deprecated warn as they are reset
        matplotlib.rcParams.update(_settings["rc"])
        pd.reset_option("all")
    # Extensions a notebook loaded are forgotten with the callbacks they registered, so its
    # next ``%load_ext autoreload`` loads quietly (a loaded one prints "already loaded").
    for event, callbacks in shell.events.callbacks.items():
        callbacks[:] = _settings["callbacks"].get(event, [])
    shell.extension_manager.loaded &= _settings["extensions"]
    os.chdir(cwd)
    _give_back_freed_memory()


def _give_back_freed_memory() -> None:
    """Hand the memory the last notebook freed back to the system: a kept kernel otherwise
    holds its largest notebook's high-water mark for the rest of the run (Arrow's pool and
    the C heap keep freed pages), and two of them side by side set the run's peak."""
    import pyarrow

    pyarrow.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim`` (None elsewhere); looked up once, as finding libc runs ldconfig."""
    import ctypes
    import ctypes.util

    libc = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(libc), "malloc_trim", None) if libc else None


class WarmKernel:
    """One kernel kept by a worker process; ``ready`` resets it for the next notebook."""

    def __init__(self, kernel_name: str, timeout: float = 120):
        self.kernel_name = kernel_name
        self.timeout = timeout
        self.manager = None
        self._control = None  # a blocking client for the warm-up and the resets

    def ready(self, cwd: str) -> "WarmKernel":
        """This kernel, warm and reset for a notebook in ``cwd`` (a new one if it died)."""
        from jupyter_client.blocking import BlockingKernelClient
        from jupyter_client.manager import KernelManager

        if self.manager is None or not self.manager.is_alive():
            self.discard()
            # nbclient gets asynchronous clients from the manager: with a blocking one it
            # waits for output without a timeout, and neither a cell timeout nor a dead
            # kernel would end the wait.
            self.manager = KernelManager(
                kernel_name=self.kernel_name,
                client_class="jupyter_client.asynchronous.AsyncKernelClient",
            )
            # Report runs stay out of the analyst's IPython history file.
            self.manager.start_kernel(
                cwd=cwd,
                extra_arguments=["--HistoryManager.hist_file=:memory:"],
                preexec_fn=functools.partial(die_with_parent, os.getpid()),
            )
            # A session of its own (clients sharing one take each other's messages for
            # replays); the manager as parent, which tells a starting kernel from a dead one.
            self._control = BlockingKernelClient(parent=self.manager)
            self._control.load_connection_info(self.manager.get_connection_info())
            self._control.start_channels()
            self._control.wait_for_ready(timeout=self.timeout)
            self._run(_CALL.format("remember_start", ""))
            self._run(WARM_UP)
        self._run(_CALL.format("reset_session", f", {cwd!r}"))
        return self

    def discard(self) -> None:
        """Shut the kernel down (after a failure, or when the worker ends); never raises."""
        control, manager = self._control, self.manager
        self._control = self.manager = None
        try:
            if control is not None:
                control.stop_channels()
            if manager is not None:
                manager.shutdown_kernel(now=True)
        except Exception as error:  # a kernel that will not stop must not stop the reports
            print(f"warm kernel: shutting down failed: {error}", file=sys.stderr)

    def _run(self, code: str) -> None:
        reply = self._control.execute_interactive(
            code, silent=True, store_history=False, timeout=self.timeout
        )
        content = reply["content"]
        if content["status"] != "ok":
            raise RuntimeError(
                f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}"
            )


class WarmKernelEngine(NBClientEngine):
    """papermill's nbclient engine on a :class:`WarmKernel`: no kernel to start, and the
    kernel outlives the notebook (nbclient's client for it is closed after the run).

    ``papermill.execute_notebook(..., engine_name="warm-kernel", warm_kernel=kernel.ready(cwd))``
    """

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        warm_kernel=None,
        **kwargs,
    ):
        client = PapermillNotebookClient(
            nb_man,
            km=warm_kernel.manager,
            kernel_name=kernel_name,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        try:
            return client.execute()
        finally:
            if client.kc is not None:  # nbclient leaves a client open on a kernel it does not own
                client.kc.stop_channels()


papermill_engines.register(ENGINE_NAME, WarmKernelEngine)
