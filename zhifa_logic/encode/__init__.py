"""IR → Z3. The only package besides ``reason`` that imports z3."""
