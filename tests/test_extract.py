"""Extraction on real passages of the corpus (copied, cleaned and in Simplified, as literals)."""

import json
import subprocess
import sys

import pytest

from helpers import config
from helpers.nlp import extract

# Hengyang 2020, the 相关链接 box: the 14 chains of the city's plan.
HENGYANG_CHAINS = (
    "相关链接：根据《中共衡阳市委关于贯彻新发展理念大力建设现代产业强市的意见》重点任务责任分解表显示，"
    "我市在接下来一段时期内，将重点培育14条产业链，分别是：\n"
    "生态绿色食品产业链、核技术应用产业链、有色金属及新型合金产业链、文化旅游产业链、"
    "轻工纺织（含化妆品、纺织服装、钟表、眼镜）产业链、现代物流产业链、汽车产业链、新型能源及电力装备产业链、"
    "钢管及深加工产业链、移动互联网产业链、先进轨道交通及工程机械产业链、生物医药产业链、化工新材料产业链、"
    "电子信息产业链。")
YUNYANG_CLUSTERS = "聚焦绿色消费品、装备制造、能源电子三大产业集群，建强产业链、优化供应链、提升价值链、拓展生态链，创建市级、国家高新区。"
# Luohe: the 1+8+N system and the sentence that spells it out.
LUOHE_SYSTEM = (
    "围绕编制好“十四五”规划和国土空间规划，做好产业体系的谋划打造和产业空间的布局落地，培育“1+8+N”漯河现代产业体系。"
    "“1”即打造3000亿级食品全产业链、5000亿级绿色食品产业生态，坚持以“三链同构”为引领，壮大肉类加工、粮食加工、"
    "饮料生产、果蔬加工四大产业基地，实施食品产业与装备制造、造纸、生物医药、盐化工、物流、动物饲料六个打通，"
    "打造检验检测、研发创新、质量标准、食品云四个平台，强化现代物流和现代农业两大支撑；"
    "“8”即培育液压科技、装配式建筑、精细化工、电力装备、精密制造、智能食品装备制造、生物医药和高性能医疗器械、"
    "现代家居八个细分领域百亿级产业集群；“N”即围绕数字产业、电子信息、大健康、高端装备、节能环保等高成长性领域，"
    "通过产业谋划找准切入点，探索链条式招引，培育一批有可能在漯河集聚壮大、形成支撑的新兴产业。")
HENGYANG_SIX_ONES = (
    "要扎实做好“两网两图两库两池两报告”等基础工作，加快建立产业链建设“一位市级领导、一个承载主体、一个行业协会、"
    "一家金融机构、一批高校院所、一个联合党工委”的“六个一”组织架构，尽快构建并完善产业链运行体系。")
HENGYANG_FIVE_CHAINS = ("朱健作动员报告，他强调，要准确把握规律，明确产业链建设路径，扎实推进产业链、创新链、人才链、"
                        "资金链、政策链“五链融合”，不断提升产业链发展水平。")
YUNYANG_PLATFORM = "拓展空间布局，构建1个市级特色工业园区、5个中小企业集聚区、42个楼宇工业园的“1+5+42”工业发展平台。"
OUTPUT_2024 = "2024年是我市产业链建设的攻坚之年，今年1—6月，我市产业链规上企业实现产值855.04亿元，其中有4条实现两位数增长。"
GDP_2021 = ("朱健指出，回望过去的2021年，我们以实干笃定前行，主要经济指标连续三年保持高位增长，"
            "全年地区生产总值达3840亿元，增长8.1%，高出全省平均水平0.4个百分点，增速排一类市（州）第三。")
YUNYANG_TARGET = "要抢抓政策机遇和时间窗口，坚持“工业立县、工业兴县、工业强县”战略，坚定千亿工业高质量发展目标，久久为功、真抓实干。"
LUOHE_RESERVE = ("要围绕上级政策、产业体系、重点企业、市场需求、发展短板谋划项目，力争“十四五”动态项目储备库达到1万亿，"
                 "提升项目前期工作质量。")
YUNYANG_LEADERS = ("县委书记张学锋作动员讲话，县委副书记、县长覃昌德安排部署工作。"
                   "赵勇、赖建彬、丁笙洺、刘晓云、李学义、韩海燕、王启海、杨志奇、曾郴等县领导出席。")
LUOHE_LEAD = "（记者 张军亚）8月31日至9月2日，市委书记蒿慧杰带队对全市重点项目进行观摩，集中观摩了24个项目。"
HENGYANG_2022_LEADERS = ("市委书记秦国文出席并强调，全市上下要深入学习贯彻党的十九届六中全会精神。市委副书记、市长朱健主持会议。"
                         "会上，市领导黄立通报全市投资和项目建设情况。")
