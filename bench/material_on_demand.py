"""Does a visitor gain from Material's script starting on demand? Lighthouse's
mobile audit (simulated slow 4G and a slow phone) of the same pages with the
script held back, as the site is built, and with it loaded as Material loads it.

    .venv/bin/python -m bench.material_on_demand [RUNS]

Prints, per page and variant, the median of RUNS audits (default 5) of the
largest contentful paint, the total blocking time and the bytes transferred
before the first interaction.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import ROOT
from bench.lighthouse import audit_report
from bench.static_host import serving

PAGES = ("", "what-is-human-trafficking/", "cy/report-a-concern/", "cy/help-in-your-area/blaenau-gwent/")
PLACEHOLDER = re.compile(r'<script data-material-script="?([^">]+)"?></script>')
LOADER = re.compile(r'<script src="?[^">]*material-on-demand\.js"?[^>]*></script>')
METRICS = {"largest-contentful-paint": "LCP ms", "total-blocking-time": "TBT ms", "total-byte-weight": "bytes"}


def as_material_loads_it(site: Path) -> None:
    """Every page loads Material's script as Material writes it, and not our loader."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        changed = LOADER.sub("", PLACEHOLDER.sub(r'<script src="\1"></script>', html))
        if changed != html:
            page.write_text(changed, encoding="utf-8")


def medians(url: str, runs: int) -> dict[str, float]:
    reports = [audit_report(url, ("performance",)) for _ in range(runs)]
    return {name: statistics.median(report["audits"][audit]["numericValue"] for report in reports)
            for audit, name in METRICS.items()} | {
        "score": statistics.median(round(report["categories"]["performance"]["score"] * 100) for report in reports)}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as work:
        on_demand, standard = Path(work, "on-demand"), Path(work, "standard")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(on_demand)],
                       cwd=ROOT, check=True)
        shutil.copytree(on_demand, standard)
        as_material_loads_it(standard)
        results = {}
        for variant, site in (("on demand", on_demand), ("at load", standard)):
            with serving(site) as site_url:
                for page in PAGES:
                    results[(page, variant)] = medians(site_url + page, runs)
                    print(f"/{page} {variant}: {results[(page, variant)]}", flush=True)
    print(json.dumps({f"/{page} | {variant}": values for (page, variant), values in results.items()}, indent=1))


if __name__ == "__main__":
    main()
