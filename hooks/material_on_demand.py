"""Material's script starts at the visitor's first interaction, not as the page
loads: each page keeps the script's address in a placeholder that
overrides/assets/javascripts/material-on-demand.js (which says why) loads
from. A page loads, reads and navigates without the script; on a slow phone
its start-up was the longest task of a page load.
"""

from __future__ import annotations

import re

# As Material's base.html writes it: its one script, named by a content hash.
MATERIAL_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def hold_back_material_script(page_html: str) -> str:
    return MATERIAL_SCRIPT.sub(r'<script data-material-script="\1"></script>', page_html)


def on_post_page(output: str, page, config) -> str:
    return hold_back_material_script(output)


def on_post_template(output: str, template_name: str, config) -> str:
    # Pages that are templates of their own, such as 404.html.
    return hold_back_material_script(output) if template_name.endswith(".html") else output
