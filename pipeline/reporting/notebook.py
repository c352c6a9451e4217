"""Execute a notebook headless with nbclient (no Jupyter server, no display).

`python -m pipeline.reporting.notebook [notebook] [output]` runs notebooks/01_explore.ipynb
from the repository root and writes the executed copy to reports/ (outputs never go back into
the committed notebook).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.config import REPORTS_DIR, ROOT
from pipeline.core.io import atomic_open

DEFAULT_NOTEBOOK = ROOT / "notebooks" / "01_explore.ipynb"


def execute(
    notebook: Path = DEFAULT_NOTEBOOK, output: Path | None = None, timeout: int = 300
) -> Path:
    """Run every cell in a fresh python3 kernel (cwd = repo root); write the executed copy."""
    import nbformat
    from nbclient import NotebookClient

    output = output or REPORTS_DIR / f"{Path(notebook).stem}.executed.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    with atomic_open(Path(output)) as f:
        nbformat.write(nb, f)
    return Path(output)


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:3]]
    print(execute(*args))
