"""Reports of a corpus past the size at which they stop listing every article: over twenty
localities generated from the seed articles (benchmarks/corpus.py), the per-article
sections become summaries, samples and top-N lists."""

import re

import pandas as pd
import pytest

from benchmarks.corpus import generate
from helpers import config
from helpers.analysis import quality
from helpers.analysis.similarity import ARTICLE_SAMPLE, HEATMAP_GROUPS, TOP_PAIRS
from helpers.build.pipeline import build
from helpers.report import export
from tests.conftest import copy_seed_raw
from tests.report.test_notebooks import assert_clean_run, execute, section

pytestmark = [pytest.mark.notebooks, pytest.mark.slow]

LOCALITIES = 24


@pytest.fixture(scope="module")
def large_project(tmp_path_factory):
    """The seed corpus and 40 generated files over LOCALITIES places, built."""
    root = tmp_path_factory.mktemp("large")
    raw = copy_seed_raw(root / "data" / "raw")
    generate(raw, articles=40, localities=LOCALITIES, seed=3)
    build(raw_dir=raw, out_dir=root / "data" / "processed", progress=False)
    return root


@pytest.fixture(scope="module")
def articles(large_project):
    path = large_project / "data" / "processed" / config.CURRENT_SET / "articles.parquet"
    return pd.read_parquet(path)


def test_the_generated_corpus_spreads_over_many_localities(articles):
    assert len(articles) > quality.LIST_ALL
    # the seed corpus's three places and the generated ones, each inferred from its text
    assert articles["locality"].nunique() >= 20


def shown_ids(text: str, articles: pd.DataFrame) -> set[str]:
    return {a for a in articles["article_id"] if re.search(rf"{re.escape(a)}(?!\d)", text)}


def test_data_quality_summarizes_and_details_flagged_articles_only(
    large_project, articles, tmp_path
):
    notebook, page = execute("00_data_quality", tmp_path, root=large_project)
    assert_clean_run(notebook)
    steps = export.visible_text(section(page, "Changes per step and article"))
    assert "articles changed" in steps and "most in one article" in steps
    openings = export.visible_text(section(page, "Raw and cleaned").split("Traditional →")[0])
    assert 0 < len(shown_ids(openings, articles)) <= quality.DETAIL_ROWS
    assert len(shown_ids(export.visible_text(page), articles)) < len(articles)
    files = export.visible_text(section(page, "Files and the articles they were split into"))
    assert all(place in files for place in articles["locality"].unique())  # a row per locality
    human = export.visible_text(section(page, "Left for a human"))
    assert "no-date-found" in human  # the count of each kind of flag


def test_comparison_samples_articles_and_lists_the_closest_localities(
    large_project, articles, tmp_path
):
    notebook, page = execute("30_compare_localities", tmp_path, root=large_project)
    assert_clean_run(notebook)
    drawn = section(page, "Similarity").split("Chains aligned by sector")[0]
    similar = export.visible_text(drawn)
    assert f"{ARTICLE_SAMPLE} of the {len(articles)} articles" in similar
    assert f"{HEATMAP_GROUPS} of the {articles['locality'].nunique()} localities" in similar
    assert "cosine" in similar
    assert len(drawn.encode("utf-8")) < 1_000_000  # two heatmaps of bounded size and a table
    # what grew with the localities (or their square) is drawn for the largest, or top-N
    total = articles["locality"].nunique()
    shown = export.visible_text(page)
    assert f"The charts draw the {HEATMAP_GROUPS} of the {total} localities" in shown
    vocabulary = export.visible_text(section(page, "Distinctive vocabulary"))
    assert f"Pairwise: the {TOP_PAIRS} pairs of the {total} localities most alike" in vocabulary
    assert "chains found in most localities (of" in shown


def test_overview_lists_localities_and_the_longest_articles(large_project, articles, tmp_path):
    notebook, page = execute("10_corpus_overview", tmp_path, root=large_project)
    assert_clean_run(notebook)
    lengths = export.visible_text(section(page, "Lengths"))
    assert f"{quality.DETAIL_ROWS} longest of the {len(articles)} articles" in lengths
    assert len(shown_ids(lengths, articles)) == quality.DETAIL_ROWS
