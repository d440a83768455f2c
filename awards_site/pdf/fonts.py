"""The fonts every PDF is rendered with: which font draws which script, and how the bundle in
static/fonts/ is made.

A nominee may write any script used in Africa, so a PDF's text goes through a list of families
(`SANS_STACK`, `SERIF_STACK`), each used for the characters the ones before it lack:

- "CX Sans" and "CX Serif" (Noto Sans, Noto Serif): Latin with every African letter and tone
  mark (Yoruba Ẹ̀kọ́, Ewe ɛ ɔ ŋ ƒ ʋ, Hausa ɓ ɗ ƙ ƴ...), Greek and Cyrillic;
- one family per other script (Noto Naskh Arabic, Noto Sans Ethiopic, Tifinagh, N'Ko, Adlam,
  Vai, Bamum, Osmanya, Bassa Vah, Mende Kikakui), each declared with a unicode-range of its own
  script only, so its digits or punctuation never replace the Latin ones;
- "CX Emoji" (Noto Emoji, monochrome: colour emoji fonts are ten times larger);
- "CX Symbols" (DejaVu Sans) for whatever is left: arrows, boxes, mathematics, Hebrew,
  Armenian, Georgian...

The files are bundled in static/fonts/ (TrueType, SIL Open Font License; DejaVu's licence for
DejaVu), so a server without the Debian font packages renders the same PDF, and
awards_site/pdf/rendering.py renders with these files only, never the machine's fonts.

`make bundle-fonts` rebuilds the bundle: `manage.py bundle_fonts` reads the fonts installed by
Debian's packages (fonts-noto-core, fonts-dejavu-core; `make install` installs them when run as
root) and Noto Emoji from npm's @fontsource/noto-emoji, drops the TrueType hinting (PDFs never
use it; every character stays) and writes static/fonts/fonts.json: each face with its
unicode-range, read by awards_site/pdf/rendering.py.
"""

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
MANIFEST = FONTS_DIR / "fonts.json"

NOTO = Path("/usr/share/fonts/truetype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

# Unicode blocks of each script (a family declares the characters it has in these blocks).
ARABIC = [
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10E60, 0x10E7F),
    (0x1EE00, 0x1EEFF),
]
ETHIOPIC = [(0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F), (0x1E7E0, 0x1E7FF)]
TIFINAGH = [(0x2D30, 0x2D7F)]
NKO = [(0x07C0, 0x07FF)]
ADLAM = [(0x1E900, 0x1E95F)]
VAI = [(0xA500, 0xA63F)]
BAMUM = [(0xA6A0, 0xA6FF), (0x16800, 0x16A3F)]
OSMANYA = [(0x10480, 0x104AF)]
BASSA_VAH = [(0x16AD0, 0x16AFF)]
MENDE_KIKAKUI = [(0x1E800, 0x1E8DF)]
# Emoji and the joiners, selectors and tags of emoji sequences (the Latin fonts before it keep
# their own ©, ®, digits and punctuation).
EMOJI = [
    (0x2000, 0x2BFF),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0xFE0F, 0xFE0F),
    (0x1F000, 0x1FAFF),
    (0xE0020, 0xE007F),
]


# A space's width in the emoji font, in ems (Noto Sans: 0.26).
SPACE_WIDTH = 0.26


@dataclass(frozen=True)
class Face:
    family: str
    file: str  # the file in static/fonts/
    source: Path | None  # the installed font it is made from (None: given on the command line)
    blocks: list | None = None  # the script's blocks; None: every character of the font
    weight: str = "normal"
    style: str = "normal"
    rest: bool = False  # keeps only what the families before it lack (the last fallback)
    trim: bool = False  # keeps only its blocks and its spaces, which get a text space's width


def noto(family, name, blocks=None, **options):
    return Face(family, f"{name}.ttf", NOTO / f"{name}.ttf", blocks, **options)


FACES = [
    noto("CX Sans", "NotoSans-Regular"),
    noto("CX Sans", "NotoSans-Bold", weight="bold"),
    noto("CX Serif", "NotoSerif-Regular"),
    noto("CX Serif", "NotoSerif-Bold", weight="bold"),
    noto("CX Serif", "NotoSerif-Italic", style="italic"),
    noto("CX Arabic", "NotoNaskhArabic-Regular", ARABIC),
    noto("CX Arabic", "NotoNaskhArabic-Bold", ARABIC, weight="bold"),
    noto("CX Ethiopic", "NotoSansEthiopic-Regular", ETHIOPIC),
    noto("CX Ethiopic", "NotoSansEthiopic-Bold", ETHIOPIC, weight="bold"),
    noto("CX Tifinagh", "NotoSansTifinagh-Regular", TIFINAGH),
    noto("CX NKo", "NotoSansNKo-Regular", NKO),
    noto("CX Adlam", "NotoSansAdlam-Regular", ADLAM),
    noto("CX Adlam", "NotoSansAdlam-Bold", ADLAM, weight="bold"),
    noto("CX Vai", "NotoSansVai-Regular", VAI),
    noto("CX Bamum", "NotoSansBamum-Regular", BAMUM),
    noto("CX Osmanya", "NotoSansOsmanya-Regular", OSMANYA),
    noto("CX Bassa Vah", "NotoSansBassaVah-Regular", BASSA_VAH),
    noto("CX Mende Kikakui", "NotoSansMendeKikakui-Regular", MENDE_KIKAKUI),
    Face("CX Emoji", "NotoEmoji-Regular.ttf", None, EMOJI, trim=True),
    Face("CX Symbols", "DejaVuSans.ttf", DEJAVU / "DejaVuSans.ttf", rest=True),
]

