"""Issue 22, item 5: the shared letters in every rendering give the same items (slow).

Renders the 130 letters of ../shared into every form of tools/renderings/forms.py (in
$IMR_RENDER_DIR or a temporary folder; never in the repository), reads each with `imr extract`
and asserts issue 22's targets per form, the metamorphic relation (an item is the same as the
original's reading on every field, or flagged) and the blind fifth's figures. The same
measurement by hand: `.venv/bin/python -m tools.renderings.harness`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools.renderings.forms import FORM_NAMES
from tools.renderings.harness import (
    BLIND_FLAGGED_AT_MOST,
    BLIND_UNFLAGGED_RIGHT,
    ORIGINAL,
    SAME_OR_FLAGGED,
    TARGETS,
    format_table,
    run,
)

pytestmark = [pytest.mark.slow, pytest.mark.corpus]


@pytest.fixture(scope="module")
def reports(shared_letters_dir, gold_path, tmp_path_factory) -> dict[str, dict]:
    folder = os.environ.get("IMR_RENDER_DIR")
    out = Path(folder) if folder else tmp_path_factory.mktemp("renderings")
    made = run(shared_letters_dir, gold_path, out)
    print(format_table(made))  # shown with -s, and in the failure report
    return {report["form"]: report for report in made}


def _below(figures: dict, floors: dict[str, float]) -> dict[str, str]:
    return {
        name: f"{figures[name]:.1%} < {floor:.0%}"
        for name, floor in floors.items()
        if figures.get(name) is None or figures[name] < floor
    }


@pytest.mark.parametrize("form", (ORIGINAL, *FORM_NAMES))
def test_targets_per_form(reports, form):
    report = reports[form]
    below = _below(report["all"], TARGETS)
    assert not below, f"{form}: {below}; letters rejected: {len(report['rejected'])}"


@pytest.mark.parametrize("form", FORM_NAMES)
def test_same_items_as_the_original_or_flagged(reports, form):
    figures = reports[form]["all"]
    assert figures["same_or_flagged"] >= SAME_OR_FLAGGED, (
        f"{form}: {figures['same_or_flagged']:.1%} of items are the same as the original's "
        f"reading on every field or flagged (target {SAME_OR_FLAGGED:.1%})"
    )


def test_blind_part_unflagged_items_are_right(reports):
    blind = reports[ORIGINAL]["blind"]
    assert blind["items"] > 0
    assert blind["unflagged_right"] is not None
    assert blind["unflagged_right"] >= BLIND_UNFLAGGED_RIGHT, blind["unflagged_right"]
    assert blind["flagged"] <= BLIND_FLAGGED_AT_MOST, blind["flagged"]