# Hengyang 2020 never gives Deng Qunce's or Zhu Jian's post: they are found as speakers.
HENGYANG_2020_SPEAKERS = ("邓群策强调，要把补链强链延链作为核心任务，突出抓链主企业。邓群策还就做好当前各项工作作了安排部署。"
                          "朱健作动员报告，他强调，要准确把握规律。")
HENGYANG_SLOGANS = ("我们以前所未有的力度抓产业链建设，是做好“六稳”工作、落实“六保”任务的必然要求。"
                    "全面落实“三高四新”战略定位和使命任务，聚焦“三强一化”建设工作主线。"
                    "全面推进重大项目建设“五制一平台”和重点项目专班推进工作机制。"
                    "“一核两电三色四新”十大产业为主导的15条产业链不断串“珠”成“链”。")

# Hengyang 2020: the slogan later written 三高四新, in two quoted halves.
HENGYANG_2020_THREE_HIGH = ("邓群策指出，习近平总书记在湖南考察时，赋予湖南“三高地”“四个新”的新目标新定位，"
                            "也是为衡阳发展锚定了新坐标，指明了新路径。")
HENGYANG_2022_MEETINGS = ("市委副书记、市长朱健强调，全市上下要深入贯彻中央、省委、市委经济工作会议精神，全面落实省“两会”、"
                          "省政府全会精神，以“开局就是决战、起步就要冲刺”的工作状态，全面落实“三高四新”战略定位和使命任务，"
                          "聚焦“三强一化”建设工作主线。")
LUOHE_AWARD = "9月2日，市委书记蒿慧杰向工业“十强”企业代表颁奖。"


def facts(text, kind):
    return [f for f in extract.extract_facts(text) if f["kind"] == kind]


def chain_names(text, head=None):
    return [f["detail"]["name"] for f in facts(text, "chain") if head is None or f["detail"]["head"] == head]


def test_hengyang_fourteen_chains():
    chains = facts(HENGYANG_CHAINS, "chain")
    assert [f["detail"]["name"] for f in chains] == [
        "生态绿色食品", "核技术应用", "有色金属及新型合金", "文化旅游", "轻工纺织", "现代物流", "汽车",
        "新型能源及电力装备", "钢管及深加工", "移动互联网", "先进轨道交通及工程机械", "生物医药", "化工新材料", "电子信息"]
    assert {f["detail"]["declared"] for f in chains} == {14}  # the count the text announces
    textile = chains[4]
    assert textile["text"] == "轻工纺织（含化妆品、纺织服装、钟表、眼镜）产业链"
    assert textile["detail"]["includes"] == ["化妆品", "纺织服装", "钟表", "眼镜"]


def test_yunyang_three_clusters():
    assert chain_names(YUNYANG_CLUSTERS) == ["绿色消费品", "装备制造", "能源电子"]
    assert facts(YUNYANG_CLUSTERS, "chain")[0]["measure"] == "三大产业集群"


def test_luohe_eight_segments_and_four_bases():
    assert chain_names(LUOHE_SYSTEM, "细分领域") == [
        "液压科技", "装配式建筑", "精细化工", "电力装备", "精密制造", "智能食品装备制造", "生物医药和高性能医疗器械", "现代家居"]
    assert chain_names(LUOHE_SYSTEM, "产业基地") == ["肉类加工", "粮食加工", "饮料生产", "果蔬加工"]
    assert chain_names(LUOHE_SYSTEM, "领域") == ["数字产业", "电子信息", "大健康", "高端装备", "节能环保"]


def test_1_8_n_is_expanded_from_the_text():
    slogan = next(f for f in facts(LUOHE_SYSTEM, "slogan") if f["text"] == "1+8+N")
    expansion = slogan["detail"]["expansion"]
    assert slogan["detail"]["parts"] == ["1", "8", "N"]
    assert expansion["1"].startswith("打造3000亿级食品全产业链")
    assert expansion["8"] == ("培育液压科技、装配式建筑、精细化工、电力装备、精密制造、智能食品装备制造、"
                              "生物医药和高性能医疗器械、现代家居八个细分领域百亿级产业集群")
    assert expansion["N"].startswith("围绕数字产业、电子信息、大健康、高端装备、节能环保等高成长性领域")


@pytest.mark.parametrize("text,slogan,items", [
    (HENGYANG_SIX_ONES, "六个一", ["一位市级领导", "一个承载主体", "一个行业协会", "一家金融机构", "一批高校院所", "一个联合党工委"]),
    (HENGYANG_FIVE_CHAINS, "五链融合", ["产业链", "创新链", "人才链", "资金链", "政策链"]),
    (YUNYANG_PLATFORM, "1+5+42", ["1个市级特色工业园区", "5个中小企业集聚区", "42个楼宇工业园"]),
])
def test_slogans_expanded_by_the_list_before_them(text, slogan, items):
    found = next(f for f in facts(text, "slogan") if f["text"] == slogan)
    assert found["detail"]["expansion"] == {"items": items}


