# The two commands: `make run` and `make test` (`make test-fast`: without the slow tests).
# All create .venv when missing.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-fast lint format clean translations

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

# Compiled translations (.qm, git-ignored) from the .ts sources, with the venv's lrelease.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) $(QM)
	$(VENV)/bin/gzexplorer

test: $(STAMP) $(QM)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# The same without the tests marked slow (benchmark, soak, monkey, agreement corpus).
test-fast: $(STAMP) $(QM)
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks

format: $(STAMP)
	$(VENV)/bin/ruff format src tests benchmarks
	$(VENV)/bin/ruff check --fix src tests benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache

# Wheel, sdist, standalone bundle (.tar.gz) and .deb into dist/; see packaging/build.sh.
# The compiled translations ($(QM), when there are .ts sources) go into all of them.
# Phony: dist/ is also the name of the output folder.
.PHONY: dist
dist: $(QM)
	PYTHON=$(PYTHON) bash packaging/build.sh
