PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: demo test bench trace findings clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/zhifa rules
	@echo
	$(BIN)/zhifa decide examples/cases/01-handler-alone-no-approval.json
	@echo
	$(BIN)/zhifa decide --lang en examples/cases/04-wrong-proposal-passed.json

test: $(TSTAMP)
	$(BIN)/python -m pytest

bench: $(TSTAMP)
	$(BIN)/python benchmarks/bench_decide.py

trace: $(STAMP)
	$(BIN)/zhifa rules --trace > spec/TRACEABILITY.md

findings: $(STAMP)
	rm -rf proofs/witnesses
	$(BIN)/zhifa check --comments proofs/comments-changzhou-2008.json --markdown \
	  --witness-dir proofs/witnesses > proofs/findings-changzhou-2008.md || test $$? -eq 1

clean:
	rm -rf $(VENV) build dist
