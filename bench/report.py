"""The benchmark's tables (Markdown, for the terminal and the README) and results file."""

from __future__ import annotations

import re
from collections import defaultdict

from bench.build_cost import BuildTimes, grows_linearly, marginal_ms_per_page
from bench.config import KB, LANGUAGE_ROOTS, Budgets
from bench.lighthouse import CATEGORIES, Audit
from bench.page_weight import AssetCost, PageWeight

README_START = "<!-- bench:results:start -->"
README_END = "<!-- bench:results:end -->"


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "yes" if ok else "**NO**"


def page_weight_table(weights: list[PageWeight], budgets: Budgets) -> str:
    rows = [
        [w.page_type, w.lang, f"`/{w.path}`", kb(w.first_visit_bytes), kb(w.page_load_bytes),
         kb(w.repeat_visit_bytes), kb(w.search_bytes),
         verdict(w.first_visit_bytes <= budgets.first_visit_bytes and w.repeat_visit_bytes <= budgets.repeat_visit_bytes)]
        for w in weights
    ]
    header = ["page type", "lang", "page", f"first visit KB (≤ {kb(budgets.first_visit_bytes)})",
              "of which before any interaction KB", f"repeat visit KB (≤ {kb(budgets.repeat_visit_bytes)})", "search, on first use KB", "within budget"]
    return table(header, rows)


def shared_path(path: str) -> str:
    """An asset's path with the language folder taken off: each language has the same copy."""
    for prefix in filter(None, LANGUAGE_ROOTS.values()):
        if path.startswith(prefix):
            return path[len(prefix):]
    return path


def asset_table(weights: list[PageWeight]) -> str:
    """What each file costs, and on how many of the measured pages it loads (HTML: each page's own)."""
    loads: dict[tuple[str, str], list[AssetCost]] = defaultdict(list)
    for weight in weights:
        for when, assets in (("page load", weight.assets), ("first interaction", weight.on_interaction),
                             ("search, on first use", weight.search)):
            for asset in assets:
                key = ("each page's HTML", when) if asset.kind == "HTML" else (shared_path(asset.path), when)
                loads[key].append(asset)
    rows = []
    for (name, when), assets in loads.items():
        sizes = sorted({(a.raw_bytes, a.transfer_bytes) for a in assets})
        raw = "–".join(kb(size) for size in sorted({sizes[0][0], sizes[-1][0]}))
        transfer = "–".join(kb(size) for size in sorted({sizes[0][1], sizes[-1][1]}))
        rows.append([f"`{name}`", assets[0].kind, when, raw, transfer, f"{len(assets)} of {len(weights)}"])
    return table(["file", "kind", "loaded on", "size KB", "gzip KB", "pages"], rows)


def score_cell(audit: Audit, category: str) -> str:
    """The score, and each run's score when they differ: 99 (95, 99, 100)."""
    if category not in audit.scores:
        return "–"
    each = [run[category] for run in audit.runs]
    spread = f" ({', '.join(map(str, each))})" if len(set(each)) > 1 else ""
    return f"{audit.scores[category]}{spread}"


def lighthouse_table(audits: list[tuple[str, str, Audit]], target: int) -> str:
    rows = [
        [page_type, lang, *(score_cell(audit, category) for category in CATEGORIES),
         "; ".join(f for category in CATEGORIES for f in audit.failures.get(category, [])) or "–"]
        for page_type, lang, audit in audits
    ]
    return table(["page type", "lang", *(f"{c} (target {target})" for c in CATEGORIES), "audits below full marks"], rows)


def build_cost_table(times: list[BuildTimes], max_ratio: float) -> str:
    rows = [
        [t.label, str(t.pages_per_language), str(t.data_markers_per_language), str(len(t.ours)),
         f"{t.median('ours'):.2f}", f"{t.median('bare'):.2f}", f"{t.ratio:.3f}", verdict(t.ratio <= max_ratio),
         f"{t.median('ours', 'wall_seconds'):.2f}", f"{t.median('bare', 'wall_seconds'):.2f}"]
        for t in times
    ]
    header = ["corpus", "pages per language", "data markers per language", "builds of each side", "ours CPU s", "bare CPU s",
              "ours / bare", f"≤ {max_ratio:.2f}", "ours wall s", "bare wall s"]
    return table(header, rows)


def growth_summary(synthetic: list[BuildTimes]) -> str:
    lines = []
    for side, name in (("ours", "Ours"), ("bare", "Bare Material + mkdocs-static-i18n")):
        marginals = marginal_ms_per_page(synthetic, side)
        steps = ", ".join(
            f"{before.pages_per_language}→{after.pages_per_language}: {ms:.1f} ms"
            for before, after, ms in zip(synthetic, synthetic[1:], marginals)
        )
        shape = "linear" if grows_linearly(marginals) else "faster than linear"
        lines.append(f"- {name}: each extra page (in both languages) costs {steps} of CPU time: **{shape}**.")
    return "\n".join(lines)


def replace_section(readme: str, body: str) -> str:
    """README.md with the text between the benchmark markers replaced."""
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.S)
    if not pattern.search(readme):
        raise ValueError(f"README.md has no {README_START} … {README_END} section")
    return pattern.sub(lambda _: f"{README_START}\n{body.strip()}\n{README_END}", readme)
