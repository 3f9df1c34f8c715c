"""Warm kernels for the report runner: started once per worker, reset between notebooks.

A fresh kernel spends seconds importing pandas, matplotlib, seaborn (and scipy through it)
before a report's first line of analysis. Each worker of the report pool keeps one kernel
with those imports done (:data:`WARM_UP`) and hands it to papermill for one report after
another, through papermill's own nbclient engine given the running kernel and its client
(:class:`WarmKernelEngine`, registered as ``warm-kernel``). Before each report
:func:`reset_session` runs in the kernel and leaves it as a new kernel would be after the
same imports: no names or outputs of the previous notebook, execution count 1, no figures,
matplotlib's and pandas' settings as they were, autoreload not loaded, the notebook's
folder as working directory. A report that fails gets its kernel shut down, so the next
report starts in a new one.
"""

import os
import re
import warnings

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger

ENGINE_NAME = "warm-kernel"

# What every report notebook imports; done once per kernel.
WARM_UP = """
import pandas, matplotlib.pyplot, seaborn, scipy.stats
from helpers import compare, display, plots, tables, themes
# The inline backend finishes setting itself up (interactive mode) at the first figure.
matplotlib.pyplot.close(matplotlib.pyplot.figure())
import helpers.kernels
helpers.kernels.remember_settings()
"""

_settings: dict = {}
_CACHED_OUTPUT = re.compile(r"_i{0,3}\d*")  # _, __, _5, _i, _i5: outputs and inputs by number


def remember_settings() -> None:
    """Record matplotlib's settings after the warm-up, which each reset restores."""
    import matplotlib

    # Not the backend: setting it again, even to the same inline backend, detaches pyplot
    # from the hook that sends each cell's figures to the notebook.
    _settings["rc"] = {key: value for key, value in matplotlib.rcParams.items() if key != "backend"}


def reset_session(shell, cwd: str) -> None:
    """Make a used kernel's session look new to the next notebook (runs inside the kernel)."""
    import matplotlib
    import matplotlib.pyplot as plt
    import pandas as pd

    # The user's names, cached outputs and their names are deleted here rather than by
    # %reset, which ends in a gc.collect() (0.2-0.3 s in a kernel holding pandas and
    # matplotlib); the collector reclaims any cycles later on its own.
    for name in shell.run_line_magic("who_ls", ""):
        del shell.user_ns[name]
    shell.user_ns["_oh"].clear()
    for name in [name for name in shell.user_ns if _CACHED_OUTPUT.fullmatch(name)]:
        del shell.user_ns[name]
    shell.displayhook._, shell.displayhook.__, shell.displayhook.___ = "", "", ""
    shell.user_ns.update({"_": "", "__": "", "___": ""})
    shell.history_manager.reset(new_session=True)  # In is empty and line 1 is free again
    shell.execution_count = 1
    plt.close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # settings pandas has deprecated warn as they are reset
        matplotlib.rcParams.update(_settings["rc"])
        pd.reset_option("all")
    _unload_autoreload(shell)
    os.chdir(cwd)


def _unload_autoreload(shell) -> None:
    """Forget the autoreload extension, so that the notebook's ``%load_ext autoreload``
    loads it quietly (a loaded extension prints "already loaded" into the report)."""
    names = {"autoreload", "IPython.extensions.autoreload"}  # IPython records the latter
    if not names & shell.extension_manager.loaded:
        return
    from IPython.extensions.autoreload import AutoreloadMagics

    for event, callbacks in shell.events.callbacks.items():
        for callback in list(callbacks):
            if isinstance(getattr(callback, "__self__", None), AutoreloadMagics):
                shell.events.unregister(event, callback)
    shell.extension_manager.loaded -= names


class WarmKernel:
    """One kernel kept by a worker process, with one client; ``ready`` resets it for a notebook."""

    def __init__(self, kernel_name: str, timeout: float = 120):
        self.kernel_name = kernel_name
        self.timeout = timeout
        self.manager = None
        self.client = None

    def ready(self, cwd: str) -> "WarmKernel":
        """This kernel, warm and reset for a notebook in ``cwd`` (a new one if it died)."""
        if self.manager is None or not self.manager.is_alive():
            self.discard()
            from jupyter_client.manager import KernelManager

            self.manager = KernelManager(kernel_name=self.kernel_name)
            # Report runs stay out of the analyst's IPython history file.
            self.manager.start_kernel(cwd=cwd, extra_arguments=["--HistoryManager.hist_file=:memory:"])
            self.client = self.manager.client()
            self.client.allow_stdin = False
            self.client.start_channels()
            self.client.wait_for_ready(timeout=self.timeout)
            self._run(WARM_UP)
        self._run(f"import helpers.kernels\nhelpers.kernels.reset_session(get_ipython(), {cwd!r})")
        return self

    def discard(self) -> None:
        """Shut the kernel down (after a failure, or when the worker ends)."""
        if self.client is not None:
            self.client.stop_channels()
            self.client = None
        if self.manager is not None:
            self.manager.shutdown_kernel(now=True)
            self.manager = None

    def _run(self, code: str) -> None:
        reply = self.client.execute_interactive(code, silent=True, store_history=False, timeout=self.timeout)
        content = reply["content"]
        if content["status"] != "ok":
            raise RuntimeError(f"kernel set-up failed: {content.get('ename')}: {content.get('evalue')}")


class WarmKernelEngine(NBClientEngine):
    """papermill's nbclient engine on a :class:`WarmKernel`: no kernel to start, no client to
    wait for; the kernel outlives the notebook.

    ``papermill.execute_notebook(..., engine_name="warm-kernel", warm_kernel=kernel.ready(cwd))``
    """

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                 stderr_file=None, start_timeout=60, execution_timeout=None,
                                 warm_kernel=None, **kwargs):
        client = PapermillNotebookClient(
            nb_man, km=warm_kernel.manager, kernel_name=kernel_name, timeout=execution_timeout,
            startup_timeout=start_timeout, log=logger, log_output=log_output,
            stdout_file=stdout_file, stderr_file=stderr_file)
        client.kc = warm_kernel.client  # nbclient starts a client only when it has none
        return client.execute()


papermill_engines.register(ENGINE_NAME, WarmKernelEngine)
