"""The checks and the editors' reports from the command line, run from the
project's folder as `python -m wales_site COMMAND`. The Makefile runs these:

  make build                         both languages into site/, replaced only by a build that passed
  make lint                          every check (build and lint stages); exits non-zero on an error
  make translations                  how each page's Welsh translation stands
  make translated PAGE=x.md          record that the Welsh page x.md is up to date
  make review                        what is overdue or due for review
  make words                         every unknown word on the site, counted
  make readability                   Flesch reading ease of the public English pages
  make data-report                   data entries to check again
  make schemas                       rewrite schemas/ from the data models

In GitHub Actions (GITHUB_ACTIONS=true), `lint` also writes each problem as an
annotation on its line and a summary of the run to $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

from wales_site import atomic_build


def reading_the_project(name: str) -> Callable[[argparse.Namespace], int]:
    """The command `name` of commands.py, imported only when it runs: those commands
    import every check (0.7 s of CPU), which `build` does without (MkDocs runs in a
    process of its own, which imports the checks itself)."""
    def run(args: argparse.Namespace) -> int:
        from wales_site import commands
        return getattr(commands, name)(args)
    return run


def build(args) -> int:
    return atomic_build.build(Path(args.site_dir), args.mkdocs_arguments)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    subcommands = parser.add_subparsers(dest="command", required=True)
    for name in ("lint", "review"):
        command = subcommands.add_parser(name)
        command.add_argument("--today", help="check as if today were this date (YYYY-MM-DD)")
        command.set_defaults(handler=reading_the_project(name))
    subcommands.choices["review"].add_argument("--markdown", help="also write the report as Markdown here, "
                                                                   "if anything is due or wrong")
    subcommands.add_parser("translations").set_defaults(handler=reading_the_project("translations"))
    subcommands.add_parser("schemas").set_defaults(handler=reading_the_project("schemas"))
    subcommands.add_parser("data-report").set_defaults(handler=reading_the_project("data_report"))
    command = subcommands.add_parser("stamp")
    command.add_argument("pages", nargs="*", help="pages whose Welsh translation is now up to date")
    command.add_argument("--all", action="store_true", help="every page (after checking them all)")
    command.set_defaults(handler=reading_the_project("stamp"))
    command = subcommands.add_parser("build", help="build both languages; replace site/ only if everything passed")
    command.add_argument("--site-dir", default="site")
    command.add_argument("mkdocs_arguments", nargs="*", help="passed on to `mkdocs build --strict`")
    command.set_defaults(handler=build)
    subcommands.add_parser("words").set_defaults(handler=reading_the_project("words"))
    subcommands.add_parser("readability").set_defaults(handler=reading_the_project("readability_report"))
    command = subcommands.add_parser("external-links")
    command.add_argument("csv", help="LinkChecker's -F csv output")
    command.add_argument("--site-url", required=True, help="the address the site was checked at")
    command.add_argument("--markdown", help="write the broken links here as Markdown, if there are any")
    command.set_defaults(handler=reading_the_project("external_links"))
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
