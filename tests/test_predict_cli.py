"""`imr predict` on the made-up fixture letters (models trained by the `fixture_models_root`
fixture): a readable result, CSV output, and a refusal when a model file was tampered with."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.cli.describe import describe
from pipeline.runner.accounting import EXIT_BAD_MODELS
from tests import paths
from tests.hang import HANG_SECONDS

runner = CliRunner()


def test_training_on_three_letters_is_marked_a_smoke_test(fixture_models_root):
    metadata = json.loads((fixture_models_root / "models" / "metadata.json").read_text())
    assert metadata["smoke_test"] is True and "smoke test" in metadata["warning"]


def test_predict_writes_every_item_with_a_prediction(fixture_models_root):
    out = fixture_models_root / "predictions.jsonl"
    result = runner.invoke(
        app, ["predict", str(paths.FIXTURE_LETTERS_DIR), "--out", str(out),
              "--models", str(fixture_models_root / "models"), "-j", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 9
    assert "smoke test" in result.output  # the fixture models announce themselves
    for record in records:
        prediction = record["prediction"]
        assert prediction["smoke_test_models"] is True
        assert prediction["decision_read"] in {"Upheld", "Overturned"}
        assert 0.0 <= prediction["p_overturned_reasoning"] <= 1.0
        assert prediction["agrees_with_stated"] in {True, False}


def test_predict_csv_output(fixture_models_root):
    out = fixture_models_root / "predictions.csv"
    result = runner.invoke(
        app, ["predict", str(paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"), "--out", str(out),
              "--models", str(fixture_models_root / "models")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    header, *rows = out.read_text().splitlines()
    assert "decision_read" in header and "p_overturned_reasoning" in header and len(rows) == 2


def test_tampered_model_file_is_refused_with_a_clear_message(fixture_models_root, tmp_path):
    import shutil

    models = tmp_path / "models"
    shutil.copytree(fixture_models_root / "models", models)
    for name in ("reasoning_model.joblib", "reasoning_model.npz"):
        shutil.copytree(fixture_models_root / "models", models, dirs_exist_ok=True)
        target = models / name
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0x01
        target.write_bytes(bytes(data))
        result = runner.invoke(
            app, ["predict", str(paths.FIXTURE_LETTERS_DIR), "--models", str(models)]
        )
        assert result.exit_code == EXIT_BAD_MODELS
        assert "refusing to load the models" in result.output
        assert name in result.output


TRAINING_STACK = ("sklearn", "scipy", "pandas", "pyarrow", "joblib", "matplotlib", "dask")


def test_predicting_one_letter_never_imports_the_training_stack(fixture_models_root):
    """What makes a one-letter run start fast: the compiled scorers need numpy, not these."""
    letter = paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"
    code = (
        "import sys\n"
        "from pipeline.cli import app\n"
        f"app(['predict', {str(letter)!r}, '--json', '--models', "
        f"{str(fixture_models_root / 'models')!r}], standalone_mode=False)\n"
        f"print(sorted(m for m in {TRAINING_STACK!r} if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2  # both items predicted
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_one_letter_predict_through_the_imr_command(fixture_models_root):
    """Issue 4: one letter through the installed `imr` command, start-up and model load
    included. How long it takes is `make bench`'s figure (one_letter_predict_seconds in
    reports/bench.json); here a run past HANG_SECONDS has hung."""
    imr = Path(sys.executable).with_name("imr")
    command = [str(imr), "predict", str(paths.FIXTURE_LETTERS_DIR / "FAKE-0000003.txt"),
               "--json", "--models", str(fixture_models_root / "models")]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_SECONDS)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_readable_description_of_an_item():
    record = {
        "case_number": "CM00-0000000", "issue_index": 0, "disputed_item": "PT 2x6",
        "decision": "Upheld", "category": "physical_medicine", "quantity": None,
        "frequency": {"per_week": [2, 2], "weeks": [6, 6], "sessions": [12, 12]},
        "guideline_limits": [{"per_week": None, "weeks": [8, 8], "sessions": [9, 10]}],
        "claims_admin_guideline": {"text": "x", "cited": False, "mtus": [], "non_mtus": []},
        "maximus_guideline": {"text": "y", "cited": True, "outside_mtus": False, "non_mtus": [],
                              "mtus": [{"chapter": "Chronic Pain Treatment", "year": None,
                                        "sections": None, "pages": [98, 99]}]},
        "prediction": {"decision_read": "Overturned", "p_overturned_reasoning": 0.61,
                       "agrees_with_stated": False, "evidence": []},
    }  # fmt: skip
    text = describe(record)
    assert "CM00-0000000 item 1: PT 2x6" in text
    assert "decision reader: Overturned (DISAGREES)" in text
    assert "2/week for 6 weeks = 12 sessions" in text
    assert "9-10 sessions" in text and "for 8 weeks" in text
    assert "no medical evidence cited" in text
    assert "MTUS Chronic Pain Treatment p. 98, 99" in text


def test_item_numbers_people_read_start_at_1():
    """The letter's first item (`issue_index` 0) is item 1 in the readable output."""
    record = {"case_number": "CM00-0000000", "issue_index": 0, "disputed_item": "Cane"}
    assert describe(record).splitlines()[0] == "CM00-0000000 item 1: Cane"
    assert describe({**record, "issue_index": 2}).startswith("CM00-0000000 item 3: Cane")


def test_the_re_read_list_numbers_items_from_1(capsys):
    from pipeline.cli import _print_flags
    from pipeline.modeling.predict import flag_disagreements

    item = {"case_number": "CM00-0000000", "issue_index": 0, "disputed_item": "Cane",
            "decision": "Upheld"}  # fmt: skip
    prediction = {"decision_read": "Overturned", "p_overturned_reasoning": 0.9,
                  "agrees_with_stated": False, "reasoning_call": "Overturned",
                  "reasoning_agrees_with_stated": False}  # fmt: skip
    _print_flags(flag_disagreements([item], [prediction]))
    text = capsys.readouterr().err
    assert "CM00-0000000 #1 'Cane'" in text and "#0" not in text


def test_the_readable_output_shows_review_flags_in_plain_words():
    record = {
        "case_number": "CM00-0000000", "issue_index": 0, "disputed_item": "Cane",
        "review": ["category_weak_mention", "number_unexplained", "a_new_code"],
        "review_details": {"number_unexplained": "'3' in the request"},
    }  # fmt: skip
    text = describe(record)
    assert "category chosen from a weak mention: check the requested service" in text
    assert ("the request holds a number nothing accounts for: check the frequency and "
            "quantity ('3' in the request)") in text  # fmt: skip
    assert "a new code" in text
    assert "category_weak_mention" not in text
    assert text.count("category chosen from a weak mention") == 1  # listed once
    assert "check" not in describe({**record, "review": []})
