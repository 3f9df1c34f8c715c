#!/usr/bin/env python3
"""Garble chosen runs of glossed articles the way the seed files were garbled.

The mechanism is the one ``data/raw/errata.csv`` documents byte by byte: the GBK bytes of the
text from the start of a run on are read one byte out of step. The lost first byte shows as
``?``; every following pair of bytes decodes into an unrelated (often rare) character, a
full-width ``！`` coming through as ASCII ``!``; the reading falls back in step at the first
ASCII byte:

* an ASCII byte met where a pair should start (the second byte of a character such as 調,
  ``d5 7b``) shows as that ASCII character (``{``);
* an ASCII byte met as the second byte of a pair (the ``(`` of a pinyin gloss, a ``,`` or a
  ``!``) cannot complete it: the pair shows as ``?`` and the ASCII byte is swallowed, so a gloss
  loses its opening bracket (``?wù)``).

So ``保”任務(wù)`` becomes ``?!比蝿?wù)`` and ``。”鄧群策強調`` becomes ``?!编嚾翰邚娬{``, as in
the seeds. Each run is named in ``RUNS`` by a Simplified anchor from the article's source in
``glossed_src/`` (the run starts at the anchor's first character) and by how many characters
of context before it the record keeps. The script regenerates the glossed text in memory
(``make_glossed.build``), garbles the runs, writes ``articles/<id>.txt`` and prints each
garbled run with its repair (the true text in the file's own script, the damaged gloss
dropped, as in ``errata.csv``); ``--json`` writes them into ``expected/<id>.json``.

    .venv/bin/python tests/corpus/make_glossed.py
    .venv/bin/python tests/corpus/make_mojibake.py --json
"""

import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_glossed  # noqa: E402

HERE = make_glossed.HERE

# id -> [(Simplified anchor: the run starts at its first character, characters of context kept before it)]
RUNS = {
    "chuzhou-eight-chains-push": [("。”许文斌强调", 0)],
    "fengxian-fourth-quarter-start": [("工、在建、投产", 1)],
    "anxi-chain-leaders-meeting": [("链工作不能停", 0), ("。”刘志强强调", 0)],
    "guigang-park-infrastructure": [("年底前新建", 0)],
    "zhuzhou-industrial-clusters-commentary": [("金链、人才链", 0)],
}


def garble_at(text: str, start: int) -> tuple:
    """Garble ``text`` from index ``start``; return (garbled piece, number of original characters it replaces)."""
    data, bounds = b"", {0}
    for char in text[start:]:
        data += char.encode("gbk")
        bounds.add(len(data))
        if len(data) > 64:
            break
    if data[0] < 0x81:
        raise ValueError(f"run must start with a two-byte character, not {text[start]!r}")
    out, i = ["?"], 1
    while True:
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        else:
            trail = data[i + 1]
            if trail < 0x40 or trail in (0x7F, 0xFF):
                out.append("?")
            else:
                try:
                    char = data[i : i + 2].decode("gbk")
                except UnicodeDecodeError:
                    char = "?"
                out.append("!" if char == "！" else char)
            i += 2
        if i in bounds:
            break
    consumed = len(text[start:].encode("gbk")[:i].decode("gbk"))
    return "".join(out), consumed


def apply_runs(ident: str) -> tuple:
    simplified = (make_glossed.SRC / f"{ident}.txt").read_text(encoding="utf-8")
    text, where = make_glossed.build(ident)
    records, shift = [], 0
    for anchor, context in RUNS[ident]:
        s_index = simplified.index(anchor)
        start = where[s_index] + shift
        piece, consumed = garble_at(text, start)
        original = text[start : start + consumed]
        garbled_end = start + consumed
        tail = ""
        if original.endswith("("):  # a gloss lost its bracket: its rest stays in the record
            tail = text[garbled_end : text.index(")", garbled_end) + 1]
        prefix = text[where[s_index - context] + shift : start]
        records.append(
            {"garbled": prefix + piece + tail, "repair": prefix + _strip_glosses(original)}
        )
        text = text[:start] + piece + text[garbled_end:]
        shift += len(piece) - consumed
    return text, records


def _strip_glosses(original: str) -> str:
    return re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+ ?\)?", "", original).rstrip("(")


def main(argv):
    for ident in RUNS:
        text, records = apply_runs(ident)
        for record in records:
            if text.count(record["garbled"]) != 1:
                raise SystemExit(f"{ident}: garbled run {record['garbled']!r} is not unique")
        (make_glossed.OUT / f"{ident}.txt").write_text(text, encoding="utf-8")
        for record in records:
            print(f"{ident}: {record['garbled']!r} -> {record['repair']!r}")
        if "--json" in argv:
            path = HERE / "expected" / f"{ident}.json"
            expected = json.loads(path.read_text(encoding="utf-8"))
            expected["mojibake"] = records
            path.write_text(
                json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
