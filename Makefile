# IMR letter pipeline: letters -> items -> tags -> features -> models -> reports.
# ingest, tag, train and evaluate rerun only when the content they were made from changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
IMR := $(BIN)/imr
BENCHMARKS := $(BIN)/python -m benchmarks  # outside the package: benchmarks/
INSTALLED := $(VENV)/.installed

# LETTERS: one folder (or file) of letters. A LETTERS that is missing or holds no letters is an
# error: the made-up fixture letters are used only by `make smoke`, never as a fallback.
LETTERS ?= data/raw
FIXTURE_LETTERS := tests/fixtures/letters

INTERIM := data/interim
PROCESSED := data/processed
MODELS := models
REPORTS := reports
# Denial-reason labels (reasons.jsonl, ../shared/REASONS.md's codes): `make train` fits the reason
# classifier on them when the file exists; without it the reasons come from the rule cues alone.
REASONS_GOLD ?= ../shared/data/gold/reasons.jsonl
REASONS_OPTION = $(if $(wildcard $(REASONS_GOLD)),--reasons $(call q,$(REASONS_GOLD)))

# Every path goes to the shell single-quoted, so paths with spaces (or quotes) stay one word.
q = '$(subst ','\'',$(1))'
# Whether a stage is up to date is decided by content (the letters' and the pipeline's
# hashes the outputs record), never by modification times: pipeline/provenance/freshness.py.
FRESH := $(BIN)/python -m pipeline.provenance.freshness
# $(call unless_current,CHECK,COMMAND): COMMAND runs (and is shown) when CHECK says the stage is
# stale (exit 1); any other failure of CHECK (exit 2: no letters, no models) stops make.
unless_current = $(FRESH) $(1); status=$$?; \
  if [ $$status -eq 1 ]; then (set -x; $(2)); elif [ $$status -ne 0 ]; then exit $$status; fi
REQUIRE_MODELS = @$(FRESH) models --models $(call q,$(MODELS))

.PHONY: help install ingest tag train smoke evaluate evaluate-reasons predict notebooks bench bench-train score bench-tag test test-slow lint clean report score-scans score-renderings serve docs

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(INSTALLED)  ## Create .venv (if missing) and install the project with dev tools

# ingest -> tag -> train: each stage runs only when what its output recorded (the letters'
# content fingerprint, the pipeline's hash) differs from what it would be made from now.
ingest: $(INSTALLED)  ## Letters in LETTERS -> data/interim/{letters,items}.parquet, rejects.csv
	@$(call unless_current,ingest $(call q,$(LETTERS)) --interim $(call q,$(INTERIM)),\
	  $(IMR) ingest $(call q,$(LETTERS)) --out $(call q,$(INTERIM)) || [ $$? -eq 3 ])

tag: ingest  ## Tag items -> data/processed/{items,letters}.parquet
	@$(call unless_current,tag --interim $(call q,$(INTERIM)) --processed $(call q,$(PROCESSED)),\
	  $(IMR) tag --in $(call q,$(INTERIM)) --out $(call q,$(PROCESSED)))

train: tag  ## Ingest -> tag -> train both models on LETTERS (default data/raw; required)
	@$(call unless_current,train --processed $(call q,$(PROCESSED)) --models $(call q,$(MODELS)),\
	  $(IMR) train --in $(call q,$(PROCESSED)) --models $(call q,$(MODELS)) $(REASONS_OPTION))

smoke:  ## Train smoke-test models on the made-up fixture letters (no hold-out: a test of the chain)
	@$(MAKE) --no-print-directory train LETTERS=$(FIXTURE_LETTERS)

# Targets that *use* the models never train them: without models they stop and say how to get
# them. `make train` (or `make smoke`) is the one way to make or replace them.
# With REASONS_GOLD present, evaluate also runs the denial-reason evaluation (reasons.{md,json}).
evaluate: $(INSTALLED)  ## Held-out + grouped-CV report of the models as trained: reports/evaluation.{md,html}, metrics.json
	$(REQUIRE_MODELS)
	@$(call unless_current,evaluation $(EVALUATION_ARGS),\
	  $(IMR) evaluate --in $(call q,$(PROCESSED)) --models $(call q,$(MODELS)) --reports $(call q,$(REPORTS)) $(REASONS_OPTION) \
	  && $(FRESH) evaluated $(EVALUATION_ARGS))
EVALUATION_ARGS = --models $(call q,$(MODELS)) --processed $(call q,$(PROCESSED)) --reports $(call q,$(REPORTS)) $(REASONS_OPTION)

evaluate-reasons: tag  ## Nested grouped CV of the denial reasons on REASONS_GOLD: reports/reasons.{md,json}
	$(IMR) evaluate-reasons --in $(call q,$(PROCESSED)) --reasons $(call q,$(REASONS_GOLD)) --reports $(call q,$(REPORTS))

