"""The cleaned corpus as a whole, its audit and cleaning log, and ``python -m helpers clean``."""

import dataclasses
import json
import re
import subprocess
import sys

import hanzidentifier
import pytest

from helpers import config
from helpers.build.core import process_files
from helpers.build.schema import COLUMNS
from helpers.clean.articles import Article, load_file, suspicious_runs
from helpers.clean.glosses import find_pinyin_glosses
from helpers.clean.sources import Sources, load_sources
from helpers.cli import main
from tests.conftest import SEED_CHECKSUMS, copy_seed_raw, seed_paths

RAW = config.RAW_DATA_DIR
ANY_GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü' ]+[)）]")  # independent of zhon
BOILERPLATE_WORDS = [
    "新闻资讯",
    "栏目导航",
    "推荐新闻",
    "当前页面",
    "首页",
    "E-MAIL",
    "TEL",
    "地 址",
    "附件下载",
    "责任编辑",
    "分享到",
    "发布:",
    "发布：",
    "记者",
    "衡阳晚报讯",
    "云阳网讯",
]


def clean_all(raw_dir=None, sources: Sources | None = None) -> list[Article]:
    """The articles of a raw folder (by default, of the seed files)."""
    paths = seed_paths() if raw_dir is None else config.raw_article_paths(raw_dir)
    return [article for path in paths for article in load_file(path, sources)]


@pytest.fixture(scope="module")
def articles(seed_articles):
    return {article.article_id: article for article in seed_articles}


def test_every_file_yields_its_articles(articles):
    assert list(articles) == [
        "hengyang-2020-09-29-industrial-chain-rally-1",
        "hengyang-2022-02-07-three-articles-1",
        "hengyang-2022-02-07-three-articles-2",
        "hengyang-2022-02-07-three-articles-3",
        "hengyang-2024-industrial-chain-commentary-1",
        "luohe-2020-09-02-key-projects-review-1",
        "yunyang-2020-08-14-hundred-billion-industry-rally-1",
    ]


def test_the_2022_file_yields_three_articles_with_their_own_titles(articles):
    parts = [a for a in articles.values() if a.source == "hengyang-2022-02-07-three-articles.txt"]
    assert [(a.part, a.title) for a in parts] == [
        # a kicker joined to its headline, the subtitles after a space
        (
            1,
            "秦国文在衡阳市“聚力中心化攻坚年”行动动员大会上强调——“聚力中心”科学布局产业 高效推进项目 做大做强园区 朱健主持",
        ),
        (
            2,
            "坚持稳字当头稳中求进 统筹推进经济社会发展各项任务 市政府 2022 年第一次全会召开 朱健出席并讲话",
        ),
        (3, "推动有效市场和有为政府更好结合 引领新时代民营经济实现新飞跃 我市召开民营企业座谈会"),
    ]
    assert [a.reporters for a in parts] == [["陈润"], ["罗文鹏"], ["罗文鹏"]]
    assert parts[0].text.split("\n")[1].startswith("虎年首个工作日")
    assert parts[1].text.split("\n")[1].startswith("2月7日下午，市政府2022年第一次全会召开")
    assert parts[2].text.split("\n")[1].startswith("2月7日新春上班第一天")


def test_no_pinyin_gloss_survives(articles):
    for article in articles.values():
        for text in (article.text, article.text_original, article.title):
            assert find_pinyin_glosses(text) == [], article.article_id
            assert ANY_GLOSS.findall(text) == [], article.article_id


def test_no_mojibake_survives(articles):
    for article in articles.values():
        assert "?" not in article.text and "\ufffd" not in article.text, article.article_id
        assert suspicious_runs(article.text_original) == [], article.article_id


def test_text_is_simplified_and_text_original_keeps_its_script(articles):
    for article in articles.values():
        traditional = {
            c
            for c in article.text + article.title
            if hanzidentifier.identify(c) == hanzidentifier.TRADITIONAL
        }
        assert traditional == set(), article.article_id
    assert "產業鏈" in articles["hengyang-2020-09-29-industrial-chain-rally-1"].text_original
    assert "產業鏈" in articles["luohe-2020-09-02-key-projects-review-1"].text_original


