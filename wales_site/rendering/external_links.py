"""Links from a page to other sites give those sites no hold on this one:
`rel="noopener noreferrer"` (no referrer, no `window.opener`). A reader's visit
here is not announced to the site they go on to. No link is made to open a new
tab: that stays the reader's choice."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit


EXTERNAL_REL = ("noopener", "noreferrer")
# An <a> start tag, its quoted values read whole: a ">" inside quotes does not end it.
START_TAG = re.compile(r"""<a\s(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)
HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
REL = re.compile(r"""\srel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def is_other_host(href: str, site_host: str | None) -> bool:
    """True for an http(s) or protocol-relative link to a host that is not this site."""
    parts = urlsplit(html.unescape(href).strip())
    if parts.scheme not in ("", "http", "https") or not parts.hostname:
        return False
    return parts.hostname != (site_host or "").lower()


def with_rel(start_tag: str, values: tuple[str, ...]) -> str:
    """The <a> start tag with `values` added to its rel attribute (made if missing)."""
    found = REL.search(start_tag)
    if not found:
        return f'{start_tag[:-1].rstrip("/ ")} rel="{" ".join(values)}">'
    present = (found.group(1) if found.group(1) is not None else found.group(2)).split()
    merged = present + [value for value in values if value not in present]
    return f'{start_tag[:found.start()]} rel="{" ".join(merged)}"{start_tag[found.end():]}'


def mark_external_links(page_html: str, site_host: str | None) -> str:
    """Every link in the HTML that goes to another host gets rel="noopener noreferrer"."""

    def mark(match: re.Match) -> str:
        tag = match.group(0)
        href = HREF.search(tag)
        if href and is_other_host(href.group(1) if href.group(1) is not None else href.group(2), site_host):
            return with_rel(tag, EXTERNAL_REL)
        return tag

    return START_TAG.sub(mark, page_html)

