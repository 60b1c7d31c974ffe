"""The Content-Security-Policy of every page (wales_site/security/content_policy.py):
first in the head, allowing our own scripts only, and in the browser blocking
an injected handler while Material, search and Exit this page keep working."""

from __future__ import annotations

import re

import pytest

from browser_sweep import WIDTHS
from conftest import parse, start_material_script
from wales_site.security import content_policy

POLICY_META = 'meta[http-equiv="Content-Security-Policy"]'
# What an editor's mistake or an attacker's pull request would try.
INJECTED = ('<img src="data:," alt="" onerror="document.title=\'handler ran\'">'
            "<script>document.title='inline script ran'</script>")


def directives(page_html) -> dict[str, list[str]]:
    content = page_html.select_one(POLICY_META)["content"]
    return {name: values for name, *values in (part.split() for part in content.split(";"))}


def test_every_page_has_its_policy_straight_after_its_character_set(pages):
    for path in pages:
        head = parse(path).head
        elements = [element.name for element in head.find_all(True, recursive=False)][:2]
        assert elements == ["meta", "meta"], path
        assert head.find_all(True, recursive=False)[0].get("charset"), f"{path}: the charset comes first"
        assert head.select_one(POLICY_META) is head.find_all(True, recursive=False)[1], path
        assert path.read_bytes().find(b"<meta charset") < 1024, path


def test_every_page_allows_only_the_site_and_the_inline_scripts_around_its_content(pages):
    for path in pages:
        page_html = parse(path)
        policy = directives(page_html)
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == policy["base-uri"] == policy["form-action"] == policy["frame-src"] == ["'none'"]
        inline = {content_policy.source_hash(script.string or "")
                  for script in page_html.find_all("script") if not script.get("src")
                  and not script.find_parent("article")}
        assert set(policy["script-src"]) == {"'self'"} | inline, path
        assert not any("unsafe" in value for values in policy.values() for value in values), path


def test_the_policy_follows_the_charset_and_hashes_each_inline_script_of_the_theme_once():
    content = "<p>Text</p><script>smuggled()</script>"
    page = ("<!doctype html><html><head><meta charset=utf-8><title>x</title></head><body>"
            f"<script>a()</script><article>{content}</article><script>a()</script><script src=x.js></script>"
            "<style>p{}</style></body></html>")
    written = content_policy.add_policy(page, content_policy.theme_part(page, content))
    assert written.startswith("<!doctype html><html><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy")
    policy = re.search(r'content="([^"]*)"', written).group(1)
    assert policy.count("'sha256-") == 2  # a() once, the style once; x.js comes from the site
    assert content_policy.source_hash("smuggled()") not in policy, "a script in the content is never allowed"
    assert f"script-src 'self' {content_policy.source_hash('a()')};" in policy
    assert f"style-src 'self' {content_policy.source_hash('p{}')};" in policy


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_of_the_site_breaks_its_policy(swept, width):
    # Every page, as it loads and after Material's script and search have started.
    breaches = [f"{visit.name}: {breach}" for visit in swept(width) for breach in visit.policy_breaches]
    assert breaches == [], "\n".join(breaches)


def serve_with(page, url: str, change) -> None:
    """Loads url with its HTML changed by change(html), as if a page had been published so."""
    def fulfil(route):
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))
    page.route(url, fulfil)
    page.goto(url)


def inject(html: str) -> str:
    return html.replace("</h1>", "</h1>" + INJECTED, 1)


def test_an_injected_handler_and_script_do_not_run(page, site_url):
    serve_with(page, site_url, inject)
    start_material_script(page)
    page.wait_for_timeout(200)
    assert page.title() not in {"handler ran", "inline script ran"}
    # The page's own scripts still run: Material has started under the policy.
    assert page.evaluate("typeof window.document$") == "object"


def test_without_the_policy_the_same_injection_would_run(page, site_url):
    # The test above can fail: the injection is live, and only the policy stops it.
    without_policy = lambda html: re.sub(r"<meta http-equiv=Content-Security-Policy[^>]*>", "", inject(html))
    serve_with(page, site_url, without_policy)
    page.wait_for_timeout(200)
    assert page.title() in {"handler ran", "inline script ran"}


def test_a_preview_allows_the_live_reload_script_and_nothing_else_more():
    # `mkdocs serve` adds an inline script with a new number to each page it sends.
    page = "<html><head><meta charset=utf-8></head><body><script>a()</script></body></html>"
    published, preview = (re.search(r'content="([^"]*)"', content_policy.add_policy(page, page, preview)).group(1)
                          for preview in (False, True))
    assert "script-src 'self' 'unsafe-inline';" in preview and "'sha256-" not in preview.split("style-src")[0]
    assert "unsafe-inline" not in published
    assert preview.split("; ", 2)[2] == published.split("; ", 2)[2], "only the scripts differ"
