"""Performance: the benchmark behind `make bench`, the budgets `make test` checks and
Lighthouse's full marks `make lighthouse` checks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
