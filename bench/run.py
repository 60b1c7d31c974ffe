"""`make bench`: page weight, Lighthouse, Welsh search and build cost of the site; prints
the tables, writes bench/results.json and the README's performance and search sections.

Figures, not tests: nothing here fails because a target is missed (the budgets
that are stable enough to enforce are in tests/test_performance_budgets.py, and
Lighthouse's full marks for accessibility, best practices and SEO in
bench/full_marks.py, `make lighthouse`, run weekly); a page below full marks
is listed in the notes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from wales_site.i18n import twins
from bench import ROOT, build_cost, config, lighthouse, page_weight, report, welsh_search
from bench.browser import CHROMIUM, CHROMIUM_ARGS
from bench.static_host import serving

RESULTS_FILE = ROOT / "bench" / "results.json"
README = ROOT / "README.md"


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def configured_pages(settings: config.BenchConfig, site: Path, notes: list[str]) -> list[tuple[str, str, str]]:
    """(page type, language, address) of each configured page that is built; a note for each that is not."""
    pages = []
    for page_type in settings.pages:
        for lang in config.LANGUAGE_ROOTS:
            path = page_type.find(site, lang)
            if path is None:
                notes.append(f"{page_type.type} page ({lang}): nothing is built at `{page_type.path}` yet; row skipped.")
            else:
                pages.append((page_type.type, lang, path))
    return pages


def measure_page_weights(site: Path, site_url: str, pages) -> tuple[list[page_weight.PageWeight], str]:
    from playwright.sync_api import sync_playwright

    weights = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for page_type, lang, path in pages:
            context = browser.new_context()  # an empty cache: a first visit
            weights.append(page_weight.weigh(context.new_page(), site, site_url, page_type, lang, path))
            context.close()
        version = browser.version
        browser.close()
    return weights, version


def measure_build_cost(settings: config.BenchConfig, workdir: Path) -> list[build_cost.BuildTimes]:
    real_pages = len(twins.page_sources(ROOT / build_cost.DOCS["en"]))
    corpora = [("real site", real_pages)] + [("synthetic", size) for size in settings.corpus_sizes]
    times = []
    for label, size in corpora:
        folder = workdir / f"corpus-{size}"
        corpus = build_cost.make_corpus(folder, size)
        say(f"build cost: {label}, {corpus.pages_per_language} pages per language")
        times.append(build_cost.measure(
            corpus, label, settings.repetitions, settings.min_cpu_seconds, workdir / "site-build"
        ))
        shutil.rmtree(folder)
    return times


def machine(chromium_version: str) -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )
    lighthouse_version = json.loads((ROOT / "node_modules/lighthouse/package.json").read_text())["version"]
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"Chromium {chromium_version}, Lighthouse {lighthouse_version}")


def markdown(results: dict, weights, audits, times, settings: config.BenchConfig) -> str:
    synthetic = [t for t in times if t.label == "synthetic"]
    sections = [
        f"Latest `make bench`: {results['date']}, on {results['machine']}; load average "
        f"{results['load_average']['start']:.1f} at the start, {results['load_average']['end']:.1f} at the end.",
        "#### Page weight",
        report.page_weight_table(weights, settings.budgets),
        "What each file costs:",
        report.asset_table(weights),
        f"#### Lighthouse, mobile (median of {settings.lighthouse_runs} runs; each run's score when they differ)",
        report.lighthouse_table(audits, settings.lighthouse_target),
        "#### Build cost (both sides built in turn, several times; medians)",
        report.build_cost_table(times, settings.max_build_ratio),
        report.growth_summary(synthetic),
    ]
    if results["notes"]:
        sections.append("Notes:\n\n" + "\n".join(f"- {note}" for note in results["notes"]))
    return "\n\n".join(sections)


def main() -> None:
    settings = config.load()

    notes: list[str] = []
    load_at_start = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        site = workdir / "site"
        say("building the site")
        build_cost.timed_build(ROOT, site)
        pages = configured_pages(settings, site, notes)
        with serving(site) as site_url:
            say(f"page weight of {len(pages)} pages in Chromium")
            weights, chromium_version = measure_page_weights(site, site_url, pages)
            audits = []
            for page_type, lang, path in pages:
                say(f"lighthouse: {page_type} ({lang}) /{path}")
                audits.append((page_type, lang, lighthouse.median_audit(site_url + path, settings.lighthouse_runs)))
            notes += lighthouse.shortfalls(audits, settings.lighthouse_checked, settings.lighthouse_target)
            say("Welsh search: the queries of bench/welsh-search.yml, before and after")
            welsh = welsh_search.measure(site, site_url)
        times = measure_build_cost(settings, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    results = {
        "date": dt.date.today().isoformat(),
        "machine": machine(chromium_version),
        "load_average": {"start": load_at_start, "end": os.getloadavg()[0]},
        "notes": notes,
        "budgets": dataclasses.asdict(settings.budgets),
        "page_weight": [
            {**dataclasses.asdict(w), "first_visit_bytes": w.first_visit_bytes, "page_load_bytes": w.page_load_bytes,
             "repeat_visit_bytes": w.repeat_visit_bytes, "search_bytes": w.search_bytes}
            for w in weights
        ],
        "lighthouse": [{"page_type": t, "lang": lang, **dataclasses.asdict(a)} for t, lang, a in audits],
        "welsh_search": welsh,
        "build_cost": {
            "repetitions": settings.repetitions,
            "min_cpu_seconds": settings.min_cpu_seconds,
            "max_ratio": settings.max_build_ratio,
            "corpora": [
                {**dataclasses.asdict(t), "ours_cpu_median": t.median("ours"), "bare_cpu_median": t.median("bare"),
                 "ratio": t.ratio}
                for t in times
            ],
        },
    }
    RESULTS_FILE.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tables = markdown(results, weights, audits, times, settings)
    search_tables = welsh_search.markdown(welsh)
    readme = report.replace_section(README.read_text(encoding="utf-8"), tables)
    README.write_text(welsh_search.replace_section(readme, search_tables), encoding="utf-8")
    print(tables + "\n\n#### Welsh search\n\n" + search_tables)
    say(f"\nwrote {RESULTS_FILE.relative_to(ROOT)} and README.md's performance and search sections")


if __name__ == "__main__":
    main()
