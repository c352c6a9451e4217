"""Text that leaves the pipeline: safe to open in a spreadsheet, print on a terminal, encode.

- `csv_cell`: a cell a spreadsheet would read as a formula (it starts with = + - @, a tab or a
  carriage return) gets a leading single quote (OWASP's advice for CSV injection). Every CSV
  writer goes through it (`csv_row`).
- `shown_name`: a file name with bytes that are not UTF-8 (Python keeps them as lone
  surrogates) as printable text, each such byte written as `\\xNN`.
- `terminal`: control characters (ANSI/OSC escape sequences, C1 codes, NUL) removed, then Rich
  markup escaped, for anything printed through Rich or echoed to a terminal.
- `without_nul`: NUL characters removed from a string (letter text, before it is written).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 controls except tab and newline, DEL, and the C1 range (0x9b is a one-byte CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def csv_cell(value: Any) -> Any:
    """A text cell that cannot start a spreadsheet formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: csv_cell(value) for key, value in row.items()}


def shown_name(text: str) -> str:
    """A path or file name as valid text: undecodable bytes (lone surrogates) as `\\xNN`."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape")
        return raw.decode("utf-8", "backslashreplace")
    return text


def without_nul(text: str) -> str:
    return text.replace("\x00", "") if "\x00" in text else text


def plain(text: object) -> str:
    """Printable text for a terminal: valid Unicode, no control characters but tab/newline."""
    return _CONTROL.sub("", shown_name(str(text)))


def terminal(text: object) -> str:
    """`plain` text with Rich markup escaped, for `Console.print`."""
    from rich.markup import escape

    return escape(plain(text))
