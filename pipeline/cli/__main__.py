"""`python -m pipeline.cli ...` is `imr ...`."""

from pipeline.cli import main

main()
