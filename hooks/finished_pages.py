"""Hooks for a change made to every finished page: the pages MkDocs renders from
Markdown (on_post_page), and the theme's templates written as pages of their own,
such as 404.html (on_post_template; not sitemap.xml). A plain module, not a hook.
"""

from __future__ import annotations

from typing import Callable


def is_page(template_name: str) -> bool:
    """A theme template written as a page of its own (404.html), not sitemap.xml."""
    return template_name.endswith(".html")


def page_hooks(change: Callable[[str], str]):
    """MkDocs' on_post_page and on_post_template, each making `change` to the page's HTML."""
    def on_post_page(output: str, page, config) -> str:
        return change(output)

    def on_post_template(output_content: str, template_name: str, config) -> str:
        return change(output_content) if is_page(template_name) else output_content

    return on_post_page, on_post_template
