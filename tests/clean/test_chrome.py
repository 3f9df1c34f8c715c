"""Portal menus, breadcrumbs, stamps and footers go; article lines stay."""

import pytest

from helpers.clean.chrome import is_boilerplate, remove_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "新聞資訊",
        "欄目導航",
        "推薦新聞",
        "新闻资讯",
        "首页",  # menus
        "當(dāng)前頁面: 首頁??>?政務(wù)公開?>?解讀回應(yīng)?>?媒體解讀",  # breadcrumb
        "首页 > 新闻中心 > 正文",
        "当前位置：首页 > 政务公开",
        "發(fā)布: 2020-09-29 14:29:00",
        "来源：衡阳日报",  # stamps
        "地 址:湖南省衡陽(yáng)市高新區華新大道11號 E-MAIL:hxgtbgs@163.com TEL:+86 (734) 882 8281",
        "附件下載:",
        "附件：1.衡阳市产业链建设实施方案.doc",  # footers
        "責任編輯:翟柯",
        "责任编辑：翟柯",
        "分享到：微信 微博",
        "版权所有 衡阳市人民政府",
    ],
)
def test_boilerplate_lines_are_recognized(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "鄧群策還就做好當前各項工作作了安排部署。",
        "相關(guān)鏈接:",  # a heading over real content
        "城市競爭歸根結(jié)底是產(chǎn)業(yè)的競爭。",
        "市領導黃立、謝明芳、朱春光、黃艷娥參加。",
        "要强化服务意识，首页工作是……",  # mentions a menu word inside a sentence
        "发布会上，市长朱健介绍了全市经济运行情况。",
        "",
    ],
)
def test_article_lines_are_kept(line):
    assert not is_boilerplate(line)


def test_remove_boilerplate_keeps_the_article_and_logs_each_line():
    log = []
    text = "新聞資訊\n欄目導航\n推薦新聞\n鄧群策強調,要把補鏈強鏈延鏈作為核心任務。\n附件下載:"
    assert remove_boilerplate(text, log) == "鄧群策強調,要把補鏈強鏈延鏈作為核心任務。"
    assert [before for before, _ in log] == ["新聞資訊", "欄目導航", "推薦新聞", "附件下載:"]
