""""Help in your area": a page per council area in each language, made from data/.

Each page (help-in-your-area/<id>/) is generated Markdown with the same front
matter as a written page, so it gets its title, description, review date,
language link and help strip like any other. Its directories are markers, so
directories.py fills them in. The pages are not in the nav: the index
page help-in-your-area/index.md lists them all.
"""

from __future__ import annotations

from html import escape
from typing import Mapping

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from wales_site.data import loading
from wales_site.rendering import directories
from wales_site.data import fast_yaml
from wales_site.i18n import language_configs
from wales_site.data.models import Directory, LocalAuthority

AREA_FOLDER = directories.AREA_FOLDER


# Why the page may say the council can refer: the sources that list councils as First Responders.
COUNCILS_REFER = ("west-midlands-first-responders", "yjlc-who-can-refer")


def area_source(council: LocalAuthority, directory: Directory, lang: str, words: Mapping[str, str]) -> str:
    """The Markdown of one council area's page: only what the data and its sources say about today.

    The regional fora are a 2013 record, and no current group or contact for
    an area is sourced, so an area page names none (the History section keeps them).
    """
    force = directory["police-forces"][council.police_force]
    related = [force, *directory["helplines"].values(), council]
    front_matter = {
        "title": words["area.title"].format(in_area=council.in_area[lang]),
        "description": words["area.description"].format(in_area=council.in_area[lang]),
        "last_reviewed": max(entry.last_verified for entry in related),
    }
    return "\n\n".join([
        "---\n" + yaml.dump(front_matter, Dumper=fast_yaml.SafeDumper, allow_unicode=True, sort_keys=False) + "---",
        # The id is the target of "Skip to content" (overrides/main.html).
        f'<h1 id="page-title">{escape(front_matter["title"])}</h1>',
        f"<p>{escape(words['area.intro'].format(in_area=council.in_area[lang]))}</p>",
        heading(words["area.police"]),
        f"{{{{ directory: police-forces | only: {force.id} }}}}",
        heading(words["area.council"]),
        f"{escape(words['area.council_text'].format(council=council.council[lang]))} "
        f"{{{{ cite: {', '.join(COUNCILS_REFER)} }}}}",
        heading(words["area.helplines"]),
        "{{ directory: helplines }}",
        f"[{words['area.all_areas']}](index.md)\n",
    ])


def heading(text: str) -> str:
    # In HTML rather than Markdown: Material's table of contents for a page
    # outside the nav points at a toggle that only the nav has.
    return f"<h2>{escape(text)}</h2>"


def area_page_path(council_id: str) -> str:
    return f"{AREA_FOLDER}/{council_id}.md"


def add_area_pages(files: Files, config: MkDocsConfig) -> None:
    directory = loading.load_directory(loading.project_data_dir(config))
    words = directories.words_for(config)
    lang = language_configs.language_of(config)
    for council in directory["local-authorities"].values():
        path = area_page_path(council.id)
        if files.get_file_from_path(path):
            raise PluginError(f"{config.docs_dir}/{path} would hide the generated page for {council.id}: rename it")
        files.append(File.generated(config, path, content=area_source(council, directory, lang, words),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
