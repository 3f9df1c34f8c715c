"""The one CJK font of the project: Noto Sans CJK SC as shipped by the mplfonts package.

Charts register it with matplotlib (:mod:`helpers.report.plots`); HTML pages embed a subset of it
as a web font (:func:`webfont_css`), because a reader's machine may have no Chinese font at
all and would otherwise show boxes.
"""

import base64
import hashlib
import importlib.util
from functools import cache
from pathlib import Path

from helpers import atomic, config

CJK_FONT_FAMILY = "Noto Sans CJK SC"
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"
WEBFONT_FAMILY = "Report Noto Sans CJK SC"  # distinct name: never silently use a local font instead
WEBFONT_CACHE_DIR = config.CACHE_DIR / "webfonts"

# WOFF (zlib) rather than WOFF2: on a 1,300-character page WOFF2 saves about 10 % (225 vs
# 250 kB) but its brotli pass takes 1.7 s more per page (2.6 s vs 1.1 s measured), which is
# most of a report's export time.
WEBFONT_FLAVOR = "woff"


@cache
def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC file inside the installed mplfonts package.

    Found without importing mplfonts (its import pulls in matplotlib).

    >>> cjk_font_path().name
    'NotoSansCJKsc-Regular.otf'
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "mplfonts is not installed: `pip install mplfonts` ships the CJK font"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: mplfonts no longer ships {CJK_FONT_FILE}")
    return path


def subset_font(chars: str) -> bytes:
    """The CJK font cut down to ``chars``, as WOFF bytes; cached on disk by character set.

    >>> subset_font("产业链")[:4]
    b'wOFF'
    """
    from fontTools import subset

    charset = "".join(sorted(set(chars)))
    key = hashlib.sha256(f"{CJK_FONT_FILE}:{WEBFONT_FLAVOR}:{charset}".encode()).hexdigest()[:24]
    cached = WEBFONT_CACHE_DIR / f"{key}.{WEBFONT_FLAVOR}"
    if cached.is_file():
        return cached.read_bytes()

    options = subset.Options()
    options.flavor = WEBFONT_FLAVOR
    options.hinting = False  # screens render CJK well without hints; hints are a third of the bytes
    options.notdef_outline = True
    # No layout closure: GSUB would pull in the Japanese/Korean/Traditional variants of every
    # character (twice the glyphs) and horizontal Chinese text needs no substitutions.
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "BASE", "vhea", "vmtx", "VORG"]
    font = subset.load_font(str(cjk_font_path()), options, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=charset)
    subsetter.subset(font)
    atomic.write_with(cached, lambda tmp: subset.save_font(font, str(tmp), options))
    return cached.read_bytes()


def webfont_css(chars: str) -> str:
    """An ``@font-face`` rule embedding the subset for ``chars`` as a ``data:`` URI.

    >>> webfont_css("衡阳").startswith('@font-face{font-family:"Report Noto Sans CJK SC";')
    True
    """
    data = base64.b64encode(subset_font(chars)).decode("ascii")
    return (
        f'@font-face{{font-family:"{WEBFONT_FAMILY}";font-style:normal;font-weight:400;'
        f"font-display:block;src:url(data:font/{WEBFONT_FLAVOR};base64,{data}) "
        f'format("{WEBFONT_FLAVOR}");}}'
    )


# Characters JupyterLab should render on a machine without Chinese fonts: the 6,763 of
# GB2312 (nearly all Simplified text), their Traditional forms, and CJK punctuation.
def common_cjk_characters() -> str:
    """Every GB2312 hanzi and its Traditional form, and CJK punctuation (about 9,000)."""
    from opencc import OpenCC

    hanzi = "".join(
        bytes([row, cell]).decode("gb2312")
        for row in range(0xB0, 0xF8)
        for cell in range(0xA1, 0xFF)
        if not (row == 0xD7 and cell > 0xF9)  # the end of level 1 is unassigned
    )
    return hanzi + OpenCC("s2t").convert(hanzi) + "，。、；：？！“”‘’（）《》【】—…·"


LAB_CONFIG_DIR = config.PROJ_ROOT / ".jupyter"


def write_lab_css(config_dir: Path = LAB_CONFIG_DIR) -> Path:
    """JupyterLab's custom stylesheet with the CJK font embedded, for ``make lab``.

    JupyterLab loads ``<config dir>/custom/custom.css`` when started with
    ``--LabApp.custom_css=True``; the font comes as a ``data:`` URI, so Chinese renders in
    tables, Markdown, the editor and the parameter cell with no font installed and offline.
    """
    families = f'"{WEBFONT_FAMILY}", system-ui, sans-serif'
    code = (
        f'"DejaVu Sans Mono", Menlo, "{WEBFONT_FAMILY}", monospace'  # the font before the generic
    )
    # On body, and important: the theme's stylesheet loads after this one and sets :root.
    css = (
        webfont_css(common_cjk_characters())
        + f"\nbody {{ --jp-content-font-family: {families} !important;"
        f" --jp-ui-font-family: {families} !important; --jp-code-font-family: {code} !important; }}\n"
    )
    target = config_dir / "custom" / "custom.css"
    atomic.write_text(target, css)
    return target