INPUT ?= $(LETTERS)
# The answer key `make score` compares with (beside the repository, never inside it).
GOLD ?= ../shared/data/gold/issues.jsonl
predict: $(INSTALLED)  ## Predict INPUT=file-or-folder [OUT=file.jsonl|.csv|.parquet|.xlsx] with the models as trained
	$(REQUIRE_MODELS)
	$(if $(OUT),@mkdir -p "$$(dirname $(call q,$(OUT)))")
	$(IMR) predict $(call q,$(INPUT)) $(if $(OUT),--out $(call q,$(OUT))) --models $(call q,$(MODELS))

report: $(INSTALLED)  ## Corpus report of INPUT=file-or-folder [OUT=folder, default reports/corpus] with the models as trained
	$(REQUIRE_MODELS)
	@mkdir -p "$$(dirname $(call q,$(or $(OUT),$(REPORTS)/corpus)))"
	$(IMR) report $(call q,$(INPUT)) --out $(call q,$(or $(OUT),$(REPORTS)/corpus)) --models $(call q,$(MODELS))

score-renderings: $(INSTALLED)  ## Issue 22: the shared letters re-rendered into 13 forms, scored per form (minutes)
	$(BIN)/python -m tools.renderings.harness $(if $(RENDER_DIR),--out $(call q,$(RENDER_DIR)))

serve: $(INSTALLED)  ## The web app on the models as trained: http://127.0.0.1:8000/ [HOST=127.0.0.1] [PORT=8000]
	$(REQUIRE_MODELS)
	$(IMR) serve --models $(call q,$(MODELS)) --host $(call q,$(or $(HOST),127.0.0.1)) --port $(or $(PORT),8000)

score-scans: $(INSTALLED)  ## OCR acceptance: scanned copies of the shared letters, scored (minutes)
	IMR_SCANNED_CORPUS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/ingest/test_scanned_corpus.py

notebooks: $(INSTALLED)  ## Execute notebooks/01_explore.ipynb headless on data/processed into reports/
	@test -f $(call q,$(PROCESSED))/items.parquet || { echo "make: no tagged data in $(PROCESSED): run \`make train LETTERS=/path/to/letters\` (or \`make smoke\`) first" >&2; exit 2; }
	IMR_PROCESSED_DIR="$$(realpath $(call q,$(PROCESSED)))" $(BIN)/python -m pipeline.reporting.notebook \
	  notebooks/01_explore.ipynb $(call q,$(REPORTS))/01_explore.executed.ipynb

bench: $(INSTALLED)  ## Letters/s: raw pypdfium2 vs the full predict path (>= 2,000 letters) -> reports/bench.json
	$(REQUIRE_MODELS)
	$(BENCHMARKS) throughput $(call q,$(LETTERS)) --letters 2000 --models $(call q,$(MODELS))

score: $(INSTALLED)  ## Per-field accuracy of extract+tag on LETTERS against the answer key in ../shared
	@$(FRESH) letters $(call q,$(LETTERS))
	@mkdir -p $(call q,$(REPORTS))
	$(IMR) extract $(call q,$(LETTERS)) --out $(call q,$(REPORTS))/extract.jsonl || [ $$? -eq 3 ]
	$(IMR) score $(call q,$(REPORTS))/extract.jsonl --gold $(call q,$(GOLD))

bench-train: tag  ## Training time at 1x, 4x, 16x the tagged items -> reports/bench_train.json
	$(BENCHMARKS) train --in $(call q,$(PROCESSED))

bench-tag: $(INSTALLED)  ## Words/s of the spaCy tagging pipeline on one core (LETTERS' texts)
	@$(FRESH) letters $(call q,$(LETTERS))
	$(BENCHMARKS) tag $(call q,$(LETTERS))

# `make test` is the fast set on two workers (each file's tests on one worker, so a module's
# fixtures are built once); the tests marked with SLOW_MARKERS (the real letters, make itself,
# Chromium) run in .ci/run after it. Test speed is make bench's business: no test times anything.
SLOW_MARKERS := slow or corpus or make or browser
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile

docs: $(INSTALLED)  ## Fill the generated figures in README.md and docs/ (code counts, reports/*.json)
	$(BIN)/python tools/docs_figures.py --reports $(call q,$(REPORTS))

test: $(INSTALLED)  ## ruff check, then the fast tests (the slow ones: make test-slow)
	$(BIN)/ruff check pipeline tests tools benchmarks
	$(PYTEST) -m "not ($(SLOW_MARKERS))"

test-slow: $(INSTALLED)  ## The tests marked slow, corpus, make or browser (.ci/run runs them)
	$(PYTEST) -m "$(SLOW_MARKERS)"

lint: $(INSTALLED)  ## ruff check, ruff format --check, mypy (config in pyproject.toml)
	$(BIN)/ruff check pipeline tests tools benchmarks
	$(BIN)/ruff format --check pipeline tests tools benchmarks
	$(BIN)/mypy

clean:  ## Remove generated data, models and reports (keeps .venv)
	rm -rf $(call q,$(INTERIM)) $(call q,$(PROCESSED)) $(call q,$(REPORTS))
	cd $(call q,$(MODELS)) 2>/dev/null && rm -rf ./*.joblib ./*.npz metadata.json manifest.json nlp || true
