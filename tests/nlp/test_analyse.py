"""The per-article entry point the build runs in worker processes, and the same rows for `extract --json`."""

import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from helpers import config
from helpers.build.schema import COLUMNS
from helpers.nlp.analyse import analyse_text, extract_article
from helpers.nlp.facts.registry import KINDS, list_name

from .facts.passages import LUOHE_LEAD, LUOHE_SYSTEM, YUNYANG_CLUSTERS, YUNYANG_LEADERS

# Hengyang 2022, first article (lead paragraph and the first two sentences that follow).
ARTICLE = (
    "虎年首个工作日，我市以视频会议方式召开市、县、乡“聚力中心化攻坚年”行动动员大会，"
    "释放大抓产业、抓大产业，大抓项目、抓大项目的强烈信号。市委书记秦国文出席并强调，"
    "全市上下要深入学习贯彻党的十九届六中全会精神和中央、省委经济工作会议精神。市委副书记、市长朱健主持会议。\n"
    "秦国文指出，项目要“聚力中心”高效推进，牢固树立“项目为王”的意识，以重大项目支撑高质量发展。"
    "要突出前瞻性、政策性和精准性，科学谋划项目，严格管理项目，全面推进重大项目建设“五制一平台”和"
    "重点项目（重点工作）专班推进工作机制，推行承诺考核制，严格实行政企合同审查。"
)


def as_rows(columns: dict[str, list]) -> list[dict]:
    return [dict(zip(columns, row)) for row in zip(*columns.values())]


@pytest.fixture(scope="module")
def columns():
    return analyse_text("hengyang-2022-02-07-three-articles-1", ARTICLE)


@pytest.fixture(scope="module")
def tables(columns):
    return {name: as_rows(values) for name, values in columns.items()}


def test_tables_are_the_columns_of_the_schema(columns):
    assert set(columns) == {"sentences", "tokens", "facts", "themes"}
    for name, values in columns.items():
        assert list(values) == [column for column, _, _ in COLUMNS[name]], name
        lengths = {len(column) for column in values.values()}
        assert len(lengths) == 1 and lengths.pop() > 0, name


def test_sentences_tile_the_text(tables):
    sentences = tables["sentences"]
    assert len(sentences) == 5
    assert all(ARTICLE[s["start"] : s["end"]] == s["text"] for s in sentences)


def test_facts_point_into_their_sentences(tables):
    by_id = {s["sentence_id"]: s for s in tables["sentences"]}
    for fact in tables["facts"]:
        sentence = by_id[fact["sentence_id"]]
        assert fact["text"] in sentence["text"]
        assert sentence["start"] <= fact["start"] < fact["end"] <= sentence["end"]
    assert [(f["kind"], f["text"], f["measure"]) for f in tables["facts"]] == [
        ("slogan", "聚力中心化攻坚年", "聚力中心化攻坚年"),
        ("official", "秦国文", "市委书记"),
        ("official", "朱健", "市委副书记、市长"),
        ("official", "秦国文", "市委书记"),  # every mention, with the post the article gives
        ("slogan", "项目为王", "项目为王"),
        ("slogan", "五制一平台", "五制一平台"),
    ]


def test_tokens_keep_official_names_and_slogans_whole(tables):
    tokens = [t["token"] for t in tables["tokens"]]
    assert tokens.count("秦国文") == 2 and "五制一平台" in tokens
    first = [t for t in tables["tokens"] if t["sentence_id"] == 1]
    assert [t["position"] for t in first] == list(range(len(first)))
    assert {t["token"] for t in tables["tokens"] if t["is_stopword"]} >= {"的", "和"}


def test_themes_are_coded_per_sentence(tables):
    codes = {(t["sentence_id"], t["dimension"], t["code"]) for t in tables["themes"]}
    assert (3, "theme", "major_projects") in codes
    assert (4, "instrument", "environment_regulation") in codes  # 承诺考核制, 五制一平台


