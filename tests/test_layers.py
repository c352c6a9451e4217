"""No import runs upward: a package imports only from its own layer or the layers below it,
in this order (issue 21):

    config, core, rules, record < ingest < provenance < tagging < features < modeling < runner
        < reporting < cli, serve, evaluation

Every import statement counts, also those inside functions (the code imports heavy libraries
there) and under TYPE_CHECKING. Every package and module of pipeline/ has a layer (a test
says so), and pipeline/ never imports the benchmarks or the tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pipeline

# provenance sits above ingest: it finds letters with ingest's discovery (`find_letters`); the
# runner, not ingest, writes ingest's provenance record.
LAYERS = {"config": 0, "core": 0, "rules": 0, "record": 0, "ingest": 1, "provenance": 2,
          "tagging": 3, "features": 4, "modeling": 5, "runner": 6, "reporting": 7, "cli": 8,
          "serve": 8, "evaluation": 8}  # fmt: skip
# Top-level packages beside pipeline/ that the package must never import.
NEVER_IMPORTED = ("benchmarks", "tests", "tools")
ROOT = Path(pipeline.__file__).parent


def layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "pipeline" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1])


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, prefix: str = "pipeline.") -> list[tuple[int, str]]:
    """(line, module) of every module `path` imports whose name starts with `prefix` (every
    pipeline module by default; "" for all)."""
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
    return [(line, name) for line, name in found if name.startswith(prefix)]


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


def unplaced_modules() -> list[str]:
    """Packages and modules directly under pipeline/ that have no layer."""
    names = {
        path.name.removesuffix(".py")
        for path in ROOT.iterdir()
        if (path / "__init__.py").exists() or path.suffix == ".py"
    }
    return sorted(names - set(LAYERS) - {"__init__", "__main__"})


def test_every_package_has_a_layer():
    assert unplaced_modules() == []


def foreign_imports() -> list[str]:
    """Imports of the benchmarks, the tests or the tools from anywhere in pipeline/."""
    wrong = []
    for path in sorted(ROOT.rglob("*.py")):
        for line, name in imported(path, prefix=""):
            if name.split(".")[0] in NEVER_IMPORTED:
                wrong.append(f"{path.relative_to(ROOT.parent)}:{line} imports {name}")
    return sorted(set(wrong))


def test_pipeline_never_imports_benchmarks_or_tests():
    assert foreign_imports() == []


def test_the_checks_see_a_new_package_and_a_benchmark_import(tmp_path, monkeypatch):
    """Both checks can fail: an unplaced package and an import of the benchmarks are found."""
    package = tmp_path / "pipeline"
    (package / "eval2").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "eval2" / "__init__.py").write_text("")
    (package / "cli.py").write_text(
        "def f():\n    import benchmarks.throughput\n    from tests import paths\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", package)
    assert unplaced_modules() == ["eval2"]
    assert foreign_imports() == [
        "pipeline/cli.py:2 imports benchmarks.throughput",
        "pipeline/cli.py:3 imports tests",
        "pipeline/cli.py:3 imports tests.paths",
    ]


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
