"""Citations — 第十一条第（四）项 / Art. 11(4) / ``"11.4"`` — parsed and printed."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}


def cn_to_int(text: str) -> int:
    """Chinese numerals as used in article numbers (一 … 九十九, 一百…)."""
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(ch)
    return total + current


def int_to_cn(number: int) -> str:
    digits = "〇一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number % 10] if number % 10 else "")
    if number < 100:
        return digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    hundreds, rest = divmod(number, 100)
    tail = "" if rest == 0 else ("零" + int_to_cn(rest) if rest < 10 else
                                 ("一" + int_to_cn(rest) if rest < 20 else int_to_cn(rest)))
    return digits[hundreds] + "百" + tail


@dataclass(frozen=True)
class Citation:
    """An article, optionally a paragraph 款 and an item 项, of one instrument.

    ``source`` is ``""`` for the rule set's own instrument, else the key of a
    declared source (``csl`` for 公务员法) or of an extended rule set.
    """

    article: int
    paragraph: int | None = None
    item: int | None = None
    source: str = ""

    @property
    def ref(self) -> str:
        """The oracle's string: ``"11.4"``, ``"13.2"`` (paragraph), ``"10"``."""
        if self.item is not None:
            return f"{self.article}.{self.item}"
        if self.paragraph is not None:
            return f"{self.article}.{self.paragraph}"
        return str(self.article)

    def zh(self, source_name: str = "") -> str:
        text = f"第{int_to_cn(self.article)}条"
        if self.paragraph is not None:
            text += f"第{int_to_cn(self.paragraph)}款"
        if self.item is not None:
            text += f"第（{int_to_cn(self.item)}）项"
        return f"《{source_name}》{text}" if source_name else text

    def en(self, source_name: str = "") -> str:
        text = f"Art. {self.article}"
        if self.paragraph is not None:
            text += f" ¶{self.paragraph}"
        if self.item is not None:
            text += f"({self.item})"
        return f"{text} of {source_name}" if source_name else text

    def sort_key(self) -> tuple:
        return (self.source, self.article, self.paragraph or 0, self.item or 0)

    def contains(self, other: "Citation") -> bool:
        """``Art. 11`` contains ``Art. 11(4)``; ``Art. 13`` contains ``Art. 13 ¶2``."""
        return (self.source == other.source and self.article == other.article
                and (self.paragraph is None or self.paragraph == other.paragraph)
                and (self.item is None or self.item == other.item))


_ZH = re.compile(r"^(?:《(?P<src>[^》]+)》)?第(?P<a>[一二三四五六七八九十百〇零]+)条"
                 r"(?:第(?P<p>[一二三四五六七八九十]+)款)?(?:第[（(](?P<i>[一二三四五六七八九十]+)[）)]项)?$")
_EN = re.compile(r"^Art\. ?(?P<a>\d+)(?: ?¶ ?(?P<p>\d+))?(?:\((?P<i>\d+)\))?(?: of (?P<src>[A-Z][A-Za-z]*))?$")
_REF = re.compile(r"^(?P<a>\d+)(?:\.(?P<i>\d+))?$")


def parse_citation(text: str) -> tuple[Citation, str]:
    """Citation text → (citation without source, the source's spelling or "")."""
    m = _ZH.match(text)
    if m:
        conv = cn_to_int
    else:
        m = _EN.match(text)
        conv = int
    if not m:
        raise ValueError(f"not a citation: {text!r}")
    para = conv(m["p"]) if m["p"] else None
    item = conv(m["i"]) if m["i"] else None
    return Citation(conv(m["a"]), para, item), m["src"] or ""


def parse_ref(ref: str) -> Citation | None:
    """``"11.4"`` → Art. 11(4); paragraphs of Art. 13 are written ``13.1``/``13.2``."""
    m = _REF.match(ref)
    if not m:
        return None
    article, sub = int(m["a"]), (int(m["i"]) if m["i"] else None)
    if article == 13 and sub is not None:
        return Citation(13, paragraph=sub)
    return Citation(article, item=sub)
