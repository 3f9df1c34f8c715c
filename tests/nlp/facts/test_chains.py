"""Chain, cluster and field lists on real passages."""

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
    assert chain_names(LUOHE_SYSTEM, "细分领域") == [
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
