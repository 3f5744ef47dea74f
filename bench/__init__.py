"""Benchmarks of the summarise toolkit; run them with ``python bench/run.py`` (see bench/README.md)."""
