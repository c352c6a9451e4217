# IMR letter pipeline: letters -> items -> tags -> features -> models -> reports.
# Every target names its inputs, so `make` reruns only what changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
IMR := $(BIN)/imr
INSTALLED := $(VENV)/.installed

LETTERS ?= data/raw
FIXTURE_LETTERS := tests/fixtures/letters
find_letters = $(shell find -L $(1) -type f \( -iname '*.pdf' -o -iname '*.txt' \) 2>/dev/null | sort)
LETTER_FILES := $(call find_letters,$(LETTERS))
ifeq ($(strip $(LETTER_FILES)),)
  $(info make: no letters in $(LETTERS); using the made-up fixture letters in $(FIXTURE_LETTERS))
  override LETTERS := $(FIXTURE_LETTERS)
  LETTER_FILES := $(call find_letters,$(LETTERS))
endif

INTERIM := data/interim
PROCESSED := data/processed
MODELS := models
REPORTS := reports
TAGGING_SOURCES := $(wildcard pipeline/tagging/*.py pipeline/tagging/*.json pipeline/tagging/*.jsonl)
INGEST_SOURCES := $(wildcard pipeline/ingest/*.py pipeline/ingest/*.json)
MODELING_SOURCES := $(wildcard pipeline/features/*.py pipeline/features/*.json pipeline/modeling/*.py)
REPORTING_SOURCES := $(wildcard pipeline/reporting/*.py)

.PHONY: help install ingest tag train evaluate predict notebooks bench bench-train score bench-tag test lint clean models-missing report score-scans FORCE

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(INSTALLED)  ## Create .venv (if missing) and install the project with dev tools

# Which letters the interim data came from: rewritten only when LETTERS or their count changes.
$(INTERIM)/.letters: FORCE
	@mkdir -p $(@D)
	@echo "$(LETTERS) $(words $(LETTER_FILES))" | cmp -s - $@ || echo "$(LETTERS) $(words $(LETTER_FILES))" > $@

$(INTERIM)/items.parquet: $(INSTALLED) $(INTERIM)/.letters $(LETTER_FILES) $(INGEST_SOURCES)
	$(IMR) ingest $(LETTERS) --out $(INTERIM) || [ $$? -eq 3 ]

ingest: $(INTERIM)/items.parquet  ## Letters in LETTERS -> data/interim/{letters,items}.parquet, rejects.csv

$(PROCESSED)/items.parquet: $(INTERIM)/items.parquet $(TAGGING_SOURCES)
	$(IMR) tag --in $(INTERIM) --out $(PROCESSED)

tag: $(PROCESSED)/items.parquet  ## Tag items -> data/processed/{items,letters}.parquet

$(MODELS)/metadata.json: $(PROCESSED)/items.parquet $(MODELING_SOURCES)
	$(IMR) train --in $(PROCESSED) --models $(MODELS)

train: $(MODELS)/metadata.json  ## Ingest -> tag -> train both models on LETTERS (default data/raw, else the fixtures)

# Targets that *use* the models never retrain them: with models present they are used as they
# are, whatever LETTERS says; only when models/ holds none are they trained first, and make
# says so. `make train` is the one way to replace them.
ifeq ($(wildcard $(MODELS)/metadata.json),)
  USE_MODELS := models-missing
else
  USE_MODELS :=
endif

models-missing:
	@echo "make: no trained models in $(MODELS)/: training them first on $(LETTERS)" >&2
	@$(MAKE) --no-print-directory train LETTERS=$(LETTERS)

# Re-evaluate when the models are newer than the report (without making them a prerequisite,
# which would retrain them whenever the tagged data changed).
NEWER_MODELS := $(shell test -f $(MODELS)/metadata.json && test $(MODELS)/metadata.json -nt $(REPORTS)/metrics.json && echo FORCE)
$(REPORTS)/metrics.json: $(USE_MODELS) $(NEWER_MODELS) $(REPORTING_SOURCES)
	$(IMR) evaluate --in $(PROCESSED) --models $(MODELS) --reports $(REPORTS)

evaluate: $(REPORTS)/metrics.json  ## Held-out + grouped-CV report of the models as trained: reports/evaluation.{md,html}, metrics.json

INPUT ?= $(LETTERS)
predict: $(USE_MODELS)  ## Predict INPUT=file-or-folder [OUT=file.jsonl|.csv] with the models as trained
	$(IMR) predict $(INPUT) $(if $(OUT),--out $(OUT)) --models $(MODELS)

report: $(USE_MODELS)  ## Corpus report of INPUT=file-or-folder [OUT=folder, default reports/corpus] with the models as trained
	$(IMR) report $(INPUT) --out $(or $(OUT),$(REPORTS)/corpus) --models $(MODELS)

score-scans: $(INSTALLED)  ## OCR acceptance: scanned copies of the shared letters, scored (minutes)
	IMR_SCANNED_CORPUS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/ingest/test_scanned_corpus.py

$(REPORTS)/01_explore.executed.ipynb: notebooks/01_explore.ipynb $(PROCESSED)/items.parquet
	IMR_PROCESSED_DIR=$(abspath $(PROCESSED)) $(BIN)/python -m pipeline.reporting.notebook $< $@

notebooks: $(REPORTS)/01_explore.executed.ipynb  ## Execute notebooks/01_explore.ipynb headless into reports/

bench: $(USE_MODELS)  ## Letters/s: raw pypdfium2 vs the full predict path (>= 2,000 letters) -> reports/bench.json
	$(IMR) bench $(LETTERS) --letters 2000 --models $(MODELS)

$(REPORTS)/extract.jsonl: $(INSTALLED) $(INTERIM)/.letters $(LETTER_FILES) $(INGEST_SOURCES) $(TAGGING_SOURCES)
	$(IMR) extract $(LETTERS) --out $@ || [ $$? -eq 3 ]

score: $(REPORTS)/extract.jsonl  ## Per-field accuracy of extract+tag against the answer key in ../shared
	$(IMR) score $<

bench-train: $(PROCESSED)/items.parquet  ## Training time at 1x, 4x, 16x the tagged items -> reports/bench_train.json
	$(IMR) bench-train --in $(PROCESSED)

bench-tag: $(INSTALLED)  ## Words/s of the spaCy tagging pipeline on one core (LETTERS' texts)
	$(IMR) bench-tag $(LETTERS)

test: $(INSTALLED)  ## Lint and run the whole test suite
	$(BIN)/ruff check pipeline tests
	$(BIN)/python -m pytest -q

lint: $(INSTALLED)  ## ruff check
	$(BIN)/ruff check pipeline tests

clean:  ## Remove generated data, models and reports (keeps .venv)
	rm -rf $(INTERIM) $(PROCESSED) $(REPORTS) $(MODELS)/*.joblib $(MODELS)/*.npz \
	  $(MODELS)/metadata.json $(MODELS)/manifest.json $(MODELS)/nlp

FORCE:
