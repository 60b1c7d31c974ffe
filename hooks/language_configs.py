"""Which language a build is in, and the Welsh config that goes with the English one.

An ordinary module, not a hook: MkDocs loads each hook file as a module of its
own, so state kept here (the Welsh config, loaded once a build) is shared by
every hook that imports it.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

import twins

WELSH_CONFIG_FILE = "mkdocs.cy.yml"

# The English config of the latest build and its Welsh config. Loading a config
# costs more than building a page, and several hooks need the Welsh one.
_latest: list[MkDocsConfig] = []


def language_of(config: MkDocsConfig) -> str:
    return config.theme["language"]


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def welsh_config(english: MkDocsConfig) -> MkDocsConfig:
    """The Welsh config, placed below the English build's output folder and address.
    Loaded once for each English config: `mkdocs serve` loads both afresh on every rebuild."""
    if _latest and _latest[0] is english:
        return _latest[1]
    welsh = load_config(
        config_file=str(project_root(english) / WELSH_CONFIG_FILE),
        site_dir=os.path.join(english.site_dir, twins.SITE_PREFIX["cy"]),
        site_url=twins.root_url(english.site_url or "/", "en") + twins.SITE_PREFIX["cy"],
        strict=english.strict,
    )
    _latest[:] = [english, welsh]
    return welsh
