"""Material's script starts at the visitor's first interaction, not as the page
loads: each page keeps the script's address in a placeholder that
overrides/components/material-on-demand/material-on-demand.js (which says why) loads
from. A page loads, reads and navigates without the script; on a slow phone
its start-up was the longest task of a page load.

Material's script wraps each table in a scrolling box as it starts, which
would move what follows the table; pages come with the tables wrapped, and
material-on-demand.js takes the wrapping off just before the script puts it
back, so nothing moves.
"""

from __future__ import annotations

import re


# As Material's base.html writes it: its one script, named by a content hash.
MATERIAL_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


# Material wraps each table without a class (its `table:not([class])`).
TABLE_TAG = re.compile(r"<table\b[^>]*>|</table>")
TABLE_WITHOUT_CLASS = re.compile(r"<table(?![^>]*\sclass=)[\s>]")
MATERIAL_TABLE_WRAPPING = ('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">', "</div></div>")


def hold_back_material_script(page_html: str) -> str:
    return MATERIAL_SCRIPT.sub(r'<script data-material-script="\1"></script>', page_html)


def wrap_tables_as_material_does(content_html: str) -> str:
    opening, closing = MATERIAL_TABLE_WRAPPING
    pieces, open_tables, position = [], [], 0
    for tag in TABLE_TAG.finditer(content_html):
        pieces.append(content_html[position:tag.start()])
        position = tag.end()
        if tag.group(0) == "</table>":
            wrapped = open_tables.pop() if open_tables else False
            pieces.append("</table>" + (closing if wrapped else ""))
        else:
            wrapped = bool(TABLE_WITHOUT_CLASS.match(tag.group(0)))
            open_tables.append(wrapped)
            pieces.append((opening if wrapped else "") + tag.group(0))
    pieces.append(content_html[position:])
    return "".join(pieces)


