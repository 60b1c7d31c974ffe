"""The HTML allow-list for pages (wales_site/security/page_html.py): what editors
need passes, anything that runs, loads, submits or restyles is refused, at the
line of the Markdown it is written on."""

from __future__ import annotations

import pytest

from wales_site.security import page_html


def found(html: str) -> list[str]:
    return [finding.message for finding in page_html.findings(html)]


@pytest.mark.parametrize("html", [
    '<p>Say <span lang="cy">Cymru</span> and <abbr title="National Referral Mechanism">NRM</abbr>.</p>',
    '<p><a href="https://www.gov.uk/x" rel="noopener">GOV.UK</a> <a href="../report-a-concern/">report</a> '
    '<a href="#work">work</a> <a href="mailto:help@example.gov.uk">email</a></p>',
    '<p>Call <a href="tel:999">999</a> or <a href="tel:+448000121700">0800 0121 700</a>.</p>',
    '<div class="admonition warning"><p class="admonition-title">Danger</p><p>Text</p></div>',
    '<details class="note" open><summary>More</summary><p>x</p></details>',
    '<table><thead><tr><th scope="col" colspan="2">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    '<dl><dt id="nrm">NRM</dt><dd>The National Referral Mechanism</dd></dl><hr><br>',
    '<p><img src="../assets/images/map.png" alt="Map of Wales"></p>',
    '<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>',
    "<!-- a note to the next editor -->",
    # A name in a right-to-left script (the language card); a phone link after it, outside it.
    '<p><span lang="ar" dir="rtl">العربية</span> <span dir="ltr">x</span> <span dir="auto">y</span> '
    '<a href="tel:999">999</a></p>',
    '<ul><li dir="rtl">x<br></li></ul><p>Call <a href="tel:+448000121700">08000 121 700</a>.</p>',
])
def test_what_editors_need_passes(html):
    assert found(html) == []


@pytest.mark.parametrize("html, expected", [
    ("<script>alert(1)</script>", "<script> is not allowed in a page: it runs code"),
    ('<img src="data:," alt="" onerror="x()">', '"onerror" runs code'),
    ('<p onclick="x()">Text</p>', '"onclick" runs code'),
    ('<p style="display:none">Text</p>', "<p style>: styles are set by the site's stylesheet"),
    ('<iframe src="https://example.com"></iframe>', "<iframe> is not allowed"),
    ('<object data="x"></object>', "<object> is not allowed"),
    ('<embed src="x">', "<embed> is not allowed"),
    ('<form action="https://example.com"><input name="q"></form>', "<form> is not allowed"),
    ('<meta http-equiv="refresh" content="0;url=https://example.com">', "<meta> is not allowed"),
    ('<base href="https://example.com/">', "<base> is not allowed"),
    ("<style>.exit-this-page{display:none}</style>", "<style> is not allowed"),
    ('<link rel="stylesheet" href="https://example.com/x.css">', "<link> is not allowed"),
    ('<svg><a href="javascript:x()">x</a></svg>', "<svg> is not allowed"),
    ('<a href="javascript:alert(1)">x</a>', 'a link may not start "javascript:"'),
    ('<a href="JaVa&#x09;ScRiPt:alert(1)">x</a>', 'a link may not start "javascript:"'),
    ('<a href=" \x01javascript:alert(1)">x</a>', 'a link may not start "javascript:"'),
    ('<a href="data:text/html,<script>x()</script>">x</a>', 'a link may not start "data:"'),
    ('<a href="vbscript:x">x</a>', 'a link may not start "vbscript:"'),
    ('<a href="file:///etc/passwd">x</a>', 'a link may not start "file:"'),
    ('<img src="https://tracker.example.com/p.gif" alt="">', "images must be files of this site"),
    ('<img src="//tracker.example.com/p.gif" alt="">', "images must be files of this site"),
    ('<div id="__config">x</div>', "ids beginning \"__\" belong to the site's theme"),
    ('<a class="exit-this-page__button" href="https://example.com">Exit this page</a>', "belongs to the site's theme"),
    ('<div class="note md-header">x</div>', "belongs to the site's theme"),
    ('<span class="visually-hidden">999</span>', "belongs to the site's theme"),
    ('<script\x00>alert(1)</script>', "control character"),
    ('<a href=tel:+449098790000\xa0href=tel:999>999</a>', "unusual space"),
    ('<a href="tel:999" href="tel:+449098790000">999</a>', 'the attribute "href" is written twice'),
    ('<a href="tel:101" aria-label="Call 999">101</a>', "labelled only by its number"),
    ('<a href="tel:101"><img src="call-999.png" alt="Call 999">101</a>', "an image inside a phone link"),
    ('<!--><script>alert(2)</script>-->', "browsers end it elsewhere"),
    ('<a href="#" data-exit-this-page-link>x</a>', 'the attribute "data-exit-this-page-link" is not allowed'),
    ('<a href="https://example.com" formaction="x">x</a>', 'the attribute "formaction" is not allowed'),
    ('<a href="tel:09098790000">0909 879 0000</a>', "premium"),
    ('<a href="tel:+442920000000">999</a>', "tel:"),
    ('<p dir="rtl-override">x</p>', "dir may only be ltr, rtl, auto"),
    ('<p dir="RTL">x</p>', "dir may only be ltr, rtl, auto"),
    # Shown right to left, "08000 121 700" reads "700 121 08000".
    ('<p dir="rtl">Call <a href="tel:+448000121700">08000 121 700</a></p>', "reverse order"),
    ('<div dir="auto"><p><span>Call</span> <a href="tel:999">999</a></p></div>', "reverse order"),
    ('<a dir="rtl" href="tel:+448000121700">08000 121 700</a>', "reverse order"),
])
def test_what_could_harm_a_reader_is_refused(html, expected):
    messages = found(html)
    assert messages, f"{html!r} was allowed"
    assert any(expected.lower() in message.lower() for message in messages), messages


def test_each_problem_names_the_markdown_line_it_is_written_on():
    source = "---\ntitle: A page\n---\n\n# A page\n\nSome text.\n\nAn image: <img src=x onerror=alert(1)>\n"
    html = '<h1>A page</h1><p>Some text.</p><p>An image: <img src="x" onerror="alert(1)"></p>'
    [problem] = page_html.problems("docs/a-page.md", source, html)
    assert str(problem).startswith("docs/a-page.md:9: ")
    assert "onerror" in problem.message


def test_markdown_attribute_syntax_is_found_at_its_line():
    source = "# Title\n\nText\n{ onmouseover=\"x()\" }\n"
    html = '<h1>Title</h1><p onmouseover="x()">Text</p>'
    [problem] = page_html.problems("docs/x.md", source, html)
    assert problem.line == 4


def test_an_unclosed_link_is_still_checked():
    assert found('<p><a href="javascript:x()">never closed</p>')


def test_the_build_checks_each_page_as_it_writes_it(tmp_path, monkeypatch):
    # The HTML the build writes holds what only the build adds (directories, citations):
    # it is checked again, and a problem names the page's Markdown file and line.
    from wales_site.security.pages import BuiltPages

    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    built = BuiltPages()
    source = "---\ntitle: Help\n---\n\n# Help\n\n{{ directory: helplines }}\n"
    built.check('<h1>Help</h1><dl><dd><a href="tel:+449098790000">0909 879 0000</a></dd></dl>',
                "help.md", str(tmp_path / "docs"), source)
    built.check("<h1>Fine</h1>", "fine.md", str(tmp_path / "docs"), "# Fine\n")
    [problem] = built.problems
    assert str(problem).startswith("docs/help.md")
    assert "premium rate" in problem.message
