"""Each context rule of ``data/coding_rules.csv`` on invented sentences: where it stops a code,
and a false friend (a like sentence) where the code still comes."""

import re

import pytest

from helpers.errors import InputError
from helpers.nlp import coding_rules, themes


def codes_of(text: str, dimension: str) -> set[str]:
    return {c.code for d, c, _ in themes.code_sentence(text) if d == dimension}


# (what the rule says, dimension, code, a sentence it keeps from the code, one that gets it)
RULES = [
    (
        "document title",
        "theme",
        "investment_attraction",
        "会议印发了《关于加快招商引资的实施意见》。",
        "要加快招商引资。",
    ),
    (
        "post",
        "theme",
        "investment_attraction",
        "市招商局局长王明表示，今年经济运行平稳。",
        "王明表示，今年要大抓招商。",
    ),
    (
        "title of an attendee",
        "theme",
        "finance",
        "各金融机构主要负责人参加。",
        "要加大金融机构对制造业的信贷投放。",
    ),
    (
        "bureau",
        "instrument",
        "environment_regulation",
        "县发展改革局牵头抓好落实。",
        "要深化审批制度改革。",
    ),
    (
        "attendance line",
        "theme",
        "enterprise_growth",
        "规模以上工业企业、重点企业主要负责人，商会代表等在主会场参会。",
        "全年新增规模以上工业企业12家。",
    ),
    (
        "speaker clause",
        "theme",
        "investment_attraction",
        "县长李华出席会议并讲话。",
        "县长李华出席会议并讲话，要求全力抓好招商引资。",
    ),
    (
        "procedure line",
        "theme",
        "parks_platforms",
        "会议听取了各开发区的工作汇报。",
        "要推动开发区改革，提升承载能力。",
    ),
    (
        "event held",
        "theme",
        "industrial_chains",
        "全市产业链建设推进大会在市会议中心召开。",
        "大会总结了一年来的产业链建设。",
    ),
    (
        "meeting name",
        "theme",
        "major_projects",
        "在全县重大项目建设推进大会上，李华强调要优化营商环境。",
        "要全力推进重大项目建设。",
    ),
    ("caption", "theme", "parks_platforms", "图为工人在工业园车间生产。", "要加快工业园扩区提质。"),
    ("credit", "theme", "investment_attraction", "来源：县招商服务中心", "要优化招商服务。"),
    (
        "chain names in a list",
        "theme",
        "digital_economy",
        "重点发展电子信息、生物医药、绿色消费品等产业链。",
        "大力发展数字经济和电子商务。",
    ),
    (
        "cluster name",
        "instrument",
        "demand_consumption",
        "打造绿色消费品产业集群。",
        "发放消费券，建设区域消费中心。",
    ),
    (
        "sector names in a list",
        "theme",
        "culture_tourism",
        "围绕食品加工、文化旅游、新材料三大主导产业，实施倍增行动。",
        "推动文旅融合发展。",
    ),
    (
        "创新 of institutions",
        "theme",
        "innovation",
        "深化制度创新和改革创新，奋力再创新局。",
        "加大研发投入，推动企业创新。",
    ),
    (
        "创新 as a new way",
        "theme",
        "innovation",
        "要创新方式方法，提升工作效能。",
        "建设一批创新平台。",
    ),
    (
        "企业家, 工匠精神",
        "theme",
        "talent",
        "弘扬企业家精神和工匠精神。",
        "引进高层次人才，开展技能培训。",
    ),
    (
        "做大做强 of a chain",
        "theme",
        "enterprise_growth",
        "做大做强电子信息产业链。",
        "支持龙头企业做大做强。",
    ),
    (
        "…产业链做大做强",
        "theme",
        "enterprise_growth",
        "推动装备制造产业做大做强。",
        "推动骨干企业做大做强。",
    ),
    (
        "firms in an aggregate figure",
        "theme",
        "enterprise_growth",
        "上半年规上企业实现产值855亿元。",
        "上半年新增规上企业20家。",
    ),
    (
        "outside firms targeted",
        "theme",
        "enterprise_growth",
        "瞄准头部企业开展驻点招商。",
        "培育一批头部企业。",
    ),
    (
        "观摩 is no demonstration",
        "instrument",
        "demand_demonstration",
        "开展重点项目观摩活动。",
        "推广首台套装备，开放应用场景。",
    ),
    (
        "消费品 is a product",
        "instrument",
        "demand_consumption",
        "发展日用消费品产业。",
        "大力促消费、扩内需。",
    ),
    (
        "energy consumption",
        "instrument",
        "demand_consumption",
        "降低单位产值能源消费。",
        "扩大汽车消费。",
    ),
    (
        "cadre assessment is no regulation",
        "instrument",
        "environment_regulation",
        "建立月调度、季通报、年考核机制。",
        "实施链长制，完善项目推进机制。",
    ),
    (
        "service mechanism",
        "instrument",
        "environment_regulation",
        "落实一企一策服务机制。",
        "健全产业链工作机制。",
    ),
    (
        "awards to units",
        "instrument",
        "environment_strategic",
        "对先进单位给予奖励。",
        "对新增规上企业给予奖励。",
    ),
    (
        "targets of an assessment",
        "instrument",
        "environment_planning",
        "将年度目标纳入考核，签订责任状，力争全年增长10%。",
        "力争到2025年产值突破千亿元。",
    ),
    (
        "力争 without a figure",
        "instrument",
        "environment_planning",
        "带领企业奋力拼搏，力争一流。",
        "力争全年新增规上企业30家。",
    ),
    (
        "战略定力",
        "instrument",
        "environment_planning",
        "保持战略定力，久久为功。",
        "编制产业链发展规划。",
    ),
    (
        "firms' problems",
        "instrument",
        "supply_infrastructure",
        "及时协调解决企业在用地、用电等方面的困难。",
        "保障重点项目用地用能。",
    ),
    (
        "credit as a problem",
        "instrument",
        "environment_finance",
        "研究企业融资需求等问题。",
        "搭建银企对接平台，拓宽融资渠道。",
    ),
    (
        "引进 of people",
        "instrument",
        "investment_promotion",
        "引进高层次人才和科研团队。",
        "引进龙头企业3家。",
    ),
    (
        "签约 of cooperation",
        "instrument",
        "investment_promotion",
        "与高校举行战略合作签约。",
        "全年签约项目56个。",
    ),
    (
        "签约企业 names firms",
        "theme",
        "investment_attraction",
        "签约企业代表表示将加快建设。",
        "现场签约项目19个。",
    ),
    ("a product put on the market", "theme", "finance", "新品上市销售火爆。", "推动企业上市融资。"),
    ("graduates", "theme", "talent", "高校毕业生返乡创业。", "深化与高校院所合作。"),
    (
        "assessing firms",
        "theme",
        "assessment_accountability",
        "开展企业信用评价。",
        "开展综合考评，对排名靠后的单位约谈。",
    ),
    (
        "园区 as a unit",
        "theme",
        "parks_platforms",
        "各部门和园区要压实责任。",
        "推动项目向园区集中。",
    ),
    (
        "rewarding cadres",
        "instrument",
        "investment_promotion",
        "对招商能手提拔重用、记功嘉奖。",
        "组建专业招商队伍。",
    ),
    (
        "a deputy's proposal",
        "instrument",
        "investment_promotion",
        "王明委员建议，要开展驻点招商。",
        "要开展驻点招商。",
    ),
    (
        "a technical-upgrading project",
        "instrument",
        "supply_technology",
        "滚动推进技改项目100个。",
        "支持企业建设省级工程技术研究中心。",
    ),
]