# The order of the fallback families after the first one.
SCRIPT_FAMILIES = [
    "CX Arabic",
    "CX Ethiopic",
    "CX Tifinagh",
    "CX NKo",
    "CX Adlam",
    "CX Vai",
    "CX Bamum",
    "CX Osmanya",
    "CX Bassa Vah",
    "CX Mende Kikakui",
    "CX Emoji",
    "CX Symbols",
]


def stack(first):
    return ", ".join(f'"{family}"' for family in [first, *SCRIPT_FAMILIES])


SANS_STACK = stack("CX Sans")
SERIF_STACK = stack("CX Serif")


# The manifest (read by awards_site/pdf/rendering.py)
# ------------------------------------------------------


def load_manifest():
    """[{family, file, weight, style, unicode_range}] of the bundled faces."""
    return json.loads(MANIFEST.read_text())["faces"]


def unicode_range(codepoints):
    """CSS unicode-range of a set of code points: "U+41-5A, U+61"."""
    ranges = []
    for codepoint in sorted(codepoints):
        if ranges and ranges[-1][1] == codepoint - 1:
            ranges[-1][1] = codepoint
        else:
            ranges.append([codepoint, codepoint])
    return ", ".join(
        f"U+{start:X}" if start == end else f"U+{start:X}-{end:X}" for start, end in ranges
    )


# Building the bundle (manage.py bundle_fonts) ---------------------------------------------------


def _in_blocks(codepoint, blocks):
    return any(start <= codepoint <= end for start, end in blocks)


def build(emoji_source, out_dir=FONTS_DIR):
    """Write every face (TrueType, without hinting) and the manifest; returns [(file, bytes)]."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    written, faces = [], []
    # What the faces before a "rest" face draw in both stacks: the characters of the regular
    # sans and serif, and the script faces' own.
    regular = {"CX Sans": set(), "CX Serif": set()}
    claimed = set()
    for face in FACES:
        source = Path(emoji_source) if face.source is None else face.source
        if not source.exists():
            raise FileNotFoundError(
                f"{source} is missing: install Debian's fonts-noto-core and fonts-dejavu-core "
                "(make install, as root) and give Noto Emoji with --emoji."
            )
        codepoints = set(TTFont(str(source)).getBestCmap())
        if face.rest:
            # Spaces and joiners stay: Pango keeps a space in the font of the text around it.
            codepoints -= {
                c
                for c in (regular["CX Sans"] & regular["CX Serif"]) | claimed
                if unicodedata.category(chr(c)) not in ("Zs", "Cf", "Cc")
            }
        elif face.blocks is not None:
            codepoints = {c for c in codepoints if _in_blocks(c, face.blocks)}
            claimed |= codepoints
        elif face.weight == "normal" and face.style == "normal":
            regular[face.family] |= codepoints
        options = subset.Options()
        options.unicodes = ["*"]
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.hinting = False
        options.flavor = None
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        # A script face keeps every character (its digits and punctuation serve its shaping);
        # its unicode-range says which ones it draws.
        keep = codepoints if face.rest or face.trim else font.getBestCmap().keys()
        spaces = {c for c in font.getBestCmap() if unicodedata.category(chr(c)) == "Zs"}
        subsetter.populate(unicodes=set(keep) | (spaces if face.trim else set()))
        subsetter.subset(font)
        if face.trim:
            # Pango sets the space after an emoji in the emoji font: Noto Emoji's is an emoji
            # wide, which leaves holes in a line of text.
            cmap, width = font.getBestCmap(), round(SPACE_WIDTH * font["head"].unitsPerEm)
            for codepoint in spaces & {0x20, 0xA0}:
                font["hmtx"][cmap[codepoint]] = (width, 0)
        target = Path(out_dir) / face.file
        subset.save_font(font, str(target), options)
        written.append((face.file, target.stat().st_size))
        covered = set(TTFont(str(target)).getBestCmap()) & codepoints
        faces.append(
            {
                "family": face.family,
                "file": face.file,
                "weight": face.weight,
                "style": face.style,
                "unicode_range": unicode_range(covered) if face.blocks is not None else None,
                "source": source.name,
            }
        )
    (Path(out_dir) / MANIFEST.name).write_text(json.dumps({"faces": faces}, indent=1) + "\n")
    return written
