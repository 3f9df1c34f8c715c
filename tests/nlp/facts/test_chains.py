"""Chain, cluster and field lists on real passages."""

import pytest

from .passages import HENGYANG_CHAINS, LUOHE_SYSTEM, YUNYANG_CLUSTERS, facts


def chain_names(text, head=None):
    return [
        f["detail"]["name"]
        for f in facts(text, "chain")
        if head is None or f["detail"]["head"] == head
    ]


def test_hengyang_fourteen_chains():
    chains = facts(HENGYANG_CHAINS, "chain")
    assert [f["detail"]["name"] for f in chains] == [
        "生态绿色食品",
        "核技术应用",
        "有色金属及新型合金",
        "文化旅游",
        "轻工纺织",
        "现代物流",
        "汽车",
        "新型能源及电力装备",
        "钢管及深加工",
        "移动互联网",
        "先进轨道交通及工程机械",
        "生物医药",
        "化工新材料",
        "电子信息",
    ]
    assert {f["detail"]["declared"] for f in chains} == {14}  # the count the text announces
    textile = chains[4]
    assert textile["text"] == "轻工纺织（含化妆品、纺织服装、钟表、眼镜）产业链"
    assert textile["detail"]["includes"] == ["化妆品", "纺织服装", "钟表", "眼镜"]


def test_yunyang_three_clusters():
    assert chain_names(YUNYANG_CLUSTERS) == ["绿色消费品", "装备制造", "能源电子"]
    assert facts(YUNYANG_CLUSTERS, "chain")[0]["measure"] == "三大产业集群"


def test_luohe_eight_segments_and_four_bases():
    # 八个细分领域百亿级产业集群: the list is named by the noun its head ends with
    assert chain_names(LUOHE_SYSTEM, "产业集群") == [
        "液压科技",
        "装配式建筑",
        "精细化工",
        "电力装备",
        "精密制造",
        "智能食品装备制造",
        "生物医药和高性能医疗器械",
        "现代家居",
    ]
    assert chain_names(LUOHE_SYSTEM, "产业基地") == ["肉类加工", "粮食加工", "饮料生产", "果蔬加工"]
    assert chain_names(LUOHE_SYSTEM, "领域") == [
        "数字产业",
        "电子信息",
        "大健康",
        "高端装备",
        "节能环保",
    ]


def test_changing_the_list_changes_the_chains():
    edited = YUNYANG_CLUSTERS.replace("能源电子三大", "能源电子、数字经济四大")
    assert chain_names(edited) == ["绿色消费品", "装备制造", "能源电子", "数字经济"]


@pytest.mark.parametrize(
    "text,label,names",
    [
        # the head before the list: ——, ：, 分别是, 包括
        (
            "全县六大产业链——纺织服装、绿色建材、电子信息、现代农业、文化旅游、医药健康建设取得新进展。",
            "六大产业链",
            ["纺织服装", "绿色建材", "电子信息", "现代农业", "文化旅游", "医药健康"],
        ),
        ("全市确定了5条产业链，分别是：白酒、光伏、新材料、食品、物流。", "5条产业链", None),
        ("主导产业：茶叶、竹木加工、旅游康养。", "主导产业", ["茶叶", "竹木加工", "旅游康养"]),
        # the list before the head, with 等 and a count, or a count alone
        (
            "会上，电子信息、智能装备、生物医药等9条产业链的链长作了发言。",
            "9条产业链",
            ["电子信息", "智能装备", "生物医药"],
        ),
        ("我区聚焦汽车零部件、新型显示两大产业集群。", "两大产业集群", ["汽车零部件", "新型显示"]),
        # inside a frame, the frame's verb and its subject left out
        (
            "该县正加快围绕精细化工、先进装备制造、新能源等重点产业领域开展招商。",
            "重点产业领域",
            ["精细化工", "先进装备制造", "新能源"],
        ),
        # 和 joins the last two items when the count says there are two
        ("锂电和光伏是我市两大主攻产业。", "两大主攻产业", ["锂电", "光伏"]),
        # service industries head a list too
        (
            "提升金融服务、现代商贸、健康养老三大服务业。",
            "三大服务业",
            ["金融服务", "现代商贸", "健康养老"],
        ),
        # 智能网联 is one word, no verb 联 inside an item
        (
            "加快培育智能网联汽车、工业母机两条产业链。",
            "两条产业链",
            ["智能网联汽车", "工业母机"],
        ),
    ],
)
def test_lists_in_every_order(text, label, names):
    found = facts(text, "chain")
    assert {f["measure"] for f in found} == {label}
    assert [f["detail"]["name"] for f in found] == (
        names or ["白酒", "光伏", "新材料", "食品", "物流"]
    )
    assert all(text[f["start"] : f["end"]] == f["text"] for f in found)


