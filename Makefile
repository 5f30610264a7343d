PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: demo test bench bench-peers trace findings clean

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

# Peer encodings (clingo, z3py, IDP-Z3) doing the same pairwise work; each
# peer gets its own virtualenv under benchmarks/peers/ (IDP-Z3 pins an old z3).
bench-peers: $(STAMP)
	bash benchmarks/peers/setup.sh
	benchmarks/peers/.venv-peers/bin/python benchmarks/peers/run_peers.py \
	  --idp-python benchmarks/peers/.venv-idp/bin/python --zhifa $(BIN)/zhifa

trace: $(STAMP)
	$(BIN)/zhifa rules --trace > spec/TRACEABILITY.md

findings: $(STAMP)
	rm -rf proofs/witnesses
	$(BIN)/zhifa check --comments proofs/comments-changzhou-2008.json --markdown \
	  --witness-dir proofs/witnesses > proofs/findings-changzhou-2008.md || test $$? -eq 1

clean:
	rm -rf $(VENV) build dist