def test_the_four_errata_are_applied(articles):
    hengyang_2020 = articles["hengyang-2020-09-29-industrial-chain-rally-1"]
    hengyang_2024 = articles["hengyang-2024-industrial-chain-commentary-1"]
    assert "落实“六保”任务的必然要求" in hengyang_2020.text
    assert "营商环境建设。”邓群策强调" in hengyang_2020.text
    assert "落實“六保”任務" in hengyang_2020.text_original
    assert "不断强化链式思维、链条理念" in hengyang_2024.text
    assert "衡阳以链式发展激活了产业" in hengyang_2024.text


def test_no_portal_menus_footers_or_credits_remain(articles):
    for article in articles.values():
        for word in BOILERPLATE_WORDS:
            assert word not in article.text, (article.article_id, word)


def test_asides_stay(articles):
    assert (
        "《衡阳市工业企业高质量发展评价实施办法（试行）》"
        in articles["hengyang-2022-02-07-three-articles-2"].text
    )
    assert (
        "本信电子科技（重庆）有限公司"
        in articles["yunyang-2020-08-14-hundred-billion-industry-rally-1"].text
    )
    assert "相关链接：" in articles["hengyang-2020-09-29-industrial-chain-rally-1"].text


def test_hard_wraps_are_joined_and_paragraphs_kept(articles):
    first = articles["hengyang-2022-02-07-three-articles-1"].text
    assert "大项目、好项目；要瞄准短板招商" in first
    assert "以“中心”为目标，朝着“中心”努力奋斗" in first
    assert (
        first.count("\n") == 6
    )  # subtitle + six paragraphs (nine lines of the raw file, three wraps)
    assert "区域经中心、消费中心" in articles["hengyang-2022-02-07-three-articles-3"].text


def test_punctuation_is_full_width(articles):
    for article in articles.values():
        assert not re.search(r"[\u4e00-\u9fff][,;:!\"]|[,;:!\"][\u4e00-\u9fff]", article.text), (
            article.article_id
        )
        assert "，，" not in article.text and "。。" not in article.text


def test_every_article_has_locality_date_and_year(articles):
    expected = {
        "hengyang-2020-09-29-industrial-chain-rally-1": (
            "衡阳市",
            "湖南省",
            "地级市",
            "2020-09-29",
        ),
        "hengyang-2022-02-07-three-articles-1": ("衡阳市", "湖南省", "地级市", "2022-02-07"),
        "hengyang-2022-02-07-three-articles-2": ("衡阳市", "湖南省", "地级市", "2022-02-07"),
        "hengyang-2022-02-07-three-articles-3": ("衡阳市", "湖南省", "地级市", "2022-02-07"),
        "hengyang-2024-industrial-chain-commentary-1": ("衡阳市", "湖南省", "地级市", "2024"),
        "luohe-2020-09-02-key-projects-review-1": ("漯河市", "河南省", "地级市", "2020-09-02"),
        "yunyang-2020-08-14-hundred-billion-industry-rally-1": (
            "云阳县",
            "重庆市",
            "县",
            "2020-08-14",
        ),
    }
    assert {
        i: (a.locality, a.province, a.admin_level, a.date) for i, a in articles.items()
    } == expected
    assert all(a.year == int(a.date[:4]) for a in articles.values())


def test_the_text_agrees_with_the_catalog(articles):
    """The gazetteer and the dates in the text find what the catalog says: no flag anywhere."""
    assert {i: a.flags for i, a in articles.items() if a.flags} == {}


def test_reporters_and_outlets(articles):
    assert articles["luohe-2020-09-02-key-projects-review-1"].reporters == [
        "张军亚",
        "王庆建",
        "张佩",
    ]
    assert articles["yunyang-2020-08-14-hundred-billion-industry-rally-1"].reporters == [
        "王彬彬",
        "唐斌",
        "邓磊",
    ]
    assert articles["hengyang-2020-09-29-industrial-chain-rally-1"].reporters == ["陈润"]
    assert articles["hengyang-2024-industrial-chain-commentary-1"].reporters == []
    assert {a.outlet for a in articles.values() if a.source.startswith("hengyang-2022")} == {
        "衡阳晚报"
    }


