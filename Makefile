# quotebot: `make demo` sets up and runs the main job on the embedded SQLite archive, then
# checks one pasted quote of each verdict against it (demo/queries.txt);
# `make test` runs the checks CI runs. Both create the virtual environment when it is missing.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= sqlite:///var/demo.sqlite3

.PHONY: demo test lint bench-extraction bench-attribution train-attribution bench-verify bench-pastes bench-hostile bench-rulings clean

$(BIN)/quotebot: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

SAMPLES := $(filter-out samples/README.md,$(wildcard samples/*))

demo: $(BIN)/quotebot
	@mkdir -p var
	$(BIN)/quotebot --db $(DEMO_DB) db upgrade
	$(BIN)/quotebot --db $(DEMO_DB) ingest $(SAMPLES)
	$(BIN)/quotebot --db $(DEMO_DB) extract samples/meridian-wire-harbour-strike.txt
	$(BIN)/quotebot --db $(DEMO_DB) stats
	$(BIN)/quotebot --db $(DEMO_DB) rule - --ruling fabricated --by "the demo desk" --note "No record of it in any port authority paper or interview." --link https://factcheck.example/robot-cranes < demo/ruling.txt
	$(BIN)/quotebot --db $(DEMO_DB) check --each demo/queries.txt

test: $(BIN)/quotebot
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n auto

DATA ?= ../shared/data

# Extraction on the training and the validation split, side by side (validation: scores only).
bench-extraction: $(BIN)/quotebot
	$(BIN)/python bench/extraction.py $(DATA)/polnear-train.jsonl $(DATA)/polnear-dev.jsonl

# Real quotations pasted with the right and a wrong speaker through `quotebot check`.
bench-attribution: $(BIN)/quotebot
	$(BIN)/python bench/attribution.py $(DATA)/polnear-dev.jsonl

# Retrain the attribution model's weights (store/extract/data/attribution_weights.json).
train-attribution: $(BIN)/quotebot
	$(BIN)/python bench/train_attribution.py $(DATA)/polnear-train.jsonl --validation $(DATA)/polnear-dev.jsonl

# The verifier against a naive rapidfuzz baseline at 10,000 and 100,000 quotations (about ten
# minutes); bench/verify.py --sizes 1M adds the size the targets are set for.
bench-verify: $(BIN)/quotebot
	$(BIN)/python bench/verify.py

# Every archived quotation of an invented archive (and samples/) pasted in ten shapes people
# paste in (Slack links and markup, honorifics, dropped apostrophes, a splice, ...); about a minute.
bench-pastes: $(BIN)/quotebot
	$(BIN)/python bench/pastes.py

# Time and peak memory on hostile inputs (a gzip of 142,857 quotations, a gigabyte of blank
# lines, a 17 MB page, ...), each against its bound; about two minutes.
bench-hostile: $(BIN)/quotebot
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/extraction_blowups.py

# What the desk's rulings cost every check: the ruling lookup on and off in the same run, 1,000
# rulings over an invented archive of 100,000 quotations (about five minutes).
bench-rulings: $(BIN)/quotebot
	$(BIN)/python bench/rulings.py

clean:
	rm -rf var build *.egg-info .pytest_cache .ruff_cache
