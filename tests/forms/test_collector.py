"""``forms.collector.collector_paused``: the one switch of Python's cyclic collector used by the Excel import
and the ministry's consolidation."""

from __future__ import annotations

import gc
import threading

import pytest

from forms.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_paused_inside_and_back_on_after_even_on_error():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()


def test_nested_pause_leaves_it_off_until_the_outer_one_ends():
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_worker_thread_never_switches_it():
    seen = []

    def work():
        with collector_paused():
            seen.append(gc.isenabled())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [True]
    gc.disable()
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [True, False]
    assert not gc.isenabled()  # left as the GUI (automatic collection off) had it
