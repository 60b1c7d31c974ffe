"""Everything MkDocs runs, in the order it runs it: the only hook in mkdocs.yml.

Each MkDocs event is registered once, here, and calls the `wales_site` package
in a visible order. The package knows nothing of MkDocs' events; this file
knows nothing of how the site is checked or rendered.

One `mkdocs build` builds both languages: the English build runs first and,
in its last step, builds the Welsh site (mkdocs.cy.yml, which inherits this
hook) into site/cy/. So every event below runs once for each language, and
`english` says which build it is in.

The contracts the order keeps are written beside each event.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from wales_site.checks import runner
from wales_site.data import open_data
from wales_site.i18n import bilingual_build, site_text, translation_notes
from wales_site.i18n.language_configs import language_of
from wales_site.rendering import area_pages, directories, moved_pages, route_steps
from wales_site.rendering.external_links import mark_external_links
from wales_site.security import content_policy, pages
from wales_site.theme import (
    compact_html,
    markup_fixes,
    material_on_demand,
    plain_titles,
    shared_assets,
    welsh_search_index,
)

# Both languages' pages as written, held to the HTML allow-list; reported together at the end.
built_pages = pages.BuiltPages()
# `mkdocs serve` rather than a build: its pages get the preview's policy (content_policy.py).
previewing = False


def english(config: MkDocsConfig) -> bool:
    return language_of(config) == "en"


def on_startup(command: str, dirty: bool) -> None:
    global previewing
    previewing = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    bilingual_build.link_404_page_to_home_pages(config)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Before site/ is emptied: the English build runs every build-stage check of
    # both languages (twins, data, markers, translations, dates) and fails with
    # all their problems at once, leaving the last good site/ in place.
    if english(config):
        runner.check_before_build(config)
        built_pages.problems.clear()
    directories.prepare(config)
    route_steps.prepare(config)


def on_files(files, config: MkDocsConfig):
    area_pages.add_area_pages(files, config)
    directories.add_qr_codes(files, config)
    moved_pages.add_moved_pages(files, config)
    # The Welsh build leaves out theme files the English build already wrote.
    shared_assets.leave_out_shared_assets(files, config)
    return files


def on_nav(nav, config: MkDocsConfig, files):
    site_text.translate_nav(nav, config)
    # After translating: the Welsh titles are looked up as written.
    plain_titles.escape_nav_titles(nav.items)
    return nav


def on_env(env, config: MkDocsConfig, files):
    # Every page has been read, none written yet: titles escaped for Material, which prints them raw.
    plain_titles.escape_page_titles(file.page for file in files.documentation_pages())
    site_text.add_site_text(env, config)
    # After the site text: each page's translation note is worded from it.
    translation_notes.add_translation_note_filter(env, config)
    bilingual_build.add_language_versions_filter(env, config)
    directories.add_help_strip(env, config)
    route_steps.add_route_links_filter(env, config)
    return env


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    # Citations first: their list of sources is Markdown (its heading joins the table of contents).
    markdown = directories.cite_sources(markdown, page, config)
    # Each directory marker becomes a placeholder, so Markdown need not parse the directory's HTML.
    return directories.put_placeholders_for_directories(markdown, page, config)


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    # Directories first, so that their links get rel="noopener noreferrer" too.
    html = directories.fill_directories(html, page)
    html = mark_external_links(html, urlsplit(config.site_url or "").hostname)
    # The page as it will be written, directories and citations included.
    built_pages.check(html, page.file.src_uri, config.docs_dir, page.file.content_string)
    # After the check: the answers' class is ours, not the editor's.
    html = route_steps.mark_answers(html, page)
    return material_on_demand.wrap_tables_as_material_does(html)


def on_page_context(context, page, config: MkDocsConfig, nav):
    bilingual_build.link_page_to_its_twins(page, config)
    return context


def finish_page(html: str) -> str:
    """What every finished page goes through. Minifying comes last: the steps before
    it find Material's markup as Material writes it."""
    html = markup_fixes.correct_theme_markup(html)
    return material_on_demand.hold_back_material_script(html)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    def finished(html: str) -> str:
        return compact_html.compact(shared_assets.relink_page_assets(finish_page(html), page))
    # Last, the policy: it allows the inline scripts and styles of the page as
    # finished without its content, as they are written, and no other.
    theme_html = finished(content_policy.theme_part(output, page.content))
    return content_policy.add_policy(finished(output), theme_html, previewing)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # Theme templates written as pages of their own (404.html); not sitemap.xml.
    if not template_name.endswith(".html"):
        return output
    output = compact_html.compact(shared_assets.relink_template_assets(finish_page(output), config))
    # A template page has no content from an editor: it is all the theme's.
    return content_policy.add_policy(output, output, previewing)


def on_post_build(config: MkDocsConfig) -> None:
    if english(config):
        bilingual_build.build_welsh_site(config)
        open_data.write_open_data(config)
        # The build then fails: `make build` leaves site/ as it was (wales_site/atomic_build.py).
        runner.stop_on_errors(built_pages.problems)
    else:
        bilingual_build.remove_welsh_sitemap(config)
        # After Material's search plugin has written the Welsh index (plugins run before hooks).
        welsh_search_index.add_welsh_search_settings(config.site_dir)


def on_serve(server, config: MkDocsConfig, builder):
    bilingual_build.watch_welsh_pages_and_shared_folders(server, config)
    return server
