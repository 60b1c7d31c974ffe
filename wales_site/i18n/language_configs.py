"""Which language a build is in, and the Welsh config that goes with the English one.

A plain module, not a hook: MkDocs loads hook files under names of their own,
so the module a hook runs in is not the one other hooks get by `import`. State
kept here (the Welsh config, loaded once a build) is shared by every hook.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from wales_site.i18n import twins

WELSH_CONFIG_FILE = "mkdocs.cy.yml"

# (English config, its Welsh config) of the latest build. Loading a config costs
# more than building a page, and several hooks need the Welsh one.
_welsh_for: list[tuple[MkDocsConfig, MkDocsConfig]] = []


def language_of(config: MkDocsConfig) -> str:
    return config.theme["language"]


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def welsh_config(english: MkDocsConfig) -> MkDocsConfig:
    """The Welsh config, placed below the English build's output folder and address.
    Loaded once for each English config: `mkdocs serve` loads both afresh on every rebuild."""
    if _welsh_for and _welsh_for[0][0] is english:
        return _welsh_for[0][1]
    welsh = load_config(
        config_file=str(project_root(english) / WELSH_CONFIG_FILE),
        site_dir=os.path.join(english.site_dir, twins.SITE_PREFIX["cy"]),
        site_url=twins.root_url(english.site_url or "/", "en") + twins.SITE_PREFIX["cy"],
        strict=english.strict,
    )
    _welsh_for[:] = [(english, welsh)]
    return welsh


def docs_dirs(config: MkDocsConfig) -> dict[str, Path]:
    """Each language's docs folder, from either language's config of the latest build."""
    if language_of(config) == "en":
        english, welsh = config, welsh_config(config)
    else:
        english = next((english for english, welsh in _welsh_for if welsh is config), None)
        if english is None:
            raise ValueError(f"{WELSH_CONFIG_FILE} is built by the English build: build mkdocs.yml")
        welsh = config
    return {"en": Path(english.docs_dir), "cy": Path(welsh.docs_dir)}
