"""Welsh search before and after the mutation-aware search: recall and precision
of the first five pages listed for each query of bench/welsh-search.yml, the
bytes a search costs on a phone, and what the build step costs.

Each query runs through the search the browser runs, in Chromium, on the built
site: Material's search worker (its lunr, its query syntax, its ranking).
"Before" is Material as it was: its worker on a page without our script, with
the index Material wrote. "After" is the site as built: the worker behind
material-on-demand.js on a Welsh page, with the index the build wrote. English
queries go through both ways on the English index, which must give the same
pages in the same order.

For comparison, the index-time alternative the site does not use
(`with_radical_field`): each section's radical candidates in an indexed field
results do not show, the query asking only for its own radicals.

`python -m bench.welsh_search` builds the site and measures only this (about a
minute); `make bench` measures it with everything else.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from bench import ROOT
from bench.browser import CHROMIUM, CHROMIUM_ARGS
from bench.report import table
from bench.static_host import GZIP_LEVEL, serving
from wales_site.i18n.welsh_mutations import radical_candidates
from wales_site.i18n.welsh_stop_words import STOP_WORDS
from wales_site.theme import welsh_search_index

QUERIES_FILE = ROOT / "bench" / "welsh-search.yml"
RESULTS_FILE = ROOT / "bench" / "results.json"
README = ROOT / "README.md"
README_START = "<!-- bench:welsh-search:start -->"
README_END = "<!-- bench:welsh-search:end -->"
FIRST = 5
SEARCH_BOX = "[data-md-component=search-query]"

# In the page: a search worker (the page's own `Worker`, so behind our script
# where the page has it), set up with the index as Material sets it up, then
# asked each query in turn; for each, the pages listed, best first.
SEARCH_EACH = """async ({workerUrl, index, queries}) => {
  const worker = new Worker(workerUrl);
  const replies = [];
  let wake = () => {};
  worker.addEventListener("message", event => { replies.push(event.data); wake(); });
  const reply = () => new Promise(resolve => {
    const check = () => { if (replies.length) resolve(replies.shift()); else wake = check; };
    check();
  });
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  await reply();
  const pages = [];
  const start = performance.now();
  for (const query of queries) {
    worker.postMessage({type: 2, data: query});
    const {data} = await reply();
    pages.push(data.items.map(group => group[0].location.split("#")[0]));
  }
  const milliseconds = performance.now() - start;
  if (worker.terminate) worker.terminate();
  return {pages, milliseconds};
}"""


@dataclass(frozen=True)
class Query:
    query: str
    form: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class QuerySet:
    queries: tuple[Query, ...]
    english: tuple[str, ...]
    recall_target: float
    extra_bytes_target: float


def load(path: Path = QUERIES_FILE) -> QuerySet:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = tuple(Query(str(q["query"]), str(q["form"]), tuple(map(str, q["expect"]))) for q in data["queries"])
    return QuerySet(
        queries=queries,
        english=tuple(map(str, data["english"])),
        recall_target=float(data["targets"]["recall_at_5"]),
        extra_bytes_target=float(data["targets"]["extra_search_bytes"]),
    )


def recall_at(listed: list[str], expected: tuple[str, ...], k: int = FIRST) -> float:
    """Of the expected pages (at most k of them count), the share among the first k listed."""
    return len(set(listed[:k]) & set(expected)) / min(len(expected), k)


def precision_at(listed: list[str], expected: tuple[str, ...], k: int = FIRST) -> float:
    """Of the first k places, the share holding an expected page (k places, whether filled or not)."""
    return len(set(listed[:k]) & set(expected)) / k


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def without_welsh_search(index: dict) -> dict:
    """The index as Material wrote it: the build only adds the Welsh search settings."""
    config = {key: value for key, value in index["config"].items() if key != welsh_search_index.SETTINGS}
    return {**index, "config": config}


TAG = re.compile(r"<[^>]*>")
EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # what lunr's trimmer takes off, letters of any script kept
RADICAL_FIELD = "radicals"


def section_words(doc: dict, separator: str) -> list[str]:
    text = html.unescape(TAG.sub(" ", f"{doc['title']} {doc['text']}"))
    words = (EDGES.sub("", token.lower()) for token in re.split(separator, text))
    return [word for word in words if any(character.isalpha() for character in word)]


def radical_field(words: list[str]) -> str:
    """The radical candidates of a section's words, each once, leaving out stop words and words it has."""
    present = set(words)
    candidates = (c for word in words if word not in STOP_WORDS for c in radical_candidates(word))
    return " ".join(c for c in dict.fromkeys(candidates) if c not in present)


