"""What the Welsh search needs to understand mutations, carried in Material's own index.

Material's search plugin writes site/cy/search/search_index.json, a `config`
and the `docs`, and its script hands both to its search worker as the worker
starts. material-on-demand.js, which stands between Material and the worker,
reads `config.welsh_search` there: the two prefix tables of
wales_site/i18n/welsh_mutations.py and the Welsh stop words. With them it
asks the worker for every form related to each word of a Welsh query, and
leaves stop words out of a query that has other words (README: Search).

The pages' text, and so what results show, stays as Material wrote it. The
English index is not touched.
"""

from __future__ import annotations

import json
from pathlib import Path

from wales_site.i18n import welsh_mutations
from wales_site.i18n.welsh_stop_words import STOP_WORDS

SETTINGS = "welsh_search"


def search_settings() -> dict:
    return {
        "mutated_prefixes": welsh_mutations.MUTATED_PREFIXES,
        "radical_prefixes": welsh_mutations.RADICAL_PREFIXES,
        "stop_words": sorted(STOP_WORDS),
    }


def with_welsh_search(index: dict) -> dict:
    """Material's index with the Welsh search settings in its config; the pages as they were."""
    return {**index, "config": {**index["config"], SETTINGS: search_settings()}}


def index_file(site_dir: str | Path) -> Path:
    return Path(site_dir) / "search" / "search_index.json"


def add_welsh_search_settings(site_dir: str | Path) -> None:
    """Rewrite the built site's index as compactly as Material writes it."""
    path = index_file(site_dir)
    index = with_welsh_search(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
