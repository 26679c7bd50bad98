# Set-up is part of every target: the first run creates .venv and installs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: translate test bench clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# argostranslate without its torch/stanza/spaCy stack: l10n uses its package
	# format and tokenizers and drives CTranslate2 itself.
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
