# The two commands: `make up` (install and run everything) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: up test install protos clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

up: $(STAMP)
	$(VENV)/bin/anbao up

test: $(STAMP)
	$(PY) -m pytest -q

protos: $(STAMP)
	$(PY) scripts/genprotos.py

clean:
	rm -rf $(VENV) data .pytest_cache
