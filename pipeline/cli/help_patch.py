"""Plain metavars in `imr ... --help`.

Typer (0.29) prints a type for every parameter, flags included (`--json <bool>`, `--help
<bool>`), Python annotations for lists (`<list[Path]>`) and required arguments in braces
(`{inputs}...`). `HelpGroup` keeps its rendering and fixes those: a flag shows no value, a
list shows its element's type, a ranged number its type (the range is printed beside it), an
argument reads the usual way (`INPUTS...`, `[NAME]` when optional).

Why a `__class__` swap: typer builds every parameter as a TyperOption/TyperArgument itself
(`typer.main.get_click_param`) with no hook for another class, and the supported `metavar=`
fixes the type column only, not the usage line's `{INPUTS}...` (braces are added around any
metavar) nor `--help <bool>` (the help option is declared by no typer.Option). The
swapped-in subclasses override display methods only; tests/test_cli_help_patch.py checks that,
and that every command parses alike with and without the swap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

from typer.core import TyperArgument, TyperGroup, TyperOption


def _value_type(param: TyperArgument | TyperOption, ctx: Any) -> str:
    descriptor = param.type_descriptor
    if descriptor.is_list:
        element = (get_args(descriptor.annotation) or (str,))[0]
        if element is Path or (isinstance(element, type) and issubclass(element, Path)):
            return "<path>"
        return f"<{getattr(element, '__name__', str(element)).lower()}>"
    if descriptor.is_ranged:
        return f"<{descriptor.ranged_type_name}>"
    return param.display_type(ctx)


class _Option(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None  # a flag takes no value
        if self.metavar is not None:
            return self.metavar
        return _value_type(self, ctx)


class _Argument(TyperArgument):
    @property
    def display_name_raw(self) -> str:
        return self.metavar if self.metavar is not None else self.name.upper()

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")

    def display_type_rich(self, ctx: Any) -> str | None:
        return _value_type(self, ctx)


def plain_help(param: Any) -> Any:
    """The parameter, rendered with plain metavars from now on (same object, same state)."""
    if type(param) is TyperOption:
        param.__class__ = _Option
    elif type(param) is TyperArgument:
        param.__class__ = _Argument
    return param


def _plain_command(command: Any, ctx: Any) -> Any:
    for param in getattr(command, "params", ()):
        plain_help(param)
    if command is not None and hasattr(command, "get_help_option"):
        plain_help(command.get_help_option(ctx))
    return command


class HelpGroup(TyperGroup):
    """`typer.Typer(cls=HelpGroup)`: every command's help with plain metavars."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            plain_help(param)

    def get_help_option(self, ctx: Any) -> Any:
        return plain_help(super().get_help_option(ctx))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return _plain_command(super().get_command(ctx, cmd_name), ctx)


__all__ = ["HelpGroup", "plain_help"]
