"""The Makefile never swaps the models behind the user's back: a LETTERS that names no letters
stops it, the fixture letters are used only by `make smoke`, targets that use the models never
train them, paths may hold spaces, and whether a stage is up to date is decided by content."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline import config
from pipeline.provenance.freshness import letters_fingerprint
from tests import paths

pytestmark = [
    pytest.mark.make,
    pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed"),
]

SMOKE_WARNING = "these models are a smoke test"


def _make(*args: str, ok: bool = True, timeout: int = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=config.ROOT, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    if ok:
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def _output(done: subprocess.CompletedProcess) -> str:
    return done.stdout + done.stderr


def _folders(root: Path) -> dict[str, Path]:
    return {name: root / name for name in ("interim", "processed", "models", "reports")}


def _where(folders: dict[str, Path]) -> list[str]:
    return [f"{name.upper()}={path}" for name, path in folders.items()]


def _snapshot(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


# --- A LETTERS that names no letters is an error; nothing is replaced ---------------------------


@pytest.fixture
def existing_outputs(tmp_path):
    """Folders holding earlier outputs (stand-ins) that a failed train must leave as they are."""
    folders = _folders(tmp_path / "out")
    for name, path in folders.items():
        path.mkdir(parents=True)
        (path / ("metadata.json" if name == "models" else "items.parquet")).write_text(name)
    return folders


@pytest.mark.parametrize("letters", ["no-such-folder", "empty folder"])
def test_train_on_letters_that_are_not_there_fails_and_replaces_nothing(
    letters, existing_outputs, tmp_path
):
    given = tmp_path / letters
    if letters == "empty folder":
        given.mkdir()
        (given / "notes.md").write_text("not a letter")
    before = _snapshot(tmp_path / "out")
    done = _make("train", f"LETTERS={given}", *_where(existing_outputs), ok=False)
    messages = [line for line in done.stderr.splitlines() if line.startswith("make: LETTERS=")]
    assert done.returncode != 0 and len(messages) == 1, _output(done)
    assert "make smoke" in messages[0] and "LETTERS=/path/to/letters" in messages[0]
    assert "imr " not in _output(done)  # no stage ran, the fixtures were not used
    assert _snapshot(tmp_path / "out") == before


# --- Targets that use the models never train them -----------------------------------------------


@pytest.mark.parametrize("target", ["predict", "evaluate", "report", "bench"])
def test_targets_that_use_models_stop_without_them_and_say_how_to_get_them(target, tmp_path):
    models = tmp_path / "models"
    done = _make(target, f"MODELS={models}", f"INPUT={paths.FIXTURE_LETTERS_DIR}",
                 f"LETTERS={paths.FIXTURE_LETTERS_DIR}", *_where(_folders(tmp_path))[:2],
                 f"REPORTS={tmp_path / 'reports'}", ok=False)  # fmt: skip
    assert done.returncode == 2, _output(done)
    assert "make train LETTERS=" in done.stderr and "make smoke" in done.stderr
    assert "imr " not in _output(done) and not models.exists()


@pytest.mark.parametrize("target", ["predict", "evaluate", "report", "bench"])
def test_targets_that_use_models_never_retrain_them(target, tmp_path):
    """With models present (stand-ins here), the stage commands run are the target's own."""
    folders = _folders(tmp_path)
    folders["models"].mkdir()
    (folders["models"] / "metadata.json").write_text("{}")
    done = _make(target, "IMR=echo imr", "BENCHMARKS=echo imr bench", "INPUT=some-letter.pdf",
                 f"LETTERS={paths.FIXTURE_LETTERS_DIR}", *_where(folders))  # fmt: skip
    ran = [line for line in done.stdout.splitlines() if line.startswith("imr ")]
    assert [line.split()[1] for line in ran] == [target], _output(done)
    assert f"--models {folders['models']}" in ran[0]


# --- make smoke: the fixture letters, and everything the smoke models make says so -------------


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    """`make smoke` into folders whose paths hold a space."""
    folders = _folders(tmp_path_factory.mktemp("smoke") / "with space")
    done = _make("smoke", *_where(folders))
    assert "imr train" in _output(done)
    return folders


def test_make_smoke_trains_smoke_test_models_on_the_fixture_letters(smoke):
    metadata = json.loads((smoke["models"] / "metadata.json").read_text())
    assert metadata["smoke_test"] is True
    assert metadata["training_data"]["trained_on"]["inputs"] == [
        str(paths.FIXTURE_LETTERS_DIR.resolve())
    ]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_predictions_of_smoke_models_say_so_on_every_row_and_on_the_console(smoke, suffix):
    out = smoke["reports"] / f"pre dictions{suffix}"
    done = _make("predict", f"INPUT={paths.FIXTURE_LETTERS_DIR}", f"OUT={out}", *_where(smoke))
    assert SMOKE_WARNING in done.stderr
    if suffix == ".csv":
        with open(out, newline="") as handle:
            flags = [row["smoke_test_models"] for row in csv.DictReader(handle)]
    else:
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        flags = [str(row["prediction"]["smoke_test_models"]) for row in rows]
    assert flags and set(flags) == {"True"}


