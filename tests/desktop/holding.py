"""A reading still going on: a function that does its work, then waits until the test lets it go."""

from __future__ import annotations

import threading
from typing import Any


class HeldRead:
    """``owner.name`` replaced by a version that reads as usual, sets ``reading``, then waits for ``let_go()``
    (at most a minute) before returning what it read. ``stop_holding()`` puts the real function back for the
    calls that follow (the one already held stays held)."""

    def __init__(self, monkeypatch: Any, owner: Any, name: str) -> None:
        self.reading, self._released = threading.Event(), threading.Event()
        real = getattr(owner, name)
        self._put_back = lambda: monkeypatch.setattr(owner, name, real)

        def held(*args: Any, **kwargs: Any) -> Any:
            found = real(*args, **kwargs)
            self.reading.set()
            self._released.wait(60)
            return found

        monkeypatch.setattr(owner, name, held)

    def stop_holding(self) -> None:
        self._put_back()

    def let_go(self) -> None:
        self._released.set()
