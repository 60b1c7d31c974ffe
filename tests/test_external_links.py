"""Links to other sites carry rel="noopener noreferrer" (hooks/external_links.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import parse
from wales_site.rendering.external_links import is_other_host, mark_external_links

SITE_HOST = "example.gov.wales"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('<a href="https://www.gov.uk/">GOV.UK</a>',
         '<a href="https://www.gov.uk/" rel="noopener noreferrer">GOV.UK</a>'),
        ('<a href="//www.gov.uk/x">x</a>',
         '<a href="//www.gov.uk/x" rel="noopener noreferrer">x</a>'),
        ('<a title="t" href="http://gov.wales/?a=1&amp;b=2" class="c">t</a>',
         '<a title="t" href="http://gov.wales/?a=1&amp;b=2" class="c" rel="noopener noreferrer">t</a>'),
        ('<a href="https://www.gov.uk/" rel="external">x</a>',
         '<a href="https://www.gov.uk/" rel="external noopener noreferrer">x</a>'),
        ('<a href="https://www.gov.uk/" rel="noreferrer">x</a>',
         '<a href="https://www.gov.uk/" rel="noreferrer noopener">x</a>'),
        ("<a href='https://www.gov.uk/' target=\"_blank\">x</a>",
         "<a href='https://www.gov.uk/' target=\"_blank\" rel=\"noopener noreferrer\">x</a>"),
    ],
)
def test_links_to_other_hosts_get_noopener_noreferrer(before, after):
    assert mark_external_links(before, SITE_HOST) == after


@pytest.mark.parametrize(
    "link",
    [
        '<a href="../report-a-concern/">Report</a>',
        '<a href="#signs">Signs</a>',
        '<a href="tel:+448000121700">08000 121 700</a>',
        '<a href="mailto:someone@example.org">e-mail</a>',
        f'<a href="https://{SITE_HOST}/cy/">Cymraeg</a>',
        '<a id="top">no address</a>',
        '<abbr title="National Referral Mechanism">NRM</abbr>',
    ],
)
def test_links_within_the_site_and_non_web_links_are_left_alone(link):
    assert mark_external_links(link, SITE_HOST) == link


def test_no_link_is_made_to_open_a_new_tab():
    assert "target" not in mark_external_links('<a href="https://www.gov.uk/">x</a>', SITE_HOST)


def test_host_comparison_ignores_case_and_port():
    assert not is_other_host("HTTPS://Example.Gov.Wales:443/page", SITE_HOST)
    assert is_other_host("https://example.gov.wales.evil.test/", SITE_HOST)


def test_every_link_to_another_host_on_the_built_site_hides_the_referrer(pages):
    external = 0
    for path in pages:
        soup = parse(path)
        canonical = soup.select_one("link[rel=canonical]")
        site_host = urlsplit(canonical["href"]).hostname if canonical else None
        for link in soup.select("a[href]"):
            if not is_other_host(link["href"], site_host):
                continue
            external += 1
            rel = set(link.get("rel", []))
            # Page text gets both; the exit links' rel="nofollow noreferrer" implies noopener.
            expected = {"noopener", "noreferrer"} if link.find_parent("article") else {"noreferrer"}
            assert expected <= rel, f"{path}: {link['href']} has rel={sorted(rel)}"
            assert link.get("target") is None, f"{path}: {link['href']} opens a new tab"
    assert external > 0


def test_a_quoted_greater_than_sign_does_not_end_the_tag():
    # The tag is read whole, so rel is added after the title, not inside it.
    marked = mark_external_links('<a href="https://example.org" title="a > b">x</a>', "127.0.0.1")
    assert marked == '<a href="https://example.org" title="a > b" rel="noopener noreferrer">x</a>'
