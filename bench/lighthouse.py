"""Lighthouse's mobile audit of a page, run offline from node_modules against Debian's Chromium."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from dataclasses import dataclass, field

from bench import ROOT
from bench.browser import CHROMIUM, CHROMIUM_ARGS

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(("--headless=new", *CHROMIUM_ARGS))
TIMEOUT_SECONDS = 240


class LighthouseError(RuntimeError):
    pass


@dataclass(frozen=True)
class Audit:
    url: str
    scores: dict[str, int]  # category id: 0 to 100
    failures: dict[str, list[str]] = field(default_factory=dict)  # category id: audits below full marks
    runs: tuple[dict[str, int], ...] = ()  # each run's scores, when this is the median of several


def command(url: str, categories: tuple[str, ...]) -> list[str]:
    # Lighthouse's default throttling is simulated, so nothing needs a network.
    return [
        "npx", "--no-install", "lighthouse", url,
        "--form-factor=mobile",
        f"--only-categories={','.join(categories)}",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
    ]


def falls_short(audit_result: dict) -> bool:
    """An audit that counts and lost marks (an audit that could not run has no score)."""
    if audit_result["scoreDisplayMode"] in ("notApplicable", "manual", "informative"):
        return False
    return audit_result["score"] is None or audit_result["score"] < 1


def parse(report: dict) -> Audit:
    """Scores and failing audits from Lighthouse's JSON report."""
    if report.get("runtimeError"):
        raise LighthouseError(f"{report.get('requestedUrl')}: {report['runtimeError']['message']}")
    scores, failures = {}, {}
    for category_id, category in report["categories"].items():
        if category["score"] is None:
            raise LighthouseError(f"{report['requestedUrl']}: no {category_id} score")
        scores[category_id] = round(category["score"] * 100)
        failures[category_id] = [
            f"{ref['id']}: {report['audits'][ref['id']]['title']}"
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and falls_short(report["audits"][ref["id"]])
        ]
    return Audit(url=report["requestedUrl"], scores=scores, failures=failures)


def audit_report(url: str, categories: tuple[str, ...] = CATEGORIES) -> dict:
    """Lighthouse's whole JSON report."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        command(url, categories), cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
    )
    if result.returncode != 0:
        raise LighthouseError(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def audit(url: str, categories: tuple[str, ...] = CATEGORIES) -> Audit:
    return parse(audit_report(url, categories))


def median_of(audits: list[Audit]) -> Audit:
    """Several runs on one page as one: each category's median score, and the audits
    below full marks in the run whose performance score is the median."""
    middle = sorted(audits, key=lambda run: run.scores.get("performance", 0))[(len(audits) - 1) // 2]
    scores = {category: round(statistics.median(run.scores[category] for run in audits)) for category in middle.scores}
    return Audit(url=middle.url, scores=scores, failures=middle.failures,
                 runs=tuple(run.scores for run in audits))


def median_audit(url: str, runs: int, categories: tuple[str, ...] = CATEGORIES) -> Audit:
    return median_of([audit(url, categories) for _ in range(runs)])


def shortfalls(audits: list[tuple[str, str, Audit]], checked: tuple[str, ...], target: int) -> list[str]:
    """One line for each page and category below the target, with the audits that lost marks."""
    return [
        f"{page_type} ({lang}) {audit.url}: {category} {audit.scores[category]} (target {target}): "
        + ("; ".join(audit.failures.get(category, [])) or "no audit named")
        for page_type, lang, audit in audits
        for category in checked
        if audit.scores[category] < target
    ]
