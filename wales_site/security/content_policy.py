"""The Content-Security-Policy of every page, in a <meta> element: a static host
cannot send it as a header.

The browser then runs only scripts from this site and the inline scripts and
styles of the theme's templates (each allowed by the SHA-256 hash of its
text), loads nothing from other sites, and refuses plug-ins, frames, forms
that send anything, and a <base> that would redirect every link. The hashes
come from the page with its content taken out (`theme_part`): an inline
script or style that reached a page's content by any route, an inline event
handler (onerror="…") included, does not run.

The policy goes straight after <meta charset>, before any script, style or
link: it covers only what follows it, and the character set must be declared
in the first 1024 bytes, before a policy that grows with each inline script.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline scripts and styles as the finished (minified) page has them; a script
# with a src is loaded from the site and needs no hash.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)

FIXED_DIRECTIVES = (
    "default-src 'self'",
    # Material's icons are data: SVG images in its stylesheet.
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
)


def source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def hashes(pattern: re.Pattern, html: str) -> list[str]:
    return sorted({source_hash(match.group(1)) for match in pattern.finditer(html)})


# `mkdocs serve` adds an inline script to every page as it sends it (live
# reload), with a new number each time: no hash can allow it, so a preview
# allows inline scripts. Everything else in the policy stays as published.
PREVIEW_SCRIPTS = "'self' 'unsafe-inline'"


def theme_part(page_html: str, content_html: str) -> str:
    """The page without its content: what the theme's templates wrote around it."""
    return page_html.replace(content_html, "", 1) if content_html else page_html


def policy(theme_html: str, preview: bool = False) -> str:
    """The policy allowing the inline scripts and styles of theme_html (a finished
    page without its content), and no other."""
    scripts = PREVIEW_SCRIPTS if preview else " ".join(["'self'", *hashes(INLINE_SCRIPT, theme_html)])
    styles = " ".join(["'self'", *hashes(INLINE_STYLE, theme_html)])
    return "; ".join([FIXED_DIRECTIVES[0], f"script-src {scripts}", f"style-src {styles}", *FIXED_DIRECTIVES[1:]])


def add_policy(html: str, theme_html: str, preview: bool = False) -> str:
    """The finished page html with its policy after <meta charset>, allowing the
    inline scripts and styles of theme_html (the same page finished without its
    content). Call it last: a change to an inline script afterwards would no
    longer match its hash. preview: for `mkdocs serve` (PREVIEW_SCRIPTS)."""
    charset = CHARSET.search(html)
    if charset is None:
        raise ValueError("a page without <meta charset> cannot be given its Content-Security-Policy")
    meta = f'<meta http-equiv=Content-Security-Policy content="{policy(theme_html, preview)}">'
    return html[:charset.end()] + meta + html[charset.end():]
