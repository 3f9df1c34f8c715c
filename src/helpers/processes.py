"""Child processes that end with their parent: no worker or kernel outlives a killed build.

``kill -9`` of ``make reports`` or of a build gives its children no chance to clean up, so
each child asks the kernel (Linux ``prctl(PR_SET_PDEATHSIG)``) to be killed when its parent
dies, and checks once that the parent is not already gone.
"""

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Have the calling process killed (SIGKILL) when its parent process ends.

    Call it first thing in a child (a pool initializer, a ``preexec_fn``). ``parent`` is the
    pid the child should outlive no process of; by default the current parent.
    """
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os.kill(os.getpid(), signal.SIGKILL)
