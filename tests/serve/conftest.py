"""The web app on smoke-test models trained on the made-up fixture letters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def serve_models(fixture_models_root: Path) -> Path:
    return fixture_models_root / "models"


@pytest.fixture
def upload_root(tmp_path: Path) -> Path:
    """Where the app makes its per-request upload folders (empty after every response)."""
    root = tmp_path / "uploads"
    root.mkdir()
    return root


@pytest.fixture
def make_client(serve_models: Path, upload_root: Path) -> Callable[..., object]:
    from fastapi.testclient import TestClient

    from pipeline.serve.app import create_app
    from pipeline.serve.uploads import UploadLimits

    def make(**limits: float) -> TestClient:
        app = create_app(
            serve_models, UploadLimits(**limits), upload_root=upload_root,  # type: ignore[arg-type]
            hosts=["testserver"],  # the TestClient's host name
        )  # fmt: skip
        return TestClient(app)

    return make