def with_radical_field(index: dict) -> dict:
    """The index-time alternative: Material's index with each section's radical candidates in a field
    of its own (searched, not shown), and settings that make the query ask only for its own radicals."""
    material = without_welsh_search(index)
    config = material["config"]
    docs = []
    for doc in material["docs"]:
        field = radical_field(section_words(doc, config["separator"]))
        docs.append({**doc, RADICAL_FIELD: field} if field else doc)
    settings = {**welsh_search_index.search_settings(), "mutated_prefixes": {}}
    fields = {**config["fields"], RADICAL_FIELD: {"boost": 1.0}}
    return {**material, "config": {**config, "fields": fields, welsh_search_index.SETTINGS: settings}, "docs": docs}


def serialized(index: dict) -> bytes:
    return json.dumps(index, separators=(",", ":")).encode("utf-8")


def worker_file(site: Path) -> Path:
    return next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))


def timed_search(page, url: str, worker_url: str, index: dict, queries, behind_our_script: bool) -> dict:
    """{"pages": the pages listed for each query, best first; "milliseconds": all the queries took}."""
    page.goto(url)
    if behind_our_script:
        page.locator(SEARCH_BOX).focus()  # search is wanted: material-on-demand.js lets the worker start
    return page.evaluate(SEARCH_EACH, {"workerUrl": worker_url, "index": index, "queries": list(queries)})


def search_each(page, url: str, worker_url: str, index: dict, queries, behind_our_script: bool) -> list[list[str]]:
    return timed_search(page, url, worker_url, index, queries, behind_our_script)["pages"]


