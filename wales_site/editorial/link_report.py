"""The weekly external link check (.github/workflows/links.yml): which links to other
websites LinkChecker found broken, and on which pages, as a GitHub issue body.

External links are not checked on pull requests: other sites go down and come
back, and that must not block a content change.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Mapping


@dataclass
class BrokenLink:
    url: str
    error: str
    pages: list[str] = field(default_factory=list)


def broken_external_links(linkchecker_csv: str, site_url: str) -> list[BrokenLink]:
    """Links outside site_url that LinkChecker marked invalid, each with the pages linking to it.

    linkchecker_csv is LinkChecker's `-F csv` output: `#` comment lines, then
    `;`-separated rows with a header.
    """
    rows = csv.DictReader((line for line in linkchecker_csv.splitlines() if not line.startswith("#")), delimiter=";")
    found: dict[str, BrokenLink] = {}
    for row in rows:
        url = row.get("url") or row.get("urlname") or ""
        if row.get("valid") != "False" or url.startswith(site_url) or not url:
            continue
        link = found.setdefault(url, BrokenLink(url, (row.get("result") or "").strip()))
        page = (row.get("parentname") or "").removeprefix(site_url.rstrip("/")) or "/"
        if page not in link.pages:
            link.pages.append(page)
    return sorted(found.values(), key=lambda link: link.url)


def markdown(broken: list[BrokenLink], source_ids: Mapping[str, str] | None = None) -> str:
    """The report; source_ids (address: id) names the entry in data/sources.yml of a broken source."""
    source_ids = source_ids or {}
    lines = [
        f"The weekly link check found {len(broken)} broken link(s) to other websites. "
        "A site may only be down for a while: open the link, and if it has moved or gone, "
        "change it on every page listed (in both languages). A broken source is changed once, "
        "in data/sources.yml: find the facts that rest on it another source, or take them out.",
        "",
        "| Link | Source in data/sources.yml | On pages | Error |",
        "|---|---|---|---|",
    ]
    for link in broken:
        error = link.error.replace("|", "\\|").replace("\n", " ")[:160]
        lines.append(f"| {link.url} | {source_ids.get(link.url, '')} | {', '.join(link.pages)} | {error} |")
    return "\n".join(lines) + "\n"
