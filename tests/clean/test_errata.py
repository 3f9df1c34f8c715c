"""The errata file repairs the four known garbled runs; what remains is detected."""

import csv

import pytest

from helpers import config
from helpers.clean.errata import Erratum, apply_errata, errata_audit, suspicious_runs
from helpers.clean.sources import load_sources

KNOWN = {
    "hengyang-2020-09-29-industrial-chain-rally.txt": [
        ("六?!比蝿?wù)", "六保”任務"),
        ("建設?!编嚾翰邚娬{", "建設。”鄧群策強調"),
    ],
    "hengyang-2024-industrial-chain-commentary.txt": [
        ("鏈?zhǔn)剿季S", "鏈式思維"),
        ("鏈?zhǔn)桨l(fā)展", "鏈式發展"),
    ],
}


def test_errata_file_holds_the_four_known_repairs_with_evidence():
    errata = load_sources(config.RAW_DATA_DIR).errata
    assert {name: [erratum[:2] for erratum in found] for name, found in errata.items()} == KNOWN
    rows = list(csv.DictReader(config.ERRATA_FILE.open(encoding="utf-8")))
    assert [erratum.evidence for found in errata.values() for erratum in found] == [
        row["evidence"] for row in rows
    ]
    assert all(row["evidence"].startswith("The GBK bytes of") for row in rows)


@pytest.mark.parametrize(
    "name, garbled", [(name, g) for name, pairs in KNOWN.items() for g, _ in pairs]
)
def test_every_garbled_run_is_in_its_raw_file(name, garbled):
    assert garbled in (config.RAW_DATA_DIR / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("落實“六?!比蝿?wù)的必然要求", "落實“六保”任務的必然要求"),
        (
            "營(yíng)商環(huán)境建設?!编嚾翰邚娬{,要把",
            "營(yíng)商環(huán)境建設。”鄧群策強調,要把",
        ),
        ("不斷強化鏈?zhǔn)剿季S、鏈條理念", "不斷強化鏈式思維、鏈條理念"),
        ("衡陽以鏈?zhǔn)桨l(fā)展激活了", "衡陽以鏈式發展激活了"),
        ("沒有錯誤的句子。", "沒有錯誤的句子。"),
    ],
)
def test_apply_errata(raw, expected):
    corrections = [Erratum(*pair) for pairs in KNOWN.values() for pair in pairs]
    assert apply_errata(raw, corrections) == expected


def test_apply_errata_logs_each_repair():
    log = []
    apply_errata("六?!比蝿?wù)，又是六?!比蝿?wù)", [Erratum("六?!比蝿?wù)", "六保”任務")], log)
    assert log == [("六?!比蝿?wù)", "六保”任務")] * 2


def test_the_audit_lists_each_applied_erratum_with_its_evidence():
    errata = load_sources(config.RAW_DATA_DIR).errata[
        "hengyang-2020-09-29-industrial-chain-rally.txt"
    ]
    log = []
    apply_errata("落實“六?!比蝿?wù)的必然要求,又落實“六?!比蝿?wù)", errata, log)
    row = errata_audit(errata, log)
    assert (row["step"], row["changes"]) == ("errata", 2)
    assert (
        row["examples"] == f"六?!比蝿?wù) → 六保”任務 (evidence: {errata[0].evidence})"
    )  # one example per erratum
    assert row["examples"].startswith(
        "六?!比蝿?wù) → 六保”任務 (evidence: The GBK bytes of 保”任務 (b1 a3 a1 b1"
    )
    assert errata_audit(errata, []) == {"step": "errata", "changes": 0, "examples": ""}


@pytest.mark.parametrize(
    "text, runs",
    [
        ("落實“六?!比蝿?wù)的必然要求", ["實“六?!比蝿?wù)的必然"]),
        ("不斷強化鏈?zhǔn)剿季S、鏈條", ["強化鏈?zhǔn)剿季S"]),
        ("建设\ufffd\ufffd强调", ["建设\ufffd\ufffd强调"]),
        ("准桨l展", ["准桨l展"]),  # pinyin broken out of its gloss
        ("首頁??>?政務", ["首頁??>?政務"]),
        ("â€œ衡阳â€", ["â€œ衡阳â€"]),
        # Not mojibake:
        ("这是一个问题？是的。", []),
        ("国内生产总值(GDP)增长5%，TEL:+86 (734)", []),
        ("What? Yes.", []),
    ],
)
def test_suspicious_runs(text, runs):
    assert suspicious_runs(text) == runs
