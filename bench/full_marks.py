"""`make lighthouse`: Lighthouse's mobile audit of each page type in bench/budgets.yml,
in both languages, once each; fails when accessibility, best practices or SEO
(`lighthouse.checked`) score below the target. Run weekly by
.github/workflows/lighthouse.yml, which keeps the report in an issue, and not by
`make test`: the audits take a minute and a half of a 2-core machine.

    python -m bench.full_marks [--markdown REPORT]

REPORT is written only when a page falls short (no file: nothing to report).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from bench import ROOT, build_cost, config, lighthouse
from bench.run import say
from bench.static_host import serving


def markdown(lines: list[str], target: int) -> str:
    return (f"Lighthouse's mobile audit scores these pages below {target} (`make lighthouse`):\n\n"
            + "\n".join(f"- {line}" for line in lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", type=Path, help="write the shortfalls here, if there are any")
    args = parser.parse_args(argv)
    settings = config.load()
    audits, lines = [], []
    workdir = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    try:
        site = workdir / "site"
        say("building the site")
        build_cost.timed_build(ROOT, site)
        with serving(site) as site_url:
            for page_type in settings.pages:
                for lang in config.LANGUAGE_ROOTS:
                    path = page_type.find(site, lang)
                    if path is None:
                        if page_type.required:
                            lines.append(f"{page_type.type} page ({lang}): nothing is built at "
                                         f"{page_type.path!r} (bench/budgets.yml)")
                        continue
                    say(f"lighthouse: {page_type.type} ({lang}) /{path}")
                    audit = lighthouse.audit(site_url + path, settings.lighthouse_checked)
                    audits.append((page_type.type, lang, audit))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    lines += lighthouse.shortfalls(audits, settings.lighthouse_checked, settings.lighthouse_target)
    if lines:
        report = markdown(lines, settings.lighthouse_target)
        print(report)
        if args.markdown:
            args.markdown.write_text(report, encoding="utf-8")
        return 1
    print(f"Lighthouse: {', '.join(settings.lighthouse_checked)} at {settings.lighthouse_target} "
          f"on all {len(audits)} pages.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
