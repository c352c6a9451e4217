"""No import runs upward: a package imports only from its own layer or the layers below it,
in this order (issue 21):

    core, rules, record < ingest < tagging < features < modeling < runner < reporting < cli, serve

Every import statement counts, also those inside functions (the code imports heavy libraries
there) and under TYPE_CHECKING. Modules outside these layers (the loose ones the layout has
not placed yet) are not checked, nor counted as a layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pipeline

LAYERS = {"core": 0, "rules": 0, "record": 0, "ingest": 1, "tagging": 2, "features": 3,
          "modeling": 4, "runner": 5, "reporting": 6, "cli": 7, "serve": 7}  # fmt: skip
ROOT = Path(pipeline.__file__).parent


def layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "pipeline" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1])


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every pipeline module `path` imports."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *filter(None, [base])])
            # `from pipeline import engine` imports the module pipeline.engine
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
            found.append((node.lineno, base))
    return [(line, name) for line, name in found if name.startswith("pipeline.")]


def upward_imports() -> list[str]:
    wrong = []
    for path in sorted(ROOT.rglob("*.py")):
        own = layer(module_name(path))
        if own is None:
            continue
        for line, name in imported(path):
            theirs = layer(name)
            if theirs is not None and theirs > own:
                wrong.append(f"{path.relative_to(ROOT.parent)}:{line} imports {name}")
    return sorted(set(wrong))


def test_no_import_runs_upward():
    assert upward_imports() == []


def test_the_walk_sees_imports_inside_functions(tmp_path, monkeypatch):
    """The check can fail: an import of the runner inside a function of ingest is found."""
    package = tmp_path / "pipeline"
    (package / "ingest").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "ingest" / "__init__.py").write_text("")
    (package / "ingest" / "x.py").write_text(
        "def f():\n    from pipeline.runner import engine\n    from ..reporting import run\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", package)
    assert upward_imports() == [
        "pipeline/ingest/x.py:2 imports pipeline.runner",
        "pipeline/ingest/x.py:2 imports pipeline.runner.engine",
        "pipeline/ingest/x.py:3 imports pipeline.reporting",
        "pipeline/ingest/x.py:3 imports pipeline.reporting.run",
    ]


def test_writers_and_the_span_recorder_do_not_import_the_engine():
    """The sinks and the accounting take any chunk result; the report's span recorder builds
    on the loaded tagging pipeline (`modeling.loaded`), not on the engine."""
    for name in ("runner/sinks.py", "runner/accounting.py", "reporting/corpus/spans.py"):
        modules = {module for _, module in imported(ROOT / name)}
        assert not {m for m in modules if m.startswith("pipeline.runner.engine")}, name
