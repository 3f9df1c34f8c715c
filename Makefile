# Two commands on a fresh machine: `make reports` and `make test`.
# Every target bootstraps .venv from python3 first; the install runs again only when
# pyproject.toml changes (the stamp file records the last install).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
CODE ?= 0
FORCE ?= 0
JOBS ?=
PYTEST_ARGS ?=

REPORT_FLAGS := $(if $(filter 1 yes true,$(CODE)),--code,) $(if $(filter 1 yes true,$(FORCE)),--force,) \
	$(if $(JOBS),--jobs $(JOBS),)

.DEFAULT_GOAL := help
.PHONY: help install data reports test eval lint lab bench clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,dask]'
	@# JupyterLab saves outputs into the notebooks; git strips them before every commit.
	@# --keep-id: the cells' ids are stable names (20-03), not ones to renumber.
	@if git rev-parse --git-dir >/dev/null 2>&1; then $(BIN)/nbstripout --install && \
		git config filter.nbstripout.clean "'$(CURDIR)/$(PY)' -m nbstripout --keep-id"; fi
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the package (only when pyproject.toml changed)

data: $(STAMP) ## Build data/processed/*.parquet from data/raw/
	$(PY) -m helpers build

reports: $(STAMP) ## Build processed data if stale, execute the notebooks, write reports/*.html (CODE=1 keeps code, FORCE=1 rebuilds all)
	$(PY) -m helpers reports $(REPORT_FLAGS)

test: $(STAMP) ## Run the test suite (notebooks and headless-browser tests included)
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

lint: $(STAMP) ## ruff: lint, import order and formatting (line length 100)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

eval: $(STAMP) ## Recall and precision of cleaning and extraction on the pattern corpus (tests/corpus/) and of coding on the validation set
	$(PY) tests/corpus/evaluate.py $(EVAL_ARGS)

# Jupyter refuses to run as root (containers, CI boxes) unless told it is on purpose.
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root,)

# A project-local Jupyter configuration whose custom stylesheet embeds the CJK font: Chinese
# renders in JupyterLab on a machine without Chinese fonts (helpers.report.fonts.write_lab_css).
LAB_CONFIG := $(CURDIR)/.jupyter

lab: $(STAMP) ## Open JupyterLab on notebooks/ with the project's kernel and its CJK font
	$(PY) -c "from helpers.report import fonts; fonts.write_lab_css()"
	JUPYTER_CONFIG_DIR=$(LAB_CONFIG) $(BIN)/jupyter lab --notebook-dir=notebooks --LabApp.custom_css=True $(LAB_FLAGS)

bench: $(STAMP) ## Run the benchmarks and print their ratios (BENCH_SIZES=5,500 BENCH_INCREMENTAL=500: quicker)
	$(PY) benchmarks/run.py

clean: ## Remove what make built (processed data, reports, caches, temp files of killed runs); keeps .venv
	find data/processed reports -mindepth 1 -maxdepth 1 -not -name .gitkeep -exec rm -rf {} +
	rm -rf .cache build
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +
