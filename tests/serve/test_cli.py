"""`imr serve`: localhost by default, models refused (exit 5) and a busy port (exit 2) before
anything is served."""

from __future__ import annotations

import socket
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app


def test_binds_to_localhost_by_default(serve_models: Path, monkeypatch) -> None:
    import uvicorn

    served: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(options, app=app))
    result = CliRunner().invoke(app, ["serve", "--models", str(serve_models), "--port", "0"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 0
    assert "smoke test" in result.output  # the models' warning, as predict gives it


def test_refuses_bad_models(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--models", str(tmp_path / "none"), "--port", "0"])
    assert result.exit_code == 5 and "refusing to load the models" in result.output


def test_a_busy_port_is_a_usage_error(serve_models: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--models", str(serve_models),
                                          "--port", str(port)])  # fmt: skip
    assert result.exit_code == 2 and f"cannot listen on 127.0.0.1:{port}" in result.output
