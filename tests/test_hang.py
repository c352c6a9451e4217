"""The hang guards of tests/hang.py fail on a hang and on an error, and pass otherwise."""

from __future__ import annotations

import time

import pytest

from tests.hang import finishes


def test_work_that_never_ends_is_reported_as_hung():
    with pytest.raises(AssertionError, match="hung: sleeping did not finish"):
        finishes(lambda: time.sleep(3600), "sleeping", seconds=0.5)


def test_an_error_in_the_work_is_reported_with_its_traceback():
    def broken() -> None:
        raise ValueError("made-up error")

    with pytest.raises(AssertionError, match="ValueError: made-up error"):
        finishes(broken, "broken work")


def test_work_that_finishes_passes():
    finishes(lambda: sum(range(1000)), "a sum")
