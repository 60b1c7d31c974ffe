"""Pages are sent minified, and minifying changes nothing a reader or an HTML parser sees."""

from __future__ import annotations

import re

from wales_site.theme import compact_html


def test_built_pages_are_minified(pages):
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r">\n\s+<", html), f"{page}: indentation between tags was not removed"


def test_minifying_keeps_text_closing_tags_and_preformatted_spacing():
    html = (
        "<!doctype html>\n<html lang=en>\n  <head>\n    <title>Help</title>\n  </head>\n  <body>\n"
        "    <!-- template note -->\n    <p>Call <a href=\"tel:999\">999</a> now.</p>\n"
        "    <pre>Line one\n    indented line</pre>\n  </body>\n</html>\n"
    )
    compact = compact_html.compact(html)
    assert len(compact) < len(html)
    assert "template note" not in compact
    assert "<p>Call <a href=tel:999>999</a> now.</p>" in compact
    assert "<pre>Line one\n    indented line</pre>" in compact
    assert "<head>" in compact and "</body>" in compact
