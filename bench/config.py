"""bench/budgets.yml: the page types, their budgets and the benchmark's settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from wales_site.i18n import twins
from bench import ROOT

BUDGETS_FILE = ROOT / "bench" / "budgets.yml"
KB = 1024
# Each language's folder below the site root.
LANGUAGE_ROOTS = twins.SITE_PREFIX


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class PageType:
    type: str
    path: str
    required: bool = True

    def find(self, site_dir: Path, lang: str) -> str | None:
        """The page's address below the site root in one language, or None when it is not built."""
        base = site_dir / LANGUAGE_ROOTS[lang]
        matches = sorted(base.glob(f"{self.path}index.html"))
        if not matches:
            return None
        folder = matches[0].parent.relative_to(site_dir).as_posix()
        return "" if folder == "." else folder + "/"


@dataclass(frozen=True)
class Budgets:
    first_visit_bytes: int
    repeat_visit_bytes: int


@dataclass(frozen=True)
class BenchConfig:
    pages: tuple[PageType, ...]
    budgets: Budgets
    lighthouse_checked: tuple[str, ...]
    lighthouse_target: int
    lighthouse_runs: int
    corpus_sizes: tuple[int, ...]
    repetitions: int
    min_cpu_seconds: float
    max_build_ratio: float


def load(path: Path = BUDGETS_FILE) -> BenchConfig:
    """Read and check the file; a mistake names the file and the entry."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        pages = tuple(
            PageType(type=str(entry["type"]), path=str(entry["path"]), required=bool(entry.get("required", True)))
            for entry in data["pages"]
        )
        for page in pages:
            if page.path and not page.path.endswith("/"):
                raise ConfigError(f"{path}: pages: {page.type}: path {page.path!r} must end with '/'")
        budgets = data["budgets"]
        lighthouse = data["lighthouse"]
        build_cost = data["build_cost"]
        runs = int(lighthouse.get("runs", 1))
        if runs < 1 or runs % 2 == 0:
            raise ConfigError(f"{path}: lighthouse: runs must be an odd number (1, 3, 5...), so one run is the median")
        return BenchConfig(
            pages=pages,
            budgets=Budgets(int(budgets["first_visit_kb"] * KB), int(budgets["repeat_visit_kb"] * KB)),
            lighthouse_checked=tuple(lighthouse["checked"]),
            lighthouse_target=int(lighthouse["target"]),
            lighthouse_runs=runs,
            corpus_sizes=tuple(int(n) for n in build_cost["pages_per_language"]),
            repetitions=int(build_cost["repetitions"]),
            min_cpu_seconds=float(build_cost["min_cpu_seconds"]),
            max_build_ratio=float(build_cost["max_ratio"]),
        )
    except (KeyError, TypeError) as error:
        raise ConfigError(f"{path}: missing or malformed entry: {error}") from error
