"""The `__class__` swap in cli/help_patch.py changes how parameters are *shown*, nothing else.

Differential tests against typer's own parameters: the swapped-in classes override display
methods only (so parsing, defaults, callbacks and validation are typer's), every command
parses the same arguments to the same values with and without the swap, and the swap keeps
the object's state (same attributes, same values).
"""

from __future__ import annotations

import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.core import TyperArgument, TyperOption

from pipeline.cli import app
from pipeline.cli.help_patch import _Argument, _Option, plain_help

DISPLAY_ONLY = {
    _Option: {"display_type_rich"},
    _Argument: {"display_name_raw", "_usage_display_name", "display_type_rich"},
}


def test_the_swapped_classes_override_display_methods_only():
    for cls, allowed in DISPLAY_ONLY.items():
        (base,) = cls.__bases__
        assert base in (TyperOption, TyperArgument)
        dunder = {n for n in vars(cls) if n.startswith("__") and n.endswith("__")}
        own = set(vars(cls)) - dunder - {"_abc_impl"}
        assert own == allowed, f"{cls.__name__} overrides {sorted(own - allowed)}"
        # No new state or layout: an instance of the base can become one (the __class__ swap).
        assert "__init__" not in vars(cls) and "__slots__" not in vars(cls)


def _stock_commands() -> dict:
    """The app's commands as typer builds them (dict access: no HelpGroup.get_command swap)."""
    return dict(typer.main.get_command(app).commands)


def _sample_args(command) -> list[list[str]]:
    """Argument lists built from the command's own parameters: every option once with a
    plausible value, flags alone, and a value for each argument."""
    args: list[str] = []
    for param in command.params:
        if isinstance(param, TyperArgument):
            args.append("letters.pdf")
        elif param.is_flag:
            args.append(param.opts[0])
        elif param.opts:
            args += [param.opts[0], "1"]
    return [args, [a for a in args if not a.startswith("-")]]


def _parse(command, args: list[str]) -> tuple[str, object]:
    try:
        ctx = command.make_context(command.name, list(args))
    except Exception as error:  # a usage error is compared by kind and the parameter's name
        return "error", (type(error).__name__, getattr(getattr(error, "param", None), "name", None))
    return "ok", ctx.params


def test_every_command_parses_alike_with_and_without_the_swap():
    stock, swapped = _stock_commands(), _stock_commands()
    for name, command in swapped.items():
        before = [vars(p).copy() for p in command.params]
        for param in command.params:
            plain_help(param)
        assert [vars(p) for p in command.params] == before, name  # same state
        assert any(type(p) in DISPLAY_ONLY for p in command.params) or not command.params
        for args in _sample_args(command):
            assert _parse(command, args) == _parse(stock[name], args), (name, args)


_TOKENS = st.sampled_from(
    ["--out", "x.jsonl", "--jobs", "2", "-j", "0", "--json", "--letters", "3", "a.pdf", "b",
     "--models", "/tmp/m", "--chunk-files", "-1", "--no-models", "--top-specialties", "x"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(sorted(_stock_commands())), args=st.lists(_TOKENS, max_size=6))
def test_random_command_lines_parse_alike_with_and_without_the_swap(name, args):
    stock, swapped = _stock_commands()[name], _stock_commands()[name]
    for param in swapped.params:
        plain_help(param)
    assert _parse(swapped, args) == _parse(stock, args)
