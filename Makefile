# The two commands: `make up` (install and run everything) and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: up test bench bench-smoke chaos chaos-smoke install protos deploy-files clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

up: $(STAMP)
	$(VENV)/bin/anbao up

test: $(STAMP)
	$(PY) -m pytest -q --durations=15

# Not part of `make test`: minutes, and a 1M-certificate dataset built once under
# data/bench (see README, "Benchmarks"). The smoke runs every step with small N.
bench: $(STAMP)
	$(PY) -m tests.bench

bench-smoke: $(STAMP)
	ANBAO_BENCH_SMOKE=1 $(PY) -m tests.bench

# Not part of `make test` either: the fault suite (tests/chaos; README, "The fault
# suite") against `anbao cluster up`'s shape on PostgreSQL — 10,000 passers while NATS
# nodes, replicas and PostgreSQL are killed. The smoke: 1,000 passers, ≥ 2 node kills.
chaos: $(STAMP)
	$(PY) -m tests.chaos

chaos-smoke: $(STAMP)
	ANBAO_CHAOS_SMOKE=1 $(PY) -m tests.chaos

deploy-files: $(STAMP)
	$(PY) scripts/gendeploy.py

protos: $(STAMP)
	$(PY) scripts/genprotos.py

clean:
	rm -rf $(VENV) data .pytest_cache
