# Set-up is part of every target: the first run creates .venv and installs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: translate test bench clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# The distribution was called l10n before it became l10n-pipeline.
	$(BIN)/python -m pip uninstall --quiet --yes l10n >/dev/null 2>&1 || true
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# l10n never imports argostranslate; the tests and the bench compare the
	# argos engine with argostranslate's own code, so it is installed here as a
	# reference, without its torch/stanza/spaCy stack.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps 'argostranslate==1.11.0'
	touch $(STAMP)

translate: $(STAMP)
	$(BIN)/l10n translate --to zh

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean-venv:
	rm -rf $(VENV)
