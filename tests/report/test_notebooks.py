"""The notebooks: committed clean, one literal parameters cell, and every one runs with its
defaults and shows what its report must contain (assertions read the exported page)."""

import ast
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers import config
from helpers.analysis import facts, sectors
from helpers.build import pipeline, tables
from helpers.nlp import coding_eval
from helpers.report import export, runner
from helpers.report.index import SUMMARY_TAG, notebook_summary
from helpers.report.listing import read_report_list
from helpers.report.stamps import BUILD_DIRNAME, read_stamp
from tests.conftest import SEED_REPORTS

pytestmark = pytest.mark.notebooks

NOTEBOOKS = sorted(config.NOTEBOOKS_DIR.glob("*.ipynb"))
LOCALITIES = ["衡阳市", "云阳县", "漯河市"]
PROFILES = {
    "衡阳市": "20_locality_profile_hengyang",
    "云阳县": "20_locality_profile_yunyang",
    "漯河市": "20_locality_profile_luohe",
}
# Listed reports are built by the runner into one folder shared by the test processes (and by
# the browser tests): each is built once and reused while its inputs are unchanged.
SHARED_REPORTS = (
    Path(tempfile.gettempdir())
    / f"helpers-tests-{os.getuid()}"
    / hashlib.sha256(str(config.PROJ_ROOT).encode()).hexdigest()[:12]
    / "reports"
)


def read(path: Path):
    return nbformat.read(path, as_version=4)


def tagged(notebook, tag: str) -> list[int]:
    return [i for i, cell in enumerate(notebook.cells) if tag in cell.metadata.get("tags", [])]


# -- how the notebooks are committed -----------------------------------------------------------


def test_every_report_of_the_seed_corpus_has_a_content_test(processed):
    assert set(SEED_REPORTS) <= {r.name for r in read_report_list()}
    assert set(PROFILES.values()) <= set(SEED_REPORTS)