def run_queries(site: Path, site_url: str, query_set: QuerySet) -> dict:
    """Pages listed for every query, before and after, in Welsh and in English."""
    from playwright.sync_api import sync_playwright

    worker_url = site_url + worker_file(site).relative_to(site).as_posix()
    welsh = json.loads((site / "cy" / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    welsh_queries = [q.query for q in query_set.queries]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        page = browser.new_context().new_page()
        # A page of the site without our script or Material's: the browser's own Worker.
        plain = site_url + "search/search_index.json"
        searches = {
            "cy_before": timed_search(page, plain, worker_url, without_welsh_search(welsh), welsh_queries, False),
            "en_before": timed_search(page, plain, worker_url, english, query_set.english, False),
            "cy_after": timed_search(page, site_url + "cy/", worker_url, welsh, welsh_queries, True),
            "cy_index_time": timed_search(
                page, site_url + "cy/", worker_url, with_radical_field(welsh), welsh_queries, True
            ),
            "en_after": timed_search(page, site_url, worker_url, english, query_set.english, True),
        }
        browser.close()
    listed = {name: search["pages"] for name, search in searches.items()}
    listed["ms_per_query"] = {name: search["milliseconds"] / len(search["pages"]) for name, search in searches.items()}
    return listed


def search_bytes(site: Path, index: dict) -> int:
    return gzip_size(worker_file(site).read_bytes()) + gzip_size(serialized(index))


def build_step_ms(step, index: dict) -> float:
    """CPU time of a build step that rewrites this index (and writes it out), best of five."""
    times = []
    for _ in range(5):
        start = time.process_time()
        serialized(step(without_welsh_search(index)))
        times.append((time.process_time() - start) * 1000)
    return min(times)


def scores(query_set: QuerySet, listed: list[list[str]], queries=None) -> dict:
    chosen = [(q, pages) for q, pages in zip(query_set.queries, listed) if queries is None or q in queries]
    return {
        "recall_at_5": mean(recall_at(pages, q.expect) for q, pages in chosen),
        "precision_at_5": mean(precision_at(pages, q.expect) for q, pages in chosen),
        "all_found": sum(recall_at(pages, q.expect) == 1 for q, pages in chosen),
        "queries": len(chosen),
    }


def measure(site: Path, site_url: str, query_set: QuerySet | None = None) -> dict:
    query_set = query_set or load()
    listed = run_queries(site, site_url, query_set)
    welsh = json.loads((site / "cy" / "search" / "search_index.json").read_text(encoding="utf-8"))
    before_bytes, after_bytes = search_bytes(site, without_welsh_search(welsh)), search_bytes(site, welsh)
    index_time = with_radical_field(welsh)
    forms = sorted({q.form for q in query_set.queries})
    return {
        "targets": {"recall_at_5": query_set.recall_target, "extra_search_bytes": query_set.extra_bytes_target},
        "before": scores(query_set, listed["cy_before"]),
        "after": scores(query_set, listed["cy_after"]),
        "by_form": {
            form: {
                when: scores(query_set, listed[f"cy_{when}"], {q for q in query_set.queries if q.form == form})
                for when in ("before", "after")
            }
            for form in forms
        },
        "precision_ceiling": mean(min(len(q.expect), FIRST) / FIRST for q in query_set.queries),
        "search_bytes": {"before": before_bytes, "after": after_bytes},
        "build_step_ms": build_step_ms(welsh_search_index.with_welsh_search, welsh),
        "index_time_alternative": {
            **scores(query_set, listed["cy_index_time"]),
            "search_bytes": search_bytes(site, index_time),
            "build_step_ms": build_step_ms(with_radical_field, welsh),
        },
        "ms_per_query": {"before": listed["ms_per_query"]["cy_before"], "after": listed["ms_per_query"]["cy_after"]},
        "english_unchanged": listed["en_before"] == listed["en_after"],
        "english_queries": len(query_set.english),
        "missed_after": [
            {**asdict(q), "listed": pages[:FIRST]}
            for q, pages in zip(query_set.queries, listed["cy_after"]) if recall_at(pages, q.expect) < 1
        ],
    }


def percent(value: float) -> str:
    return f"{value * 100:.1f} %"


def markdown(result: dict) -> str:
    before, after = result["before"], result["after"]
    extra = result["search_bytes"]["after"] / result["search_bytes"]["before"] - 1
    targets = result["targets"]
    rows = [
        ["recall@5", percent(before["recall_at_5"]), percent(after["recall_at_5"]),
         f"≥ {percent(targets['recall_at_5'])}: {'yes' if after['recall_at_5'] >= targets['recall_at_5'] else '**NO**'}"],
        ["precision@5 (ceiling " + percent(result["precision_ceiling"]) + ")", percent(before["precision_at_5"]),
         percent(after["precision_at_5"]), "–"],
        ["queries with every expected page in the first five", f"{before['all_found']} of {before['queries']}",
         f"{after['all_found']} of {after['queries']}", "–"],
        ["a search on a phone (worker + index, gzip) KB", f"{result['search_bytes']['before'] / 1024:.1f}",
         f"{result['search_bytes']['after'] / 1024:.1f}",
         f"+{percent(extra)}, ≤ +{percent(targets['extra_search_bytes'])}: "
         f"{'yes' if extra <= targets['extra_search_bytes'] else '**NO**'}"],
        ["time the worker takes to answer a query, ms (mean)", f"{result['ms_per_query']['before']:.1f}",
         f"{result['ms_per_query']['after']:.1f}", "–"],
    ]
    by_form = [
        [form, str(figures["after"]["queries"]), percent(figures["before"]["recall_at_5"]),
         percent(figures["after"]["recall_at_5"])]
        for form, figures in result["by_form"].items()
    ]
    alternative = result["index_time_alternative"]
    approaches = [
        ["Material alone (before)", percent(before["recall_at_5"]), percent(before["precision_at_5"]),
         f"{result['search_bytes']['before'] / 1024:.1f}", "–"],
        ["radical candidates in the index, query asks for its radicals", percent(alternative["recall_at_5"]),
         percent(alternative["precision_at_5"]), f"{alternative['search_bytes'] / 1024:.1f}",
         f"{alternative['build_step_ms']:.0f}"],
        ["**the query asks for every related form (the site)**", percent(after["recall_at_5"]),
         percent(after["precision_at_5"]), f"{result['search_bytes']['after'] / 1024:.1f}",
         f"{result['build_step_ms']:.0f}"],
    ]
    english = "the same pages in the same order" if result["english_unchanged"] else "**different results**"
    lines = [
        table(["Welsh search, " + str(after["queries"]) + " queries", "before", "after", "target"], rows),
        table(["form typed", "queries", "recall@5 before", "recall@5 after"], by_form),
        table(["approach", "recall@5", "precision@5", "a search, KB (gzip)", "build step, ms CPU"], approaches),
        f"English: {result['english_queries']} queries give {english} before and after. "
        f"Build: the Welsh search step takes {result['build_step_ms']:.1f} ms of CPU time.",
    ]
    if result["missed_after"]:
        lines.append("Queries still missing an expected page: " + "; ".join(
            f"`{miss['query']}` (expects {', '.join('/cy/' + page for page in miss['expect'])})"
            for miss in result["missed_after"]))
    return "\n\n".join(lines)


def replace_section(readme: str, body: str) -> str:
    start, end = readme.index(README_START), readme.index(README_END)
    return readme[:start] + f"{README_START}\n{body.strip()}\n" + readme[end:]


def record(result: dict) -> None:
    """Into bench/results.json (its `welsh_search`) and README.md's Search section."""
    results = json.loads(RESULTS_FILE.read_text(encoding="utf-8")) if RESULTS_FILE.exists() else {}
    results["welsh_search"] = result
    RESULTS_FILE.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    README.write_text(replace_section(README.read_text(encoding="utf-8"), markdown(result)), encoding="utf-8")


def main() -> None:
    from bench.build_cost import timed_build

    workdir = Path(tempfile.mkdtemp(prefix="bench-welsh-search-"))
    try:
        site = workdir / "site"
        print("building the site", file=sys.stderr, flush=True)
        timed_build(ROOT, site)
        with serving(site) as site_url:
            result = measure(site, site_url)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    record(result)
    print(markdown(result))


if __name__ == "__main__":
    main()