def test_the_cleaning_log_has_a_row_per_article_and_step(seed_articles):
    articles = seed_articles
    log = process_files(seed_paths()).tables["cleaning_log"].to_pandas()
    assert list(log.columns) == [column for column, _, _ in COLUMNS["cleaning_log"]]
    steps = [
        "newlines",
        "html-entities",
        "spaces",
        "width",
        "errata",
        "mojibake-repaired",
        "pinyin-glosses",
        "above-headline",
        "bylines",
        "boilerplate",
        "hard-wraps",
        "boilerplate-joined",
        "punctuation",
        "simplified",
        "related-stories",
        "mojibake-remaining",
        "metadata",
    ]
    assert len(log) == len(articles) * len(steps)
    assert list(log[log.article_id == articles[0].article_id].step) == steps
    changes = log.pivot(index="article_id", columns="step", values="changes")
    assert changes["errata"].sum() == 4
    assert changes.loc["hengyang-2020-09-29-industrial-chain-rally-1", "pinyin-glosses"] > 100
    assert changes.loc["hengyang-2022-02-07-three-articles-1", "hard-wraps"] == 3
    assert (changes["mojibake-remaining"] == 0).all()
    assert (
        changes["mojibake-repaired"] == 0
    ).all()  # the errata file already repairs the four runs
    boilerplate = (
        log[(log.step == "boilerplate") & (log.changes > 0)].set_index("article_id").examples
    )
    assert boilerplate["hengyang-2020-09-29-industrial-chain-rally-1"].startswith(
        "新聞資訊 → ∅ | 欄目導航 → ∅"
    )


def test_the_errata_step_shows_each_repair_with_its_evidence(articles):
    examples = {
        i: [row["examples"] for row in a.audit if row["step"] == "errata"][0]
        for i, a in articles.items()
    }
    applied = {i: text.split(" | ") for i, text in examples.items() if text}
    assert {
        i: [example.split(" (evidence: ")[0] for example in found] for i, found in applied.items()
    } == {
        "hengyang-2020-09-29-industrial-chain-rally-1": [
            "六?!比蝿?wù) → 六保”任務",
            "建設?!编嚾翰邚娬{ → 建設。”鄧群策強調",
        ],
        "hengyang-2024-industrial-chain-commentary-1": [
            "鏈?zhǔn)剿季S → 鏈式思維",
            "鏈?zhǔn)桨l(fā)展 → 鏈式發展",
        ],
    }
    assert all(
        " (evidence: The GBK bytes of " in example and example.endswith("comes from OpenCC)")
        for found in applied.values()
        for example in found
    )


def test_records_are_json_friendly_and_leave_out_the_audit(articles):
    record = next(iter(articles.values())).to_record()
    assert "audit" not in record
    assert set(record) == {f for f in Article.__dataclass_fields__} - {"audit"}
    json.dumps(record, ensure_ascii=False)


def test_cleaning_is_deterministic(seed_articles):
    again = clean_all()
    assert [(a.to_record(), a.audit) for a in again] == [
        (a.to_record(), a.audit) for a in seed_articles
    ]


def test_without_a_catalog_the_page_and_the_file_name_date_the_articles():
    """The portal stamp, else the file name's date; a year in the body dates nothing."""
    found = {
        a.article_id: (a.date, a.year, a.flags)
        for a in clean_all(sources=dataclasses.replace(load_sources(RAW), catalog={}))
    }
    assert found == {
        "hengyang-2020-09-29-industrial-chain-rally-1": (
            "2020-09-29",
            2020,
            ["no-catalog-row"],
        ),  # portal stamp
        "hengyang-2022-02-07-three-articles-1": (
            "2022-02-07",
            2022,
            ["no-catalog-row"],
        ),  # the file name
        "hengyang-2022-02-07-three-articles-2": ("2022-02-07", 2022, ["no-catalog-row"]),
        "hengyang-2022-02-07-three-articles-3": ("2022-02-07", 2022, ["no-catalog-row"]),
        # 自2023年以来……2024年是攻坚之年: years in the body, no stated date
        "hengyang-2024-industrial-chain-commentary-1": (
            "",
            None,
            ["no-catalog-row", "no-date-found"],
        ),
        "luohe-2020-09-02-key-projects-review-1": ("2020-09-02", 2020, ["no-catalog-row"]),
        "yunyang-2020-08-14-hundred-billion-industry-rally-1": (
            "2020-08-14",
            2020,
            ["no-catalog-row"],
        ),
    }


