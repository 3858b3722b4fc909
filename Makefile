# Two commands are all a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)
DATA ?= var

.PHONY: run trigger test lint format bench translations bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) $(QM)
	bash tools/install-run-deps.sh
	$(BIN)/pos-coach run --situations situations --data-dir $(DATA)

# fire a card in the counter `make run` started: make trigger ID=gate-alarm
trigger: $(STAMP)
	$(BIN)/pos-coach trigger $(ID) --data-dir $(DATA)

test: $(STAMP) $(QM)
	bash tools/install-test-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

# style, types and layer contracts (.importlinter): what CI checks besides the tests
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(STAMP) $(QM)
	bash tools/install-bench-deps.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# refresh the .ts sources from the code (then translate the new strings)
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate pos_coach/ui/*.py pos_coach/ui/review/*.py pos_coach/ui/editor/*.py -no-obsolete -ts $(TS)

# a self-contained one-folder program in dist/pos-coach/ (PyInstaller; see packaging/)
bundle: $(STAMP) $(QM)
	$(BIN)/pip install --quiet 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/pos-coach.spec

clean:
	rm -rf $(VENV) $(QM) .pytest_cache .ruff_cache build dist
