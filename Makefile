# cvlib customer value workbook
#   make lab    create .venv (first time), install cvlib, open JupyterLab on notebooks/
#   make test   same environment, then ruff, unit tests, and every notebook under nbval
#   make book   execute every notebook and write a static HTML copy to build/html

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.cvlib-installed
# the reference research data, when it sits beside the project (as in CI)
ifeq ($(CVLIB_DATA_HOME),)
CVLIB_DATA_HOME := $(if $(wildcard ../shared/datasets),$(abspath ../shared/datasets),)
endif
export CVLIB_DATA_HOME

ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
LAB_ARGS ?=
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: env lab test lint unit unit-all doctest nbval book notebooks student data bench clean

env: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "cvlib needs Python 3.11 or newer, found " + sys.version.split()[0] + "; set PYTHON=python3.11 (or newer)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,duckdb,spark]'
	touch $(STAMP)

lab: env
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

test: lint unit-all doctest nbval

lint: env
	$(BIN)/ruff check .

# the quick loop: every unit test but those marked slow
unit: env
	$(BIN)/python -m pytest -q -m "not slow" tests

unit-all: env
	$(BIN)/python -m pytest -q tests

doctest: env
	$(BIN)/python -m pytest -q --doctest-modules cvlib -p no:cacheprovider

nbval: env
	$(BIN)/python -m pytest -q --nbval $(NOTEBOOKS) --nbval-sanitize-with notebooks/sanitize.cfg --nbval-cell-timeout=300 -p no:cacheprovider

# re-execute every notebook in place (after changing cvlib or a notebook)
notebooks: env
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=300 $(NOTEBOOKS)

book: env
	$(BIN)/jupyter nbconvert --to html --execute --ExecutePreprocessor.timeout=300 --output-dir build/html $(NOTEBOOKS)
	@echo "static copy written to build/html"

student: env
	$(BIN)/cvlib student notebooks build/student

data: env
	$(BIN)/python -m cvlib.datasets regenerate

bench: env
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf build .pytest_cache .ruff_cache