@pytest.mark.parametrize("name", sorted(SEED_CHECKSUMS))
def test_a_seed_file_under_any_name_gives_the_same_articles(tmp_path, name):
    """Catalog and errata rows follow the bytes (SHA256SUMS), not the file name."""
    copy = tmp_path / "article.txt"
    copy.write_bytes((RAW / name).read_bytes())
    sources = load_sources(RAW)
    renamed = [a.to_record() for a in load_file(copy, sources)]
    original = [a.to_record() for a in load_file(RAW / name, sources)]
    for record in renamed:
        assert record.pop("flags")[-1] == f"catalogued-as: {name}"
    for record in original:
        record.pop("flags")
    strip = {"article_id", "source"}
    assert [{k: v for k, v in r.items() if k not in strip} for r in renamed] == [
        {k: v for k, v in r.items() if k not in strip} for r in original
    ]


def test_a_file_without_a_catalog_row_is_processed_and_flagged(tmp_path):
    raw = copy_seed_raw(tmp_path / "raw")
    new = raw / "changsha-2021-03-05-new.txt"
    new.write_text(
        "长沙召开工程机械产业链推进大会\n"
        "长沙晚报讯(记者 李华)3月5日,长沙召开工程机械产业链推进大会。会议强调,2021年要聚焦"
        "“三高四新”战略,长沙要打造世界级工程机械产业集群。\n责任编辑:王明",
        encoding="utf-8",
    )
    [article] = load_file(new)
    assert (article.title, article.locality, article.province, article.admin_level) == (
        "长沙召开工程机械产业链推进大会",
        "长沙市",
        "湖南省",
        "地级市",
    )
    assert (article.date, article.year, article.outlet, article.reporters) == (
        "2021-03-05",
        2021,
        "长沙晚报",
        ["李华"],
    )
    assert article.flags == ["no-catalog-row"]
    assert article.audit[-1] == {"step": "metadata", "changes": 1, "examples": "no-catalog-row"}
    articles = clean_all(raw)
    assert len(articles) == 8 and "changsha-2021-03-05-new-1" in {a.article_id for a in articles}


# --- the command line -------------------------------------------------------------------


def test_clean_json_prints_one_array_of_articles(capsys):
    paths = [str(p) for p in seed_paths()]
    assert main(["clean", "--json", *paths]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 7
    assert {"source", "title", "locality", "date", "text"} <= set(records[0])
    assert records[1]["title"].startswith("秦国文在衡阳市")


def test_clean_prints_readable_articles(capsys):
    assert main(["clean", str(RAW / "yunyang-2020-08-14-hundred-billion-industry-rally.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 云阳召开“千亿工业”高质量发展动员大会  [云阳县, 2020-08-14]")


def test_clean_command_reports_each_bad_file_in_one_line_and_goes_on(tmp_path):
    empty, binary, missing = (
        tmp_path / "empty.txt",
        tmp_path / "binary.txt",
        tmp_path / "missing.txt",
    )
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 8)
    good = RAW / "luohe-2020-09-02-key-projects-review.txt"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpers",
            "clean",
            "--json",
            str(empty),
            str(good),
            str(binary),
            str(missing),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {empty}: file is empty",
        f"error: {binary}: binary data, not text",
        f"error: {missing}: no such file",
    ]
    records = json.loads(result.stdout)
    assert [r["locality"] for r in records] == ["漯河市"]


def test_an_article_naming_neither_place_nor_year_takes_them_from_its_file(tmp_path):
    shuffled = tmp_path / "shuffled.txt"
    first, second = (
        (RAW / "hengyang-2022-02-07-three-articles.txt")
        .read_text(encoding="utf-8")
        .split("坚持稳字当头")[0:2]
    )
    without_place = first.replace("衡阳市", "我市").replace(
        "衡阳", "本地"
    )  # the first article names no place
    shuffled.write_text(without_place + "坚持稳字当头" + second, encoding="utf-8")
    articles = load_file(shuffled)
    assert [(a.locality, a.date, a.year) for a in articles] == [("衡阳市", "2022-02-07", 2022)] * 2
    assert articles[0].flags == [
        "no-catalog-row",
        "locality-from-other-articles-of-the-file",
        "date-from-other-articles-of-the-file",
    ]
    assert (articles[1].flags, articles[1].date) == (["no-catalog-row"], "2022-02-07")