def test_the_corpus_report_of_smoke_models_carries_a_banner(smoke):
    out = smoke["reports"] / "cor pus"
    done = _make("report", f"INPUT={paths.FIXTURE_LETTERS_DIR}", f"OUT={out}", *_where(smoke))
    assert SMOKE_WARNING in done.stderr
    page = (out / "report.html").read_text()
    assert page.index(SMOKE_WARNING) < page.index("<h1>")
    with open(out / "items.csv", newline="") as handle:
        assert {row["smoke_test_models"] for row in csv.DictReader(handle)} == {"True"}


def test_the_evaluation_of_smoke_models_says_nothing_was_measured(smoke):
    done = _make("evaluate", *_where(smoke))
    assert SMOKE_WARNING in done.stderr and "imr evaluate" in _output(done)
    for name in ("evaluation.md", "evaluation.html"):
        assert SMOKE_WARNING in (smoke["reports"] / name).read_text()
    assert json.loads((smoke["reports"] / "metrics.json").read_text())["smoke_test"] is True
    again = _make("evaluate", *_where(smoke))  # same models, same data: not rerun
    assert "imr evaluate" not in _output(again) and "already scores" in again.stderr


def test_the_notebook_runs_on_the_smoke_data(smoke):
    """A clone without ../shared runs every stage: `make smoke evaluate notebooks`."""
    _make("notebooks", *_where(smoke))
    assert (smoke["reports"] / "01_explore.executed.ipynb").is_file()


def test_notebooks_without_tagged_data_say_how_to_get_it(tmp_path):
    done = _make("notebooks", *_where(_folders(tmp_path)), ok=False)
    assert done.returncode == 2 and "make smoke" in done.stderr, _output(done)


# --- LETTERS with a space; up to date by content, never by modification times ------------------


@pytest.fixture(scope="module")
def spaced(tmp_path_factory):
    """Copies of the fixture letters in a folder whose name holds a space, trained on."""
    root = tmp_path_factory.mktemp("spaced")
    letters = root / "my letters"
    shutil.copytree(paths.FIXTURE_LETTERS_DIR, letters)
    args = [f"LETTERS={letters}", *_where(_folders(root / "out put"))]
    _make("train", *args)
    return letters, root / "out put" / "models" / "metadata.json", args


def test_a_letters_path_with_a_space_is_one_path(spaced):
    letters, metadata, _ = spaced
    trained_on = json.loads(metadata.read_text())["training_data"]["trained_on"]
    assert trained_on["inputs"] == [str(letters.resolve())]
    assert trained_on["letters_sha256"] == letters_fingerprint(sorted(letters.iterdir()))


def test_touching_the_letters_does_not_retrain(spaced):
    letters, metadata, args = spaced
    _make("train", *args)  # whatever ran before, the models are current now
    before = (metadata.read_bytes(), metadata.stat().st_mtime_ns)
    for letter in letters.iterdir():
        os.utime(letter, (letter.stat().st_atime + 60, letter.stat().st_mtime + 60))
    done = _make("train", *args)
    assert "imr " not in _output(done) and "up to date" in done.stderr, _output(done)
    assert (metadata.read_bytes(), metadata.stat().st_mtime_ns) == before


def test_changing_a_letters_content_retrains(spaced):
    letters, metadata, args = spaced
    before = json.loads(metadata.read_text())["training_data"]["trained_on"]["letters_sha256"]
    text_letter = sorted(letters.glob("*.txt"))[0]
    stat = text_letter.stat()
    text_letter.write_text(text_letter.read_text() + "\n")
    os.utime(text_letter, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: content decides
    done = _make("train", *args)
    assert "imr ingest" in _output(done) and "imr train" in _output(done)
    after = json.loads(metadata.read_text())["training_data"]["trained_on"]["letters_sha256"]
    assert after != before and after == letters_fingerprint(sorted(letters.iterdir()))


# --- The newcomer's path on real letters --------------------------------------------------------


@pytest.mark.corpus
def test_real_train_then_bare_predict_and_evaluate_keep_the_models(shared_letters_dir, tmp_path):
    """Train on real letters, then predict and evaluate without LETTERS, then train again on the
    same letters. The models stay byte for byte the ones trained, and say where they came from.
    (40 of the letters: enough for a hold-out and calibration, a third of the time of all 130.)"""
    letters = tmp_path / "letters"
    letters.mkdir()
    for pdf in sorted(shared_letters_dir.glob("*.pdf"))[:40]:
        (letters / pdf.name).symlink_to(pdf)
    where = _where(_folders(tmp_path))
    _make("train", f"LETTERS={letters}", *where)
    metadata = tmp_path / "models" / "metadata.json"
    before = (metadata.read_bytes(), metadata.stat().st_mtime_ns)
    trained_on = json.loads(before[0])["training_data"]["trained_on"]
    assert trained_on["inputs"] == [str(letters.resolve())]
    assert trained_on["letters_tagged"] == trained_on["letters"] == 40
    assert json.loads(before[0])["smoke_test"] is False

    letter = sorted(shared_letters_dir.glob("*.pdf"))[-1]
    predicted = _output(_make("predict", f"INPUT={letter}", *where))
    assert "imr train" not in predicted and SMOKE_WARNING not in predicted, predicted
    evaluated = _output(_make("evaluate", *where))
    assert "imr train" not in evaluated and "imr evaluate" in evaluated, evaluated
    assert (tmp_path / "reports" / "metrics.json").is_file()
    again = _output(_make("train", f"LETTERS={letters}", *where))
    assert "imr " not in again and "up to date" in again, again
    assert (metadata.read_bytes(), metadata.stat().st_mtime_ns) == before
