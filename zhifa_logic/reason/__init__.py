"""Reasoning over the IR: decide a case (with Z3, or solver-free to cross-check)."""
