"""Table cells as plain values. A missing value reaches the code as None (records) or NaN
(pandas, parquet); every stage reads both the same way. Standard library only, so the
light predict path can use it."""

from __future__ import annotations

import math
from typing import Any


def is_missing(value: Any) -> bool:
    """None or NaN: a cell with no value."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def as_text(value: Any) -> str:
    """A cell as text: missing -> ""."""
    if isinstance(value, str):
        return value
    return "" if is_missing(value) else str(value)