def test_named_slogans_are_found_whole():
    texts = [f["text"] for f in facts(HENGYANG_SLOGANS + HENGYANG_SIX_ONES, "slogan")]
    assert texts == ["六稳", "六保", "三高四新", "三强一化", "五制一平台", "一核两电三色四新", "两网两图两库两池两报告", "六个一"]
    # measure names the slogan each is written for: the halves of 六稳六保 say so
    assert [f["measure"] for f in facts(HENGYANG_SLOGANS, "slogan")[:3]] == ["六稳六保", "六稳六保", "三高四新"]
    core = next(f for f in facts(HENGYANG_SLOGANS, "slogan") if f["text"] == "一核两电三色四新")
    assert core["detail"]["parts"] == ["一核", "两电", "三色", "四新"]
    assert core["detail"]["total"] == 10  # the text's 十大产业


def test_a_slogan_written_in_two_halves_is_named_as_one():
    found = facts(HENGYANG_2020_THREE_HIGH, "slogan")
    assert [(f["text"], f["measure"]) for f in found] == [("三高地", "三高四新"), ("四个新", "三高四新")]
    assert all(HENGYANG_2020_THREE_HIGH[f["start"]:f["end"]] == f["text"] for f in found)  # as written
    alone = HENGYANG_2020_THREE_HIGH.replace("“四个新”", "")
    assert [(f["text"], f["measure"]) for f in facts(alone, "slogan")] == [("三高地", "三高地")]


@pytest.mark.parametrize("text,not_slogan,slogans", [
    (GDP_2021, "十四五", []),                          # a plan period
    (LUOHE_SYSTEM, "十四五", ["1+8+N", "三链同构"]),
    (HENGYANG_2022_MEETINGS, "两会", ["三高四新", "三强一化"]),  # a meeting
    (LUOHE_AWARD, "十强", []),                          # a ranking
])
def test_numbered_phrases_that_are_not_slogans(text, not_slogan, slogans):
    assert [f["text"] for f in facts(text, "slogan")] == slogans
    assert not_slogan in extract.not_slogans()


@pytest.mark.parametrize("text,stated,value,unit,measure,year", [
    (OUTPUT_2024, "855.04亿元", 8.5504e10, "元", "产业链规上企业产值", 2024),
    (GDP_2021, "3840亿元", 3.84e11, "元", "地区生产总值", 2021),
    (GDP_2021, "8.1%", 0.081, "ratio", "地区生产总值增长", 2021),
    (GDP_2021, "0.4个百分点", 0.004, "ratio", "高出全省平均水平", 2021),
    (LUOHE_SYSTEM, "3000亿级", 3e11, "元", "食品全产业链", None),
    (LUOHE_SYSTEM, "百亿级", 1e10, "元", "产业集群", None),
    (YUNYANG_TARGET, "千亿", 1e11, "元", "工业高质量发展目标", None),
    (LUOHE_RESERVE, "1万亿", 1e12, "元", "动态项目储备库", None),
])
def test_targets_are_normalized(text, stated, value, unit, measure, year):
    target = next(f for f in facts(text, "target") if f["text"] == stated)
    assert target["value"] == pytest.approx(value)
    assert (target["unit"], target["measure"], target["year"]) == (unit, measure, year)


def test_the_period_of_a_figure_is_kept():
    assert facts(OUTPUT_2024, "target")[0]["detail"]["period"] == "1—6月"


def test_counts_and_dates_are_not_targets():
    assert [f["text"] for f in facts(LUOHE_LEAD, "target")] == []


@pytest.mark.parametrize("text,expected", [
    (YUNYANG_LEADERS, [("张学锋", "县委书记"), ("覃昌德", "县委副书记、县长")]
     + [(name, "县领导") for name in "赵勇 赖建彬 丁笙洺 刘晓云 李学义 韩海燕 王启海 杨志奇 曾郴".split()]),
    (LUOHE_LEAD, [("蒿慧杰", "市委书记")]),
    (HENGYANG_2022_LEADERS, [("秦国文", "市委书记"), ("朱健", "市委副书记、市长"), ("黄立", "市领导")]),
    (HENGYANG_2020_SPEAKERS, [("邓群策", None), ("朱健", None)]),
])
def test_officials_with_their_roles(text, expected):
    assert [(f["text"], f["measure"]) for f in facts(text, "official")] == expected


