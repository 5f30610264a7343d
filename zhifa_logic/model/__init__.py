"""The resolved model (IR): rule sets, cases, chain facts, verdicts. No Lark, no Z3."""