@pytest.mark.parametrize("what,dimension,code,stopped,kept", RULES, ids=[r[0] for r in RULES])
def test_a_context_rule_stops_a_code_and_spares_its_false_friend(
    what, dimension, code, stopped, kept
):
    assert code not in codes_of(stopped, dimension), stopped
    assert code in codes_of(kept, dimension), kept


@pytest.mark.parametrize(
    "sentence,dimension,code",
    [
        ("全县上下大抓项目、抓大项目。", "theme", "major_projects"),
        ("帮助企业纾难解困。", "theme", "business_environment"),
        ("帮助企业纾难解困。", "instrument", "environment_strategic"),
        ("打造产业转移承载地。", "theme", "parks_platforms"),
        ("深化开发区体制改革。", "theme", "parks_platforms"),
    ],
)
def test_cues_reach_paraphrase(sentence, dimension, code):
    assert code in codes_of(sentence, dimension)


def test_every_rule_kind_is_in_the_file_and_each_rule_has_a_note():
    rules = coding_rules.rules()
    assert {rule.kind for rule in rules} == set(coding_rules.KINDS)
    assert all(rule.note for rule in rules)


def test_every_rule_names_codes_and_cues_the_codebooks_have():
    codes = {c.code: c for c in themes.codes()}
    for rule in coding_rules.rules():
        assert rule.codes <= set(codes), rule.note
        named = [codes[c] for c in rule.codes] or [
            c for c in codes.values() if not rule.dimension or c.dimension == rule.dimension
        ]
        cues = {cue for code in named for cue in code.cues}
        assert rule.cues <= cues, rule.note  # a rule on a cue no code has would be dead


def test_near_and_not_near_look_within_the_window():
    near = coding_rules.Rule("near", re.compile("技术"), window=3)
    assert near.keeps("推动技术创新", 4, 6)
    assert not near.keeps("技术要素齐备推动创新", 8, 10)


def test_a_bad_rule_file_is_a_one_line_error(tmp_path, monkeypatch):
    bad = tmp_path / "rules.csv"
    bad.write_text("kind,dimension,code,cue,pattern,window,note\nmask,,,,(unclosed,,x\n", "utf-8")
    monkeypatch.setattr(coding_rules, "RULES_FILE", bad)
    coding_rules.rules.cache_clear()
    try:
        with pytest.raises(InputError, match=r"rules.csv: line 2: bad pattern"):
            coding_rules.rules()
    finally:
        monkeypatch.undo()
        coding_rules.rules.cache_clear()
