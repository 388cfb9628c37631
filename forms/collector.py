"""Python's cyclic garbage collector paused during one bulk job (an Excel import, one bundle applied at the
ministry).

Such a job makes and drops hundreds of thousands of small containers (a dict and a list per record), and
every young-generation collection they trigger walks them all again (16 % of the consolidation's checking
time, ``benchmarks/README.md``). Reference counting frees them as usual; the collector, on again afterwards,
finds any cycle left, and memory stays bounded by the job's own limits.

Only the main thread switches it (the command line): the collector is process-wide, and the window, which
runs these jobs on a worker thread, has automatic collection off already and collects on its GUI thread (a
worker switching it back on would let it free Qt objects on the wrong thread). Nested or already-paused:
nothing changes.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    if not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
