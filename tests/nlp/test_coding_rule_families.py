"""The cue families and context rules added from the coding guide's definitions (issue 14's
recall and precision round), on invented sentences: sentence in, codes out. Each rule has a
sentence it stops and a false friend it spares; each cue family a sentence it codes."""

import pytest

from tests.nlp.test_coding_rules import codes_of

# (what, dimension, code, a sentence the rule keeps from the code, a like one that gets it)
SENSE_RULES = [
    (
        "project planning",
        "instrument",
        "environment_planning",
        "要研究谋划一批重大项目。",
        "要做好全年发展谋划。",
    ),
    (
        "a solution",
        "instrument",
        "environment_planning",
        "为企业提供数字化解决方案。",
        "尽快拿出产业发展方案。",
    ),
    (
        "an investment-promotion plan",
        "instrument",
        "environment_planning",
        "针对重点产业分类制定招商方案。",
        "尽快拿出产业发展方案。",
    ),
    (
        "a sector list closed by 等主导产业",
        "instrument",
        "environment_planning",
        "汽车、电子等主导产业项目占比过半。",
        "要确定每个园区的主导产业。",
    ),
    (
        "a national strategy joined",
        "instrument",
        "environment_planning",
        "全市加快融入国家重大战略。",
        "全县坚持工业强县战略。",
    ),
    (
        "exhortation to entrepreneurs",
        "instrument",
        "environment_planning",
        "企业家要瞄准目标，力争产值突破10亿元。",
        "全县力争产值突破10亿元。",
    ),
    (
        "a wish addressed to firms",
        "instrument",
        "environment_strategic",
        "希望广大民营企业用好惠企政策。",
        "县里将兑现惠企政策。",
    ),
    (
        "坚定主攻方向 names no direction",
        "instrument",
        "environment_planning",
        "要坚定主攻方向。",
        "把新材料作为主攻方向。",
    ),
    (
        "亩均论英雄 judges firms",
        "theme",
        "assessment_accountability",
        "深化亩均论英雄改革。",
        "坚持以发展论英雄。",
    ),
    (
        "energy quota among factors",
        "theme",
        "green_development",
        "保障用地、能耗等要素。",
        "降低单位工业增加值能耗。",
    ),
    (
        "a park as a place",
        "theme",
        "parks_platforms",
        "推动园区内在建项目按期投产。",
        "推动园区提档升级。",
    ),
    (
        "firms of the parks",
        "theme",
        "parks_platforms",
        "对产业园区工业企业开展评价。",
        "推动产业园区扩区调位。",
    ),
    (
        "an agricultural park",
        "theme",
        "parks_platforms",
        "建设现代农业园区。",
        "建设现代产业园区。",
    ),
    (
        "slots of a numbered structure",
        "theme",
        "finance",
        "建立“一位市级领导、一个工作专班、一家金融机构”的推进机制。",
        "引导金融机构加大信贷投放。",
    ),
    (
        "a fragment cut off mid-word",
        "theme",
        "industrial_chains",
        "加快推进产业链招商，完善配?",
        "加快推进产业链招商，完善配套。",
    ),
    (
        "a trade figure reported",
        "instrument",
        "demand_trade",
        "全年出口额增长12%。",
        "支持企业扩大出口。",
    ),
    (
        "factor guarantees are supply",
        "theme",
        "business_environment",
        "强化用地要素保障。",
        "帮助企业纾难解困。",
    ),
    (
        "technological innovation as a goal",
        "instrument",
        "supply_technology",
        "要突出科技创新。",
        "建设工程技术研究中心。",
    ),
    (
        "专精特新 is an SME programme",
        "theme",
        "innovation",
        "大力培育专精特新企业。",
        "支持企业开展关键技术攻关。",
    ),
    (
        "projects named before a count",
        "theme",
        "culture_tourism",
        "开工项目包括古镇文旅综合体等3个项目。",
        "推动文旅融合发展。",
    ),
    (
        "a project named by its capacity",
        "theme",
        "agriculture_food",
        "最大的是年产10万吨食品添加剂项目。",
        "做强食品产业。",
    ),
]


@pytest.mark.parametrize(
    "what,dimension,code,stopped,kept", SENSE_RULES, ids=[r[0] for r in SENSE_RULES]
)
def test_a_rule_stops_a_code_and_spares_its_false_friend(what, dimension, code, stopped, kept):
    assert code not in codes_of(stopped, dimension), stopped
    assert code in codes_of(kept, dimension), kept


