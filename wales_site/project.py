"""Where everything is: the one description of the project that the build, the
checks, `make lint` and the reports share, made once per build."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from wales_site.editorial.review_dates import ReviewPolicy
from wales_site.i18n import language_configs, twins

DATA_DIR = Path("data")


@dataclass(frozen=True)
class Project:
    """Folders are relative to root: checks run from root so that every message
    names files as an editor sees them."""
    root: Path
    english_docs: Path
    welsh_docs: Path
    policy: ReviewPolicy
    data_dir: Path = DATA_DIR
    # How the build turns Markdown into HTML (mkdocs.yml's markdown_extensions).
    markdown_extensions: tuple = ()
    markdown_extension_configs: dict = field(default_factory=dict, hash=False, compare=False)

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> Project:
        root = language_configs.project_root(config)
        welsh = language_configs.welsh_config(config)
        return cls(
            root,
            Path(config.docs_dir).resolve().relative_to(root),
            Path(welsh.docs_dir).resolve().relative_to(root),
            ReviewPolicy.from_extra(config.extra),
            markdown_extensions=tuple(config.markdown_extensions),
            markdown_extension_configs=dict(config.mdx_configs),
        )

    @classmethod
    def load(cls, root: Path) -> Project:
        return cls.from_config(load_config(config_file=str(root / "mkdocs.yml")))

    @property
    def docs_dirs(self) -> list[Path]:
        return [self.english_docs, self.welsh_docs]

    @property
    def docs_by_language(self) -> dict[str, Path]:
        return {"en": self.english_docs, "cy": self.welsh_docs}

    def paired_pages(self) -> list[Path]:
        """Every page that exists in both languages, relative to its docs folder."""
        with self.inside():
            return [english.relative_to(self.english_docs)
                    for english, _ in twins.page_pairs(self.english_docs, self.welsh_docs)]

    @contextlib.contextmanager
    def inside(self):
        with contextlib.chdir(self.root):
            yield self