def test_declared_and_listed_counts_and_the_flag_where_they_differ():
    closed = facts("培育新能源、新材料、生物医药三大产业集群。", "chain")
    assert {(f["detail"]["declared"], f["detail"]["listed"]) for f in closed} == {(3, 3)}
    assert not any(f["detail"]["count_mismatch"] or f["detail"]["open"] for f in closed)
    open_ = facts("新能源、新材料等12条产业链实现产值增长。", "chain")
    assert {(f["detail"]["declared"], f["detail"]["listed"]) for f in open_} == {(12, 2)}
    assert all(f["detail"]["count_mismatch"] and f["detail"]["open"] for f in open_)
    (head,) = facts("新能源、新材料等12条产业链实现产值增长。", "chain_list")
    assert (head["text"], head["value"], head["unit"], head["measure"]) == (
        "12条产业链",
        12,
        "条",
        "产业链",
    )
    assert head["detail"]["items"] == ["新能源", "新材料"] and head["detail"]["count_mismatch"]


def test_a_head_with_a_count_and_no_list_is_a_list_with_no_items():
    text = "全市15条产业链不断壮大，15条产业链产值增长。"
    assert facts(text, "chain") == []
    (alone,) = facts(text, "chain_list")
    assert (alone["text"], alone["value"], alone["detail"]["items"]) == ("15条产业链", 15, [])
    assert (alone["detail"]["listed"], alone["detail"]["mentions"]) == (0, 2)
    assert alone["detail"]["count_mismatch"]
    # a count that qualifies another noun is no head: 3个农业产业项目 counts projects
    assert facts("包括5个工业项目和3个农业产业项目。", "chain_list") == []
    # a list of the article that declares the count is what the later mention refers to
    listed = "培育新能源、新材料两大产业集群，两大产业集群产值增长。"
    assert [f["text"] for f in facts(listed, "chain_list")] == ["两大产业集群"]


def test_bracketed_sub_items_and_bracketed_qualifiers():
    found = facts("涉及新型建材、茉莉花（茶）、轻工（含纺织、家具）等行业。", "chain")
    assert [f["detail"]["name"] for f in found] == ["新型建材", "茉莉花（茶）", "轻工"]
    assert found[2]["detail"]["includes"] == ["纺织", "家具"]


@pytest.mark.parametrize(
    "text",
    [
        "会上，市发展改革委、市工信局等产业链牵头单位分别汇报了工作。",  # bureaus
        "高新区、经开区等产业园区负责人作了发言。",  # zones
        "成都、重庆等地的企业参加会议。",  # places, and 地 heads no list
        "全区服务业增加值、社会消费品零售总额均有增长。",  # 服务业 heading no list
        "在建项目抓进度、前期项目抓开工等环节要压实责任。",  # verb phrases
    ],
)
def test_organisations_places_and_verb_phrases_are_no_industries(text):
    assert facts(text, "chain") == []


def test_a_list_never_reaches_back_past_its_clause():
    text = "会议由县长主持，县领导、各部门负责人参加，聚焦白酒、茶叶等特色产业。"
    assert [f["detail"]["name"] for f in facts(text, "chain")] == ["白酒", "茶叶"]


@pytest.mark.parametrize(
    "text,names",
    [
        # a list after its head that runs into what it qualifies (…的推进情况)
        (
            "会议通报了五大产业链——白酒、茶叶、竹木、光伏、物流的推进情况。",
            ["白酒", "茶叶", "竹木", "光伏", "物流"],
        ),
        # the object of 把 or 以, the complement of 即
        ("今年我们把白酒、茶叶2条产业链作为重点。", ["白酒", "茶叶"]),
        ("三园即光伏、锂电、储能三大产业园区。", ["光伏", "锂电", "储能"]),
        # jieba's state words (紧盯) open a list as verbs do
        ("下半年将紧盯汽车、新能源等重点产业开展招商。", ["汽车", "新能源"]),
        # a two-character verb inside a name is part of it; a product chain is a chain
        ("形成电源和超纤复合材料两条产品链。", ["电源", "超纤复合材料"]),
    ],
)
def test_where_a_list_begins_and_ends(text, names):
    assert [f["detail"]["name"] for f in facts(text, "chain")] == names