# (what, dimension, code, a sentence the sequence codes, a like one it does not)
SEQUENCES = [
    (
        "an action programme",
        "instrument",
        "environment_planning",
        "实施龙头企业培育行动。",
        "行动要快，作风要实。",
    ),
    (
        "a project programme",
        "instrument",
        "environment_planning",
        "实施强链工程。",
        "防洪治理工程已经完工。",
    ),
    (
        "guiding opinions issued",
        "instrument",
        "environment_planning",
        "市政府印发《关于支持民营经济发展的意见》。",
        "《关于支持民营经济发展的意见》全文如下。",
    ),
    (
        "a system put in place",
        "instrument",
        "environment_regulation",
        "推行项目代办制。",
        "加快推进先进制造业发展。",
    ),
    (
        "support policies carried out",
        "instrument",
        "environment_strategic",
        "落实好国家各项减负政策。",
        "政策性银行加大投放。",
    ),
    ("firms growing", "theme", "enterprise_growth", "推动工业企业转型升级。", "推动产业转型升级。"),
    (
        "a target in physical units",
        "instrument",
        "environment_planning",
        "要建成标准厂房20万平方米。",
        "已建成标准厂房20万平方米。",
    ),
    (
        "a position for industry",
        "instrument",
        "environment_planning",
        "要打造全省先进制造业高地。",
        "这座城市建设省域副中心城市其势已成。",
    ),
    (
        "public money put in",
        "instrument",
        "supply_funding",
        "统筹整合涉企资金支持技改。",
        "全年到位资金30亿元。",
    ),
    (
        "support for an activity of firms",
        "instrument",
        "environment_strategic",
        "大力支持民营经济发展。",
        "在上级的支持下，项目进展顺利。",
    ),
]


@pytest.mark.parametrize(
    "what,dimension,code,coded,friend", SEQUENCES, ids=[r[0] for r in SEQUENCES]
)
def test_a_sequence_codes_and_spares_its_false_friend(what, dimension, code, coded, friend):
    assert code in codes_of(coded, dimension), coded
    assert code not in codes_of(friend, dimension), friend


# (sentence, dimension, code): one sentence per new cue family
FAMILIES = [
    ("优化服务，提高服务效能。", "theme", "business_environment"),
    ("优化服务，提高服务效能。", "instrument", "environment_strategic"),
    ("干部包联企业，定期走访企业。", "theme", "business_environment"),
    ("推行一网通办。", "instrument", "environment_regulation"),
    ("支持企业开展关键技术攻关。", "theme", "innovation"),
    ("建设一批孵化器和众创空间。", "theme", "innovation"),
    ("大力培育专精特新企业。", "theme", "enterprise_growth"),
    ("企业家要聚焦主业、做强主业。", "theme", "enterprise_growth"),
    ("逐链梳理短板，推动壮链育链。", "theme", "industrial_chains"),
    ("始终坚持在“链”上发力。", "theme", "industrial_chains"),
    ("加强基层党组织建设。", "theme", "party_leadership"),
    ("坚持凭实绩用干部。", "theme", "assessment_accountability"),
    ("推进数字化改革。", "theme", "digital_economy"),
    ("推动更多项目落户园区。", "theme", "investment_attraction"),
    ("推动更多项目落户园区。", "instrument", "investment_promotion"),
    ("新开工产业项目12个。", "theme", "major_projects"),
    ("记者：产业链下一步如何发展？", "theme", "industrial_chains"),
    ("做好全年谋划。", "instrument", "environment_planning"),
    ("布好局，选好产业。", "instrument", "environment_planning"),
    ("加快完善县城功能配套。", "instrument", "supply_infrastructure"),
    ("深化产教融合、校企合作。", "instrument", "supply_talent"),
    ("引导银行扩大授信，发展创投基金。", "instrument", "environment_finance"),
    ("推进清洁生产和资源综合利用。", "theme", "green_development"),
    ("发展农民专业合作社，带动农户增收。", "theme", "agriculture_food"),
    ("培育一批单项冠军和小巨人企业。", "theme", "enterprise_growth"),
    ("完善园区水电路等配套。", "instrument", "supply_infrastructure"),
    ("建设科技企业孵化器和中试基地。", "instrument", "supply_technology"),
]


@pytest.mark.parametrize("sentence,dimension,code", FAMILIES)
def test_a_cue_family_codes_its_sense(sentence, dimension, code):
    assert code in codes_of(sentence, dimension)


def test_digital_reform_is_digital_economy_not_innovation():
    # the longest cue wins within a dimension: 数字化改革 is not also 数字化 (innovation)
    assert codes_of("推进数字化改革。", "theme") == {"digital_economy"}
