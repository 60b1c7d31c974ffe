"""How each page's Welsh translation stands (`make translations`), and recording a
Welsh page as up to date with its English twin (`make translated PAGE=...`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wales_site.content import markdown_page as md
from wales_site.editorial import translation_freshness, translation_parity
from wales_site.i18n import twins
from wales_site.project import Project


@dataclass(frozen=True)
class PairStatus:
    page: Path
    state: str
    detail: str = ""


def translation_status(project: Project) -> list[PairStatus]:
    """Every page and how its Welsh translation stands."""
    statuses = []
    with project.inside():
        for gap in twins.missing_twins(project.english_docs, project.welsh_docs):
            statuses.append(PairStatus(gap.missing, "missing", f"create {gap.missing}"))
        for english, welsh in twins.page_pairs(project.english_docs, project.welsh_docs):
            page = english.relative_to(project.english_docs)
            differences = translation_parity.compare(*map(md.read_page, (english, welsh)))
            state = translation_freshness.freshness(english, welsh)
            if differences:
                summary = "; ".join(d.split(":", 1)[0] for d in differences)
                statuses.append(PairStatus(page, "structure mismatch", f"{summary} (`make lint` shows where)"))
            elif not state.up_to_date:
                statuses.append(PairStatus(page, "out of date", state.explanation()))
            else:
                statuses.append(PairStatus(page, "up to date"))
    return sorted(statuses, key=lambda s: (s.state == "up to date", str(s.page)))


def resolve_page(project: Project, name: str) -> Path:
    """A page named as an editor might: spot-the-signs, spot-the-signs.md, docs-cy/spot-the-signs.md."""
    page = Path(name)
    for docs in project.docs_dirs:
        if page.parts[: len(docs.parts)] == docs.parts:
            page = page.relative_to(docs)
    return page if page.suffix == twins.PAGE_SUFFIX else page.with_name(page.name + twins.PAGE_SUFFIX)


def stamp(project: Project, page: Path) -> str:
    """Record the Welsh page as translating the English page as it is now. Refuses
    while their structures differ: the translation cannot be complete."""
    with project.inside():
        english, welsh = project.english_docs / page, project.welsh_docs / page
        for path in (english, welsh):
            if not path.exists():
                raise ValueError(f"{path} does not exist")
        differences = translation_parity.compare(*map(md.read_page, (english, welsh)))
        if differences:
            raise ValueError(f"{welsh} does not match {english} yet:\n" + "\n".join(differences))
        return translation_freshness.stamp(english, welsh)
