"""The benchmark's own pieces: its configuration, the corpus both sides build, the
static host it measures against, Lighthouse's report and the README section."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest

from wales_site.i18n import twins
from bench import build_cost, config, lighthouse, report
from bench.static_host import serving, transfer_size
from conftest import built_pages, parse

BUDGETS = """
pages:
  - {type: home, path: ""}
  - {type: area, path: "help-in-your-area/*/", required: false}
budgets: {first_visit_kb: 75, repeat_visit_kb: 15}
lighthouse: {checked: [seo], target: 100}
build_cost: {pages_per_language: [10], repetitions: 1, min_cpu_seconds: 1, max_ratio: 1.1}
"""


def test_the_real_budgets_file_names_every_page_type():
    settings = config.load()
    assert [page.type for page in settings.pages] == ["home", "content", "directory", "area"]
    assert settings.budgets == config.Budgets(75 * 1024, 15 * 1024)


def test_a_page_path_without_its_final_slash_is_rejected_naming_the_file(tmp_path):
    budgets = tmp_path / "budgets.yml"
    budgets.write_text(BUDGETS.replace('"help-in-your-area/*/"', "help-in-your-area"))
    with pytest.raises(config.ConfigError, match=r"budgets.yml: pages: area: path 'help-in-your-area' must end with '/'"):
        config.load(budgets)


@pytest.mark.parametrize("runs", [0, 2])
def test_lighthouse_runs_must_be_odd_so_one_run_is_the_median(tmp_path, runs):
    text = BUDGETS.replace("target: 100}", f"target: 100, runs: {runs}}}")
    with pytest.raises(config.ConfigError, match="runs must be an odd number"):
        config.load(_written(tmp_path, text))


def test_a_page_type_finds_the_first_matching_page_in_each_language(tmp_path):
    for folder in ("help-in-your-area/wrexham", "help-in-your-area/cardiff", "cy/help-in-your-area/caerdydd"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "index.html").write_text("<!doctype html>")
    settings = config.load(_written(tmp_path, BUDGETS))
    home, area = settings.pages
    assert area.required is False and home.required is True
    assert area.find(tmp_path, "en") == "help-in-your-area/cardiff/"
    assert area.find(tmp_path, "cy") == "cy/help-in-your-area/caerdydd/"
    assert home.find(tmp_path, "en") is None


def _written(folder: Path, text: str) -> Path:
    path = folder / "budgets.yml"
    path.write_text(text)
    return path


def directory_names(page: Path) -> list[str]:
    return [name.get_text(" ", strip=True) for name in parse(page).select(".directory__name")]


def test_both_sides_of_the_build_benchmark_build_the_same_pages(tmp_path):
    real_pages = len(twins.page_sources(config.ROOT / "docs"))
    corpus = build_cost.make_corpus(tmp_path / "corpus", 2 * real_pages)
    assert corpus.pages_per_language == 2 * real_pages
    built, sites = {}, {}
    for side in ("ours", "bare"):
        sites[side] = site = tmp_path / f"site-{side}"
        build_cost.timed_build(getattr(corpus, side), site)
        # The 404 pages differ by design (README: one per language here).
        built[side] = {page.relative_to(site) for page in built_pages(site) if page.name != "404.html"}
    assert built["ours"] == built["bare"]
    assert len([page for page in built["ours"] if page.parts[0] == "cy"]) >= 2 * real_pages
    # With the same directories on them: bare Material's pages have them written in.
    for page in ("report-a-concern/index.html", "cy/help-in-your-area/cardiff/index.html",
                 "copy-001/history/regional-fora/index.html"):
        names = directory_names(sites["ours"] / page)
        assert names and names == directory_names(sites["bare"] / page), page


def test_a_side_whose_build_fails_stops_the_benchmark(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: Broken\nnav:\n  - missing.md\nstrict: true\n")
    (tmp_path / "docs").mkdir()
    with pytest.raises(build_cost.BuildError, match="missing.md"):
        build_cost.timed_build(tmp_path, tmp_path / "site")


@pytest.mark.parametrize(
    ("marginals", "linear"), [([20.0, 22.0], True), ([20.0, 40.0], False), ([20.0, 15.0, 24.0], True)]
)
def test_growth_is_linear_while_each_extra_page_costs_about_the_same(marginals, linear):
    assert build_cost.grows_linearly(marginals) is linear


def test_marginal_cost_per_page_counts_cpu_time_not_a_busy_machines_wall_time():
    def timing(cpu: float) -> build_cost.Timing:
        return build_cost.Timing(cpu_seconds=cpu, wall_seconds=10 * cpu)

    times = [
        build_cost.BuildTimes("synthetic", n, 0, (timing(s), timing(s + 1), timing(9 * s)), (timing(2 * s),) * 3)
        for n, s in ((100, 2.0), (500, 6.0), (1000, 16.0))
    ]
    assert build_cost.marginal_ms_per_page(times, "ours") == [10.0, 20.0]
    assert build_cost.marginal_ms_per_page(times, "bare") == [20.0, 40.0]
    assert times[0].ratio == 3.0 / 4.0


def test_the_static_host_sends_text_gzipped_and_the_budget_counts_those_bytes(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>" + "<p>help</p>" * 500)
    with serving(tmp_path) as url:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            body = response.read()
            assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (tmp_path / "index.html").read_bytes()
    assert transfer_size(tmp_path / "index.html") == len(body) < 200


def lighthouse_report(seo_score: float, failing: dict) -> dict:
    return {
        "requestedUrl": "http://127.0.0.1/",
        "categories": {"seo": {"score": seo_score, "auditRefs": [{"id": "meta-description", "weight": 1},
                                                                   {"id": "hreflang", "weight": 1}]}},
        "audits": {"meta-description": {"title": "Document has a meta description", **failing},
                   "hreflang": {"title": "Document has a valid hreflang", "score": 1, "scoreDisplayMode": "binary"}},
    }


def test_lighthouse_report_gives_scores_out_of_100_and_names_failing_audits():
    audit = lighthouse.parse(lighthouse_report(0.92, {"score": 0, "scoreDisplayMode": "binary"}))
    assert audit.scores == {"seo": 92}
    assert audit.failures == {"seo": ["meta-description: Document has a meta description"]}


def test_several_lighthouse_runs_give_the_median_score_and_show_each_run():
    runs = [lighthouse.Audit("u", {"performance": performance, "seo": 100}, {"performance": [f"run {performance}"]})
            for performance in (100, 95, 99)]
    audit = lighthouse.median_of(runs)
    assert audit.scores == {"performance": 99, "seo": 100}
    assert audit.failures == {"performance": ["run 99"]}, "the audits that fell short in the median run"
    assert report.score_cell(audit, "performance") == "99 (100, 95, 99)"
    assert report.score_cell(audit, "seo") == "100", "a score that did not vary is shown once"


def test_make_lighthouse_names_each_page_and_category_below_full_marks():
    audit = lighthouse.parse(lighthouse_report(0.92, {"score": 0, "scoreDisplayMode": "binary"}))
    perfect = lighthouse.parse(lighthouse_report(1, {"score": 1, "scoreDisplayMode": "binary"}))
    assert lighthouse.shortfalls([("home", "en", audit), ("home", "cy", perfect)], ("seo",), 100) == [
        "home (en) http://127.0.0.1/: seo 92 (target 100): meta-description: Document has a meta description"
    ]
    assert lighthouse.shortfalls([("home", "cy", perfect)], ("seo",), 100) == []


def test_a_lighthouse_run_that_could_not_load_the_page_is_an_error():
    broken = lighthouse_report(1, {"score": 1, "scoreDisplayMode": "binary"})
    broken["runtimeError"] = {"code": "ERRORED_DOCUMENT_REQUEST", "message": "Lighthouse was unable to load the page"}
    with pytest.raises(lighthouse.LighthouseError, match="unable to load"):
        lighthouse.parse(broken)


def test_lighthouse_runs_offline_from_node_modules_with_debians_chromium_flags():
    command = lighthouse.command("http://127.0.0.1:8000/", ("seo",))
    assert command[:3] == ["npx", "--no-install", "lighthouse"]
    assert "--only-categories=seo" in command and "--output=json" in command and "--quiet" in command
    assert not [part for part in command if part.startswith("--throttling")]
    assert "--disable-background-networking" in next(p for p in command if p.startswith("--chrome-flags="))


def test_readme_section_is_replaced_between_its_markers_only():
    readme = f"# Site\n\n{report.README_START}\nold figures\n{report.README_END}\n\n## Next\n"
    updated = report.replace_section(readme, "| new | table |")
    assert updated == f"# Site\n\n{report.README_START}\n| new | table |\n{report.README_END}\n\n## Next\n"
    with pytest.raises(ValueError, match="bench:results:start"):
        report.replace_section("# Site without a figures section\n", "x")
