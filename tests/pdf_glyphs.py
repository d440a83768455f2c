"""Which characters a PDF really draws: for every glyph the text of each embedded font shows,
its character(s) (the font's ToUnicode map), the glyph it is drawn with (the font's encoding,
then CIDToGIDMap) and whether the embedded font program has an outline for that glyph.

A character no font has is drawn with glyph 0, .notdef (a box, "tofu"): WeasyPrint still maps
it to its character for copy and paste, so the PDF's extracted text looks right. Only the glyph
tells; `drawn` and `tofu` below read it.
"""

import io
import re
import unicodedata
from dataclasses import dataclass, field

import pypdf
from fontTools.ttLib import TTFont

HEX = re.compile(rb"<([0-9a-fA-F]*)>")


@dataclass
class Glyphs:
    drawn: set = field(default_factory=set)  # characters drawn with a real glyph
    tofu: set = field(default_factory=set)  # characters drawn as .notdef or an empty glyph
    families: set = field(default_factory=set)  # the embedded fonts' names, without prefix

    def missing(self, text):
        """The characters of `text` that are not drawn with a real glyph (spaces, joiners and
        variation selectors, which have no outline, aside)."""
        wanted = {c for c in text if not _invisible(c)}
        return sorted((wanted - self.drawn) | (wanted & self.tofu))


def _invisible(character):
    return unicodedata.category(character) in ("Zs", "Cf", "Cc", "Me") or (
        0xFE00 <= ord(character) <= 0xFE0F
    )


def _to_unicode(stream):
    """{code: text} of a ToUnicode CMap (bfchar and bfrange entries)."""
    data = stream.get_data()
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        values = HEX.findall(block)
        for code, text in zip(values[::2], values[1::2], strict=True):
            mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in block.strip().splitlines():
            values = HEX.findall(line)
            if len(values) == 3:
                start, end = int(values[0], 16), int(values[1], 16)
                first = bytes.fromhex(values[2].decode()).decode("utf-16-be")
                for offset in range(end - start + 1):
                    mapping[start + offset] = first[:-1] + chr(ord(first[-1]) + offset)
    return mapping


def _code_to_cid(encoding):
    """{code: cid} of an embedded CMap (WeasyPrint writes one when glyphs are missing: the
    missing ones go to CID 0); None for Identity-H."""
    if not isinstance(encoding, pypdf.generic.StreamObject):
        return None
    mapping = {}
    for block in re.findall(rb"begincidchar(.*?)endcidchar", encoding.get_data(), re.S):
        for code, cid in re.findall(rb"<([0-9a-fA-F]+)>\s+(\d+)", block):
            mapping[int(code, 16)] = int(cid)
    return mapping


def _cid_to_gid(descendant):
    mapping = descendant.get("/CIDToGIDMap")
    if mapping is None or not isinstance(mapping.get_object(), pypdf.generic.StreamObject):
        return None  # Identity
    data = mapping.get_object().get_data()
    return {
        cid: int.from_bytes(data[2 * cid : 2 * cid + 2], "big") for cid in range(len(data) // 2)
    }


def _has_outline(font, gid):
    if gid == 0 or gid >= font["maxp"].numGlyphs:
        return False
    if "glyf" in font:
        glyph = font["glyf"][font.getGlyphOrder()[gid]]
        return glyph.numberOfContours != 0
    return True  # CFF: subsets keep only used glyphs


def _fonts(resources, seen):
    """Every font dictionary of a page's resources, form XObjects included."""
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            yield font
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts(xobject.get("/Resources"), seen)


def glyphs(data):
    """The Glyphs of a PDF (bytes)."""
    result = Glyphs()
    seen = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in _fonts(page.get("/Resources"), seen):
            result.families.add(str(font["/BaseFont"]).split("+", 1)[-1])
            to_unicode = _to_unicode(font["/ToUnicode"].get_object())
            if font["/Subtype"] != "/Type0":  # Type 3 (bitmap) fonts: every glyph is drawn
                result.drawn.update("".join(to_unicode.values()))
                continue
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
            embedded = TTFont(io.BytesIO(program.get_object().get_data()))
            code_to_cid = _code_to_cid(font.get("/Encoding"))
            cid_to_gid = _cid_to_gid(descendant)
            for code, text in to_unicode.items():
                cid = code if code_to_cid is None else code_to_cid.get(code, 0)
                gid = cid if cid_to_gid is None else cid_to_gid.get(cid, 0)
                if _has_outline(embedded, gid):
                    result.drawn.update(text)
                elif text.strip():
                    result.tofu.update(text)
    return result
