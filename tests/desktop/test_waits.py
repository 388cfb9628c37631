"""The suite's qtbot waits (tests/desktop/conftest.py): patient, and strict about what a condition returns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from tests.desktop.conftest import PATIENCE_MS


@pytest.mark.parametrize("value", [0, 1, None, 177, [], "", [1]])
def test_a_lambda_condition_that_returns_a_non_bool_is_refused_at_once(qtbot, value):
    # pytest-qt alone passes 0 and 1 as False and True and None as success: which the test met depended
    # on timing
    with pytest.raises(ValueError, match="True ou False"):
        qtbot.waitUntil(lambda: value, timeout=100)


def test_bool_conditions_and_assert_style_functions_still_wait(qtbot):
    calls: list[int] = []

    def ready() -> None:  # assert style: None once the assertion holds
        calls.append(1)
        assert len(calls) >= 3

    qtbot.waitUntil(ready)
    assert len(calls) == 3
    qtbot.waitUntil(lambda: len(calls) >= 3)
    qtbot.wait_until(lambda: True)


class Sender(QObject):
    fired = Signal()


def test_a_short_timeout_written_in_a_test_is_raised_to_the_patience_of_the_suite(qtbot):
    assert PATIENCE_MS >= 60_000
    sender = Sender()
    with qtbot.waitSignal(sender.fired, timeout=10) as blocker:
        QTimer.singleShot(0, sender.fired.emit)
    assert blocker.timeout == PATIENCE_MS
