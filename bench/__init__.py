"""Performance: the benchmark behind `make bench` and the budgets `make test` checks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
