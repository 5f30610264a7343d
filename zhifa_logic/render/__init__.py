"""Renderers: diagnostics, verdicts (text zh/en, JSON), cases (DSL), summaries."""
