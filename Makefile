# cvlib customer value workbook
#   make lab    create .venv (first time), install cvlib, open JupyterLab on notebooks/ (English; 中文版 in notebooks/zh/)
#   make test   same environment, then ruff, unit tests, every notebook under nbval, and the widgets in headless Chromium
#   make app NB=05_lifetime_value   serve one notebook as an app (Voila: code hidden, widgets live)
#   make book   the student and the instructor book (static HTML, offline) in build/book
#   make assignments   otter-grader assignments (student notebook + autograder) in build/assignments

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
APP_ARGS ?=
NB ?=
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb)) $(sort $(wildcard notebooks/zh/*.ipynb))

.PHONY: env lab test lint unit unit-all doctest nbval browser app vendor book assignments course-tags notebooks student editions data bench clean

env: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "cvlib needs Python 3.11 or newer, found " + sys.version.split()[0] + "; set PYTHON=python3.11 (or newer)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,duckdb,spark]'
	touch $(STAMP)

lab: env
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

test: lint unit-all doctest nbval browser

lint: env
	$(BIN)/ruff check .

# the quick loop: every unit test but those marked slow
unit: env
	$(BIN)/python -m pytest -q -m "not slow and not browser" tests

unit-all: env
	$(BIN)/python -m pytest -q -m "not browser" tests

# the widgets in a real browser: headless Debian Chromium driven by Playwright (never `playwright install`)
CHROMIUM ?= $(or $(CVLIB_CHROMIUM),$(shell command -v chromium 2>/dev/null),/usr/bin/chromium)
browser: env
	@test -x "$(CHROMIUM)" || { echo "make browser: no Chromium at $(CHROMIUM)."; \
	  echo "  Install Debian's: sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei"; \
	  echo "  (or set CVLIB_CHROMIUM=/path/to/chromium). Do not run 'playwright install'."; exit 1; }
	CVLIB_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -q -m browser tests -p no:cacheprovider

# one notebook as an app for a lecture: code hidden, widgets live (APP_ARGS="--Voila.ip=0.0.0.0" to
# share it on the local network; --port=NNNN to choose the port)
# only the front-end extensions an app needs: other installed ones (say jupytext's) fail outside JupyterLab
APP_EXTENSIONS := @voila-dashboards/widgets-manager8 @jupyter-widgets/jupyterlab-manager jupyterlab_pygments
# NB=05_lifetime_value (English) or NB=zh/05_lifetime_value (中文版)
APP_NB = notebooks/$(patsubst %.ipynb,%,$(patsubst notebooks/%,%,$(NB))).ipynb
app: env
	@test -n "$(NB)" || { echo "usage: make app NB=05_lifetime_value (one of: $(patsubst notebooks/%.ipynb,%,$(NOTEBOOKS)))"; exit 1; }
	@test -f "$(APP_NB)" || { echo "make app: no notebook $(APP_NB)"; exit 1; }
	JUPYTER_PATH=$(CURDIR)/share/jupyter $(BIN)/voila "$(APP_NB)" \
	  --template=cvlib --Voila.ip=127.0.0.1 \
	  $(foreach x,$(APP_EXTENSIONS),--VoilaConfiguration.extension_allowlist=$(x)) \
	  $(APP_ARGS)

doctest: env
	$(BIN)/python -m pytest -q --doctest-modules cvlib -p no:cacheprovider

# both editions; a Chinese glyph missing from the fonts is an error, not empty boxes
nbval: env
	CVLIB_STRICT_GLYPHS=1 $(BIN)/python -m pytest -q --nbval $(NOTEBOOKS) --nbval-sanitize-with notebooks/sanitize.cfg --nbval-cell-timeout=300 -p no:cacheprovider

# re-execute every notebook in place (after changing cvlib or a notebook)
notebooks: env
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.timeout=300 $(NOTEBOOKS)

# MathJax, the widget renderer and RequireJS for the offline books, from the npm registry (pinned)
VENDOR       := build/vendor
HTML_MANAGER := @jupyter-widgets/html-manager@1.0.15
REQUIREJS    := requirejs@2.3.8
MATHJAX      := mathjax@2.7.9
vendor: $(VENDOR)/.done

$(VENDOR)/.done:
	@command -v npm >/dev/null || { echo "make book needs npm to fetch the widget renderer once:"; \
	  echo "  sudo apt-get install -y npm   (or install Node.js)"; exit 1; }
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/html-manager $(VENDOR)/requirejs $(VENDOR)/mathjax
	cd $(VENDOR) && npm pack --silent $(HTML_MANAGER) $(REQUIREJS) $(MATHJAX) >/dev/null
	tar xzf $(VENDOR)/jupyter-widgets-html-manager-*.tgz -C $(VENDOR)/html-manager --strip-components=1
	tar xzf $(VENDOR)/requirejs-*.tgz -C $(VENDOR)/requirejs --strip-components=1
	tar xzf $(VENDOR)/mathjax-*.tgz -C $(VENDOR)/mathjax --strip-components=1
	rm -f $(VENDOR)/*.tgz
	touch $@

# build/book/student (post this one) and build/book/instructor (keep it), both working offline
book: env vendor
	$(BIN)/python -m cvlib book notebooks build/book --vendor $(VENDOR)
	$(BIN)/python -m cvlib book notebooks/zh build/book/zh --vendor $(VENDOR)

student: env
	$(BIN)/python -m cvlib student notebooks build/student
	$(BIN)/python -m cvlib student notebooks/zh build/student/zh

# whether notebooks/zh/ (中文版) is in step with notebooks/: same code, translated prose
editions: env
	$(BIN)/python -m cvlib.editions

# the demo and optional cell tags that docs/course_guide.md names, applied to the notebooks
course-tags: env
	$(BIN)/python -m cvlib.course_tags notebooks --guide docs/course_guide.md
	$(BIN)/python -m cvlib.editions --sync-tags

# each notebook's exercises as an otter-grader assignment: student notebook + local autograder
assignments: env
	$(BIN)/python -m cvlib assignments notebooks build/assignments
	$(BIN)/python -m cvlib assignments notebooks/zh build/assignments/zh

data: env
	$(BIN)/python -m cvlib.datasets regenerate

bench: env
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf build .pytest_cache .ruff_cache