def test_runs_in_worker_processes_with_the_same_result(columns):
    with ProcessPoolExecutor(max_workers=1) as pool:
        remote = pool.submit(analyse_text, "hengyang-2022-02-07-three-articles-1", ARTICLE).result()
    assert json.dumps(remote, ensure_ascii=False) == json.dumps(
        columns, ensure_ascii=False
    )  # NaN != NaN


def test_the_whole_corpus_gives_facts_inside_their_sentences(seed_articles):
    kinds = set()
    for article in seed_articles:
        tables = {
            name: as_rows(values)
            for name, values in analyse_text(article.article_id, article.text).items()
        }
        sentences = {s["sentence_id"]: s for s in tables["sentences"]}
        for fact in tables["facts"]:
            assert fact["text"] in sentences[fact["sentence_id"]]["text"]
            assert article.text[fact["start"] : fact["end"]] == fact["text"]
            kinds.add(fact["kind"])
    assert kinds == set(KINDS)


def test_extract_article_adds_the_fact_lists():
    record = {"article_id": "x-1", "title": "t", "text": YUNYANG_LEADERS + "\n" + YUNYANG_CLUSTERS}
    out = extract_article(record)
    assert out["article_id"] == "x-1" and out["text"] == record["text"]
    assert [key for key in out if key not in record] == [list_name(kind) for kind in KINDS] + [
        "themes",
        "sentences",
    ]
    # every fact can be read in its sentence
    sentences = {s["sentence_id"]: s for s in out["sentences"]}
    assert all(
        fact["text"] in sentences[fact["sentence_id"]]["text"]
        for kind in KINDS
        for fact in out[list_name(kind)]
    )
    assert list(out["sentences"][0]) == ["sentence_id", "start", "end", "text"]
    assert [c["detail"]["name"] for c in out["chains"]] == ["绿色消费品", "装备制造", "能源电子"]
    assert out["officials"][0] == {**out["officials"][0], "text": "张学锋", "measure": "县委书记"}
    assert out["slogans"] == [] and out["targets"] == []
    # 县委书记 is a post and 绿色消费品 a cluster's name: no Party leadership, green or consumption;
    # three clusters chosen (聚焦…三大产业集群) are the layout of industry: planning
    assert {t["code"] for t in out["themes"]} == {
        "industrial_chains",
        "parks_platforms",
        "environment_planning",
    }
    assert all(t["side"] is None for t in out["themes"] if t["dimension"] == "theme")
    json.dumps(out, ensure_ascii=False, allow_nan=False)  # JSON-ready: no NaN


def test_extract_article_gives_the_rows_the_build_writes():
    text = LUOHE_SYSTEM + "\n" + LUOHE_LEAD
    out = extract_article({"article_id": "luohe-1", "text": text})
    tables = analyse_text("luohe-1", text)
    assert [f["text"] for kind in KINDS for f in out[list_name(kind)]] == [
        t
        for kind in KINDS
        for k, t in zip(tables["facts"]["kind"], tables["facts"]["text"])
        if k == kind
    ]
    target = next(f for f in out["targets"] if f["text"] == "3000亿级")
    assert (target["value"], target["year"], target["figure_type"], target["detail"]) == (
        3e11,
        None,
        "target",
        {
            "stated": "3000亿级",
            "type": "target",
            "cue": "打造",
            "group": target["start"],
            "mentions": 1,
        },
    )
    assert [(t["sentence_id"], t["code"], t["cue"]) for t in out["themes"]] == list(
        zip(tables["themes"]["sentence_id"], tables["themes"]["code"], tables["themes"]["cue"])
    )


def test_extract_command_prints_one_json_array():
    path = config.RAW_DATA_DIR / "yunyang-2020-08-14-hundred-billion-industry-rally.txt"
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "extract", "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert {c["detail"]["name"] for c in article["chains"]} >= {
        "绿色消费品",
        "装备制造",
        "能源电子",
    }
    assert ("张学锋", "县委书记") in {(o["text"], o["measure"]) for o in article["officials"]}
    assert any(s["text"] == "1+5+42" for s in article["slogans"])
    assert any(t["text"] == "千亿" and t["value"] == 1e11 for t in article["targets"])
