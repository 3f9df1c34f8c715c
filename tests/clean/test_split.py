"""Files split into articles; articles split into headline and body."""

import pytest

from helpers import config
from helpers.clean.split import compose_title, split_articles, split_header

RAW = config.RAW_DATA_DIR


def test_the_2022_file_holds_three_articles_each_starting_at_its_headline():
    parts = split_articles(
        (RAW / "hengyang-2022-02-07-three-articles.txt").read_text(encoding="utf-8")
    )
    assert [part.split("\n")[0] for part in parts] == [
        "秦国文在衡阳市“聚力中心化攻坚年”行动动员大会上强调——",
        "坚持稳字当头稳中求进 统筹推进经济社会发展各项任务",
        "推动有效市场和有为政府更好结合 引领新时代民营经济实现新飞跃",
    ]
    assert [part.count("衡阳晚报讯") for part in parts] == [1, 1, 1]
    assert parts[0].endswith("尹培国及全体在家副市级以上领导出席会议。")


@pytest.mark.parametrize(
    "name",
    [
        "hengyang-2020-09-29-industrial-chain-rally.txt",
        "hengyang-2024-industrial-chain-commentary.txt",
        "yunyang-2020-08-14-hundred-billion-industry-rally.txt",
        "luohe-2020-09-02-key-projects-review.txt",
    ],
)
def test_single_article_files_stay_whole(name):
    text = (RAW / name).read_text(encoding="utf-8")
    assert split_articles(text) == [text.strip("\n")]


@pytest.mark.parametrize(
    "text, header, first_body_line",
    [
        (
            "新聞資訊\n欄目導航\n鄧群策:舉全市之力,堅決打贏產業鏈建設攻堅戰\n發布: 2020-09-29 14:29:00\n"
            "鄧群策指出,習近平總書記在湖南考察時,賦予湖南“三高地”“四個新”的新目標新定位,指明了新路徑。",
            ["鄧群策:舉全市之力,堅決打贏產業鏈建設攻堅戰"],
            "新聞資訊",
        ),
        (
            "云陽召開“千億工業”高質量發展動員大會\n重整行裝振奮精神 擔當使命砥礪作為\n"
            "奮力譜寫新時代云陽工業高質量發展新篇章\n云陽網訊(記者 王彬彬 唐斌 鄧磊)加快發展、時不我待。",
            [
                "云陽召開“千億工業”高質量發展動員大會",
                "重整行裝振奮精神 擔當使命砥礪作為",
                "奮力譜寫新時代云陽工業高質量發展新篇章",
            ],
            "云陽網訊(記者 王彬彬 唐斌 鄧磊)加快發展、時不我待。",
        ),
        (
            "城市競爭歸根結底是產業的競爭。\n自2023年以來,我市錨定“三高四新”美好藍圖,全力實施“製造立市、文旅興城”發展戰略。",
            ["城市競爭歸根結底是產業的競爭。"],
            "自2023年以來,我市錨定“三高四新”美好藍圖,全力實施“製造立市、文旅興城”發展戰略。",
        ),
        (
            "只有一段正文,没有标题,要举全市之力坚决打赢产业链建设攻坚战,加快推进中心化进程。",
            [],
            "只有一段正文,没有标题,要举全市之力坚决打赢产业链建设攻坚战,加快推进中心化进程。",
        ),
    ],
)
def test_split_header(text, header, first_body_line):
    found, rest = split_header(text)
    assert found == header
    assert rest.split("\n")[0] == first_body_line


@pytest.mark.parametrize(
    "header, title, subtitles",
    [
        (
            [
                "秦国文在衡阳市“聚力中心化攻坚年”行动动员大会上强调——",
                "“聚力中心”科学布局产业 高效推进项目 做大做强园区",
                "朱健主持",
            ],
            "秦国文在衡阳市“聚力中心化攻坚年”行动动员大会上强调——“聚力中心”科学布局产业 高效推进项目 做大做强园区 朱健主持",
            ["朱健主持"],
        ),
        (
            [
                "坚持稳字当头稳中求进 统筹推进经济社会发展各项任务",
                "市政府 2022 年第一次全会召开 朱健出席并讲话",
            ],
            "坚持稳字当头稳中求进 统筹推进经济社会发展各项任务 市政府 2022 年第一次全会召开 朱健出席并讲话",
            ["市政府 2022 年第一次全会召开 朱健出席并讲话"],
        ),
        (
            ["延链补链强链 全力打造百亿级不锈钢产业集群", "——访县工信局局长 孙国庆"],
            "延链补链强链 全力打造百亿级不锈钢产业集群 ——访县工信局局长 孙国庆",
            ["——访县工信局局长 孙国庆"],
        ),
        (["城市競爭歸根結底是產業的競爭。"], "城市競爭歸根結底是產業的競爭", []),
        ([], "", []),
    ],
)
def test_compose_title(header, title, subtitles):
    assert compose_title(header) == (title, subtitles)
