"""District-scale benchmarks: `uv run python -m benchmarks` (see __main__.py and dataset.py)."""