def test_there_are_the_six_phases():
    assert [p.stem for p in NOTEBOOKS] == [
        "00_data_quality",
        "10_corpus_overview",
        "20_locality_profile",
        "30_compare_localities",
        "40_locality_over_time",
        "50_term_explorer",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_kernel_and_autoreload(path):
    notebook = read(path)
    assert notebook.metadata.kernelspec.name == "python3"
    first_code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert first_code.source.startswith("%load_ext autoreload\n%autoreload 2")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_parameters_cell_of_literals(path):
    notebook = read(path)
    (index,) = tagged(notebook, "parameters")
    statements = ast.parse(notebook.cells[index].source).body
    assert statements
    for statement in statements:
        assert isinstance(statement, ast.Assign), ast.dump(statement)
        ast.literal_eval(statement.value)  # a literal: never computed from another parameter
    assert "# " in notebook.cells[index].source  # each parameter says what it is


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_reads_processed_tables_only_and_has_a_summary(path):
    notebook = read(path)
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "tables.load()" in source
    for forbidden in (
        "jieba",
        "helpers.nlp.segment",
        "import segment",
        "read_parquet",
        "data/raw",
        "load_corpus",
        "sys.path",
    ):
        assert forbidden not in source, forbidden
    (index,) = tagged(notebook, SUMMARY_TAG)
    assert "display.summary(" in notebook.cells[index].source


# -- running them ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def processed():
    """The processed tables of the real corpus (built first if missing or stale)."""
    pipeline.ensure_processed_data(progress=False)
    return tables.load()


@contextmanager
def project_root(root: Path | None):
    """Point the kernel (which inherits the environment) at another project folder."""
    saved = os.environ.get("HELPERS_PROJECT_ROOT")
    if root is not None:
        os.environ["HELPERS_PROJECT_ROOT"] = str(root)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("HELPERS_PROJECT_ROOT", None)
        else:
            os.environ["HELPERS_PROJECT_ROOT"] = saved


def execute(name: str, out_dir: Path, root: Path | None = None, **parameters):
    """Execute a notebook as the runner does; return it and its exported page."""
    import papermill

    out = out_dir / f"{name}.ipynb"
    with project_root(root):
        papermill.execute_notebook(
            str(config.NOTEBOOKS_DIR / f"{name}.ipynb"),
            str(out),
            parameters=parameters,
            cwd=str(config.NOTEBOOKS_DIR),
            **runner.PAPERMILL_OPTIONS,
        )
    notebook = read(out)
    page = export.notebook_page(notebook, export.PageInfo(title=name, parameters=parameters))
    return notebook, page


def built_report(name: str):
    """A listed report built by the runner: its executed notebook and its page."""
    pipeline.ensure_processed_data(progress=False)
    report = next(r for r in read_report_list() if r.name == name)
    SHARED_REPORTS.mkdir(parents=True, exist_ok=True)
    with open(SHARED_REPORTS / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other test process may be building it right now
        failures = runner.run_reports([report], reports_dir=SHARED_REPORTS, jobs=1, progress=False)
        assert failures == [], read_stamp(SHARED_REPORTS, name).get("error")
        notebook = read(SHARED_REPORTS / BUILD_DIRNAME / f"{name}.ipynb")
        return notebook, (SHARED_REPORTS / f"{name}.html").read_text(encoding="utf-8")


def section(page: str, heading: str) -> str:
    """The page from the section ``heading`` on (its heading, not its entry in the contents)."""
    return re.sub(r'<nav class="report-toc">.*?</nav>', "", page, flags=re.DOTALL).split(
        heading, 1
    )[1]


def streams(notebook, name: str) -> str:
    return "".join(
        o.get("text", "")
        for cell in notebook.cells
        for o in cell.get("outputs", [])
        if o.output_type == "stream" and o.name == name
    )


def assert_clean_run(notebook) -> None:
    """No error output and no matplotlib warning about glyphs missing from the font."""
    errors = [
        o for cell in notebook.cells for o in cell.get("outputs", []) if o.output_type == "error"
    ]
    assert not errors, errors[0]["evalue"] if errors else ""
    stderr = streams(notebook, "stderr")
    assert "Glyph" not in stderr and "missing from font" not in stderr, stderr[:500]


def has_image(notebook) -> bool:
    return any(
        "image/png" in o.get("data", {}) for cell in notebook.cells for o in cell.get("outputs", [])
    )


def summary_of(notebook) -> str:
    return notebook_summary(notebook)


# -- a bad parameter stops the notebook before it computes anything ----------------------------

# One bad value per notebook, and the error its parameter check raises ({localities}: the
# localities of the corpus); helpers.report.params words the message (tests/test_params.py).
BAD_PARAMETERS = [
    (
        "00_data_quality",
        {"examples_per_step": 0},
        "examples_per_step must be a positive integer, not 0",
    ),
    (
        "10_corpus_overview",
        {"top_officials": True},
        "top_officials must be a positive integer, not True",
    ),
    (
        "20_locality_profile",
        {"locality": "北京市"},
        "locality must be one of {localities}, not '北京市'",
    ),
    (
        "30_compare_localities",
        {"localities": ["衡阳市"]},
        "localities must be a list of 2 or more of {localities}, not ['衡阳市']",
    ),
    (
        "40_locality_over_time",
        {"locality": "云阳县"},
        "locality must be one of the localities with articles from two or more years (['衡阳市']), not '云阳县'",
    ),
    (
        "50_term_explorer",
        {"include_compounds": "no"},
        "include_compounds must be True or False, not 'no'",
    ),
    (
        "50_term_explorer",
        {"term": "不存在的词语"},
        "'不存在的词语' does not occur in the corpus (segmented tokens)",
    ),
]


@pytest.mark.parametrize(
    "name,parameters,message",
    BAD_PARAMETERS,
    ids=[f"{name}-{next(iter(parameters))}" for name, parameters, _ in BAD_PARAMETERS],
)
def test_a_bad_parameter_stops_the_notebook_with_a_clear_message(
    processed, tmp_path, name, parameters, message
):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError) as error:
        execute(name, tmp_path, **parameters)
    assert (error.value.ename, error.value.evalue) == (
        "ValueError",
        message.format(localities=processed.localities()),
    )


def test_00_data_quality(processed):
    notebook, page = built_report("00_data_quality")
    assert_clean_run(notebook)
    text = export.visible_text(page)
    assert summary_of(notebook).startswith(
        f"{len(processed.articles)} articles from {processed.articles['source'].nunique()} files"
    )
    for article_id in processed.articles["article_id"]:
        assert article_id in text
    log = processed.cleaning_log
    for step in log[log["changes"] > 0]["step"].unique():
        assert step in text, step
    assert "→" in text and has_image(notebook)
    errata = facts.errata_table(log)  # each erratum applied, with the evidence for its repair
    assert len(errata) == int(log.loc[log["step"] == "errata", "changes"].sum()) > 0
    for erratum in errata.itertuples():
        assert erratum.garbled in text and erratum.repair in text and erratum.evidence
        assert erratum.evidence[:40] in text
    openings = export.visible_text(section(page, "Raw and cleaned"))
    for article in processed.articles.itertuples():  # the cleaned opening beside the raw one
        assert article.text.split("\n")[0][:30] in openings, article.article_id
    assert "欄目導航" in openings  # a portal menu the cleaning removed, as the raw file has it
    coding = export.visible_text(section(page, "How far the theme and instrument coding"))
    validation = coding_eval.evaluate()
    for split, figures in validation.items():  # each split's per-code table, computed
        assert f"{split} split" in coding
        for row in figures["per_code"].itertuples():
            assert row.code in coding
    assert "under 80%" in coding and "investment" in coding
    flagged = [code for code in coding_eval.trust()["code"] if coding_eval.warning(code)]
    assert all(coding_eval.warning(code) in coding for code in flagged)


def test_10_corpus_overview(processed):
    notebook, page = built_report("10_corpus_overview")
    assert_clean_run(notebook)
    text = export.visible_text(page)
    counts = processed.articles["locality"].value_counts()
    for locality, n in counts.items():
        assert f"{locality} {n}" in summary_of(notebook)
    for outlet in processed.articles["outlet"].unique():
        assert outlet in text
    assert "秦国文" in text and "市委书记" in text  # an official with the role the text gives
    assert "Qin Guowen" in text and "Deng Qunce" in text  # names in pinyin for a colleague
    assert "every mention of the name" in text and "in titles" in text
    assert "municipal Party secretary" in text  # and their posts in English
    headers = {export.visible_text(h).strip() for h in re.findall(r"<th[^>]*>.*?</th>", page)}
    assert {"title (English)", "outlet (English)", "pinyin", "role (English)"} <= headers
    assert "Hengyang evening newspaper" in text  # 衡阳晚报, an outlet
    for reporter in processed.articles["reporters"].explode().dropna().unique():
        assert reporter in text, reporter
    assert has_image(notebook)


@pytest.mark.parametrize("locality", LOCALITIES)
def test_20_locality_profile_names_its_chains_and_slogans(processed, locality):
    notebook, page = built_report(PROFILES[locality])
    assert_clean_run(notebook)
    text = export.visible_text(page)
    ours = processed.facts[
        processed.facts["article_id"].isin(
            processed.articles.loc[processed.articles["locality"] == locality, "article_id"]
        )
    ]
    chains = [json.loads(d)["name"] for d in ours.loc[ours["kind"] == "chain", "detail"]]
    slogans = ours.loc[ours["kind"] == "slogan", "text"].unique()
    assert chains and len(slogans)
    missing = [name for name in [*chains, *slogans] if name not in text]
    assert not missing
    distinct = len(set(chains))  # a name repeated across lists or mentions counts once
    assert summary_of(notebook).startswith(f"{locality}: ")
    assert f"{distinct} distinct chains/clusters named" in summary_of(notebook)
    assert f"names {distinct} distinct industrial chains or clusters" in text
    goals = ours[(ours["kind"] == "target") & (ours["figure_type"] == "target")]
    headline = text.split("its goals, one per metric and year: ", 1)[1].split(
        " of results or plans"
    )[0]
    if goals.empty:
        assert headline.startswith("none stated")
    else:  # the largest goal is named; a result (衡阳's 2021 GDP) never stands in for a goal
        assert goals.loc[goals["value"].idxmax(), "text"] in headline
    results = ours[(ours["kind"] == "target") & (ours["figure_type"] != "target")]
    assert not any(f" {figure} " in headline for figure in results["text"])
    assert "Theme profile" in text and "Distinctive terms" in text and "Evidence" in text
    assert has_image(notebook)


def test_30_compare_shows_all_three_localities(processed):
    notebook, page = built_report("30_compare_localities")
    assert_clean_run(notebook)
    text = export.visible_text(page)
    summary = summary_of(notebook)
    assert all(locality in summary for locality in LOCALITIES)
    strategy = section(page, "Strategy side by side")
    assert all(locality in export.visible_text(strategy) for locality in LOCALITIES)
    shown = export.visible_text(strategy.split("Build details", 1)[0])
    # results (衡阳's 2021 GDP, 8.1% growth) are not goals: the goals row holds goals only
    assert "3840亿元" not in shown and "8.1%" not in shown and "千亿" in shown
    written = section(page, "Synthesis").split('id="Theme-rates"', 1)[0]
    links = [a for a in re.findall(r'href="#([^"]+)"', written) if a != "Synthesis"]
    assert 5 <= len(links) <= 8  # one per statement, each to a section of this page
    assert all(f'id="{anchor}"' in page for anchor in links)
    # the places said to share sectors: Hengyang and Luohe among them (more if articles of
    # other places were added)
    sharing = re.findall(
        r"((?:[A-Z][\w-]*,? )+and [A-Z][\w-]*) (?:both|each) name chains in",
        export.visible_text(written),
    )
    assert any({"Hengyang", "Luohe"} <= set(re.findall(r"[A-Z][\w-]*", s)) for s in sharing), (
        sharing
    )
    by_sector = export.visible_text(section(page, "Chains aligned by sector"))
    located = processed.facts.merge(processed.articles[["article_id", "locality"]], on="article_id")
    mapped = sectors.chain_sectors(located[located["kind"] == "chain"])
    pair = ["衡阳市", "漯河市"]
    shared = sectors.shared_sectors(sectors.sector_matrix(mapped, pair), pair)
    assert {"SEI-1", "SEI-4", "SV-LOG"} <= set(shared.index)
    for english in shared["English"]:
        assert english in by_sector
    for written in ("电子信息产业链", "现代物流业", "生物医药和高性能医疗器械"):
        assert written in by_sector
    formulas = export.visible_text(section(page, "Shared formulas"))
    assert "项目为王" in formulas.split("Slogans and chain names", 1)[0]
    instruments = export.visible_text(
        section(page, "Policy instruments").split("Distinctive vocabulary", 1)[0]
    )
    assert all(
        side in instruments for side in ("supply", "environment", "demand")
    )  # instruments.csv's side
    assert "investment promotion (% of instrument-coded sentences)" in instruments  # apart
    flagged = [code for code in coding_eval.trust()["code"] if coding_eval.warning(code)]
    if flagged:
        assert "⚠ marks a code" in instruments or "⚠ marks a code" in text
    for slogan in ("三高四新", "1+8+N", "1+5+42"):
        assert slogan in text
    slogans = processed.facts[processed.facts["kind"] == "slogan"].merge(
        processed.articles[["article_id", "locality"]], on="article_id"
    )
    places = slogans.groupby("text")["locality"].nunique()
    assert "十四五" not in places.index  # a plan period, not a slogan: it once made the summary
    assert f"shared by two or more: {'、'.join(places[places > 1].index) or 'none'}" in summary
    assert (
        sum("image/png" in o.get("data", {}) for c in notebook.cells for o in c.get("outputs", []))
        >= 5
    )


def test_40_locality_over_time(processed):
    notebook, page = built_report("40_locality_over_time_hengyang")
    assert_clean_run(notebook)
    text = export.visible_text(page)
    assert summary_of(notebook).startswith("衡阳市 2020 → 2022 → 2024")
    assert "recurring slogans: 三高四新" in summary_of(notebook)
    for status in ("only 2020", "from 2022", "only 2024", "in 2020, 2024"):
        assert status in text, status


@pytest.mark.parametrize(
    "term,name", [("产业链", "50_term_explorer_chain"), ("招商", "50_term_explorer_investment")]
)
def test_50_term_explorer(processed, term, name):
    notebook, page = built_report(name)
    assert_clean_run(notebook)
    forms = {t for t in processed.tokens["token"].unique() if term in t}
    occurrences = int(processed.tokens["token"].isin(forms).sum())
    assert summary_of(notebook).startswith(f"{term} (")
    assert f": {occurrences} occurrences" in summary_of(notebook)
    # one concordance line per sentence holding the term, however often it repeats it there
    hits = processed.tokens[processed.tokens["token"].isin(forms)]
    sentences = hits[["article_id", "sentence_id"]].drop_duplicates().shape[0]
    text = export.visible_text(page)
    assert f"of {sentences} sentences shown ({occurrences} occurrences)" in text
    assert page.count("<mark>") == min(40, sentences)
    assert f"of the {len(processed.articles)} articles. Gries' DP over the articles: " in text
    assert "Juilland's D: " in text
    # a locality of one article is never the place where the term is "most frequent"
    said = summary_of(notebook)
    counts = processed.articles["locality"].value_counts()
    for place in counts[counts == 1].index:
        assert f"most frequent in {place}" not in said
        assert place in said.split("too thin to rank: ")[1]
    assert has_image(notebook)


# -- an article carrying markup, from raw file to page -----------------------------------------

TITLE = '衡阳市召开招商大会<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
ATTACK = f"""{TITLE}

衡阳晚报讯 2022年2月7日，衡阳市召开招商引资大会。会议强调，要抓好产业链建设<script>window.__xss=3</script>，推动招商工作。
"""


@pytest.fixture(scope="module")
def attacked_project(tmp_path_factory):
    """A copy of the corpus plus one article holding HTML, built into processed tables."""
    from helpers.build.pipeline import build

    root = tmp_path_factory.mktemp("attacked")
    raw = root / "data" / "raw"
    shutil.copytree(config.RAW_DATA_DIR, raw)
    for path in raw.iterdir():
        path.chmod(0o644)
    (raw / "xss-2022-02-07-attack.txt").write_text(ATTACK, encoding="utf-8")
    build(raw_dir=raw, out_dir=root / "data" / "processed", progress=False)
    return root


def test_an_article_holding_markup_is_shown_as_text_and_runs_nothing(attacked_project, tmp_path):
    from tests.report.test_html import assert_inert

    articles = pd.read_parquet(
        attacked_project / "data" / "processed" / config.CURRENT_SET / "articles.parquet"
    )
    title = articles.loc[articles["source"] == "xss-2022-02-07-attack.txt", "title"].iloc[0]
    assert "<script>window.__xss=1</script><img src=x onerror=" in title  # the cleaning kept it
    # the profile lists the titles of the locality's articles
    notebook, page = execute(
        "20_locality_profile", tmp_path, root=attacked_project, locality="衡阳市"
    )
    assert_clean_run(notebook)
    assert_inert(page)
    assert title in export.visible_text(page)


@pytest.mark.parametrize("name", SEED_REPORTS)
def test_every_page_has_a_table_of_contents_a_link_to_the_index_and_no_scientific_notation(
    processed, name
):
    _, page = built_report(name)
    assert '<nav class="report-toc">' in page and '<a href="index.html">' in page
    assert not re.search(r"\d\.?\d*e[+-]\d\d", export.visible_text(page)), name
    assert not re.search(
        r"<table[^>]*>\s*<thead>.*?</thead>\s*<tbody>\s*</tbody>", page, re.DOTALL
    ), name


RAW_COLUMNS = ("ci_low", "ci_high", "freq_target", "freq_reference", "g2", "log_dice", "t_score")


@pytest.mark.parametrize("name", SEED_REPORTS)
def test_tables_read_without_help(processed, name):
    """No gloss cut with "…", no raw column name, long tables searchable by the page's script."""
    _, page = built_report(name)
    text = export.visible_text(page)
    assert not re.search(r"[A-Za-z,)]…", text), name
    headers = {export.visible_text(h).strip() for h in re.findall(r"<th[^>]*>.*?</th>", page, re.S)}
    assert not headers & set(RAW_COLUMNS), name
    if re.search(r"<table [^>]*class=\"[^\"]*interactive", page):
        assert f"<script>{export.TABLE_SCRIPT}</script>" in page


@pytest.mark.parametrize("name", SEED_REPORTS)
def test_no_missing_value_is_shown_as_a_placeholder(processed, name):
    _, page = built_report(name)
    text = export.visible_text(page)
    assert "<NA>" not in text and not re.search(r"\b(?:nan|NaN|None)\b", text), name


# -- an article without a date ------------------------------------------------------------------

UNDATED = """衡阳市召开产业链推进会
会议强调，全市要把产业链建设作为头等大事，紧盯链主企业，大力推进全产业链招商，推动产业链高质量发展。
会议要求，各产业链要强化要素保障，加快重点项目建设，确保产业链建设取得新成效。
"""


@pytest.fixture(scope="module")
def undated_project(tmp_path_factory):
    """The corpus plus one Hengyang article that states no date anywhere."""
    root = tmp_path_factory.mktemp("undated")
    raw = root / "data" / "raw"
    shutil.copytree(config.RAW_DATA_DIR, raw)
    (raw / "hengyang-chain-meeting.txt").write_text(UNDATED, encoding="utf-8")
    pipeline.build(raw_dir=raw, out_dir=root / "data" / "processed", progress=False)
    return root


def test_an_undated_article_is_shown_and_counted_as_undated(undated_project, tmp_path):
    articles = tables.load(undated_project / "data" / "processed").articles
    assert str(articles["year"].dtype) == "Int64" and articles["year"].isna().sum() == 1
    notebook, page = execute(
        "40_locality_over_time", tmp_path, root=undated_project, locality="衡阳市"
    )
    assert_clean_run(notebook)
    assert summary_of(notebook).startswith("衡阳市 2020 → 2022 → 2024 → undated: 6 articles")
    text = export.visible_text(page)
    assert not re.search(r"\b20\d\d\.0\b|\bnan\b|<NA>", text)
    theme_table = next(
        o["data"]["text/html"]
        for cell in notebook.cells
        for o in cell.get("outputs", [])
        if "text/html" in o.get("data", {})
        and "Industrial chains" in o["data"]["text/html"]
        and "undated" in o["data"]["text/html"]
    )
    assert theme_table  # the undated article's themes are counted under "undated"
    notebook, _ = execute("10_corpus_overview", tmp_path, root=undated_project)
    assert "2020–2024, undated" in summary_of(notebook)