def test_every_fact_lies_inside_its_sentence():
    from helpers.nlp.segment import split_sentences

    text = "\n".join([HENGYANG_CHAINS, LUOHE_SYSTEM, YUNYANG_LEADERS, GDP_2021, HENGYANG_SIX_ONES])
    sentences = split_sentences(text)
    found = extract.extract_facts(text, sentences)
    assert {f["kind"] for f in found} == set(extract.KINDS)
    for fact in found:
        sentence = sentences[fact["sentence_id"]]
        assert text[fact["start"]:fact["end"]] == fact["text"]
        assert sentence.start <= fact["start"] and fact["end"] <= sentence.end


def test_changing_the_text_changes_the_facts():
    edited = YUNYANG_CLUSTERS.replace("能源电子三大", "能源电子、数字经济四大")
    assert chain_names(edited) == ["绿色消费品", "装备制造", "能源电子", "数字经济"]
    assert facts(OUTPUT_2024.replace("855.04亿元", "901.5亿元"), "target")[0]["value"] == pytest.approx(9.015e10)
    assert [f["text"] for f in facts(YUNYANG_LEADERS.replace("张学锋", "李明"), "official")][0] == "李明"
    shorter = YUNYANG_PLATFORM.replace("42个楼宇工业园", "楼宇工业园")
    assert "expansion" not in facts(shorter, "slogan")[0]["detail"]  # the list no longer fits 1+5+42


@pytest.mark.parametrize("text,measure,expected", [
    ("855.04亿元", "产业链规上企业产值", (8.5504e10, "元")),
    ("三千亿元", None, (3e11, "元")),
    ("2亿美元", "实际利用外资", (2e8, "美元")),          # dollars stay dollars
    ("3000亿级", "食品全产业链", (3e11, "元")),         # 级: a scale of output
    ("千亿", "工业", (1e11, "元")),                     # a bare magnitude whose measure is money
    ("1万亿", "动态项目储备库", (1e12, "元")),
    ("3840亿", "地区生产总值", (3.84e11, "元")),
    ("5万", "新增就业", (5e4, "")),                     # ... or a count
    ("千亿", None, (1e11, "")),
    ("8.1%", "地区生产总值增长", (0.081, "ratio")),
    ("0.4个百分点", None, (0.004, "ratio")),
    ("24个", "项目", None), ("2021年", None, None),
])
def test_parse_number(text, measure, expected):
    assert extract.parse_number(text, measure) == (pytest.approx(expected) if expected else None)


def test_extract_article_adds_the_fact_lists():
    record = {"article_id": "x-1", "title": "t", "text": YUNYANG_LEADERS + "\n" + YUNYANG_CLUSTERS}
    out = extract.extract_article(record)
    assert out["article_id"] == "x-1" and out["text"] == record["text"]
    assert [c["detail"]["name"] for c in out["chains"]] == ["绿色消费品", "装备制造", "能源电子"]
    assert out["officials"][0] == {**out["officials"][0], "text": "张学锋", "measure": "县委书记"}
    assert out["slogans"] == [] and out["targets"] == []
    assert {"industrial_chains", "party_leadership"} <= {t["code"] for t in out["themes"]}
    json.dumps(out, ensure_ascii=False, allow_nan=False)  # JSON-ready: no NaN


def test_extract_article_gives_the_rows_the_build_writes():
    from helpers.nlp.analyse import analyse_text

    text = LUOHE_SYSTEM + "\n" + LUOHE_LEAD
    out = extract.extract_article({"article_id": "luohe-1", "text": text})
    tables = analyse_text("luohe-1", text)
    assert [f["text"] for kind in extract.KINDS for f in out[kind + "s"]] == [
        t for kind in extract.KINDS for k, t in zip(tables["facts"]["kind"], tables["facts"]["text"]) if k == kind]
    target = next(f for f in out["targets"] if f["text"] == "3000亿级")
    assert (target["value"], target["year"], target["detail"]) == (3e11, None, {"stated": "3000亿级"})
    assert [(t["sentence_id"], t["code"], t["cue"]) for t in out["themes"]] == list(
        zip(tables["themes"]["sentence_id"], tables["themes"]["code"], tables["themes"]["cue"]))


def test_extract_command_prints_one_json_array():
    pytest.importorskip("helpers.clean.articles")
    path = config.RAW_DATA_DIR / "yunyang-2020-08-14-hundred-billion-industry-rally.txt"
    result = subprocess.run([sys.executable, "-m", "helpers", "extract", "--json", str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert {c["detail"]["name"] for c in article["chains"]} >= {"绿色消费品", "装备制造", "能源电子"}
    assert ("张学锋", "县委书记") in {(o["text"], o["measure"]) for o in article["officials"]}
    assert any(s["text"] == "1+5+42" for s in article["slogans"])
    assert any(t["text"] == "千亿" and t["value"] == 1e11 for t in article["targets"])
