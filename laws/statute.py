"""Reading and writing the plain-text statute format described in the data directory's SOURCES.md.

`parse_statute` turns the text into a tree of ParsedProvision; `render_statute` turns a tree back
into exactly the same text, so a version can be rebuilt from the database and compared with its
source character for character.

Format: one provision per line; a blank line before each chapter heading and each 附則 block;
`第一章　総則` chapter; `（目的）` caption of the next article; `第一条　…` article (its first
paragraph); `２　…` following paragraph; `　一　…` item. Everything before the first blank line
that precedes a chapter (title, law number, table of contents) is kept verbatim as front matter.
"""

import re
from dataclasses import dataclass, field

from core.numerals import kanji_to_int, to_halfwidth_digits

SEP = "\u3000"  # the full-width space that separates a label from its text
_KANJI = "〇一二三四五六七八九十百千"
CHAPTER_RE = re.compile(rf"^第([{_KANJI}]+)章{SEP}(.+)$")
ARTICLE_RE = re.compile(rf"^(第([{_KANJI}]+)条(?:の([{_KANJI}]+))?){SEP}(.*)$")
PARAGRAPH_RE = re.compile(rf"^([０-９]+){SEP}(.*)$")
ITEM_RE = re.compile(rf"^{SEP}([{_KANJI}]+){SEP}(.*)$")
CAPTION_RE = re.compile(r"^（(.+)）$")
SUPPLEMENTARY_RE = re.compile(rf"^附{SEP}?則(.*)$")
_ERA = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}
AMENDING_ACT_RE = re.compile(r"（(明治|大正|昭和|平成|令和)(.+?)年.+?法律第(.+?)号）")


class StatuteFormatError(ValueError):
    def __init__(self, message, line_number, filename="<text>"):
        self.line_number = line_number
        self.filename = filename
        super().__init__(f"{filename}, line {line_number}: {message}")


@dataclass
class ParsedProvision:
    kind: str
    number: str
    label: str
    title: str = ""
    caption: str = ""
    text: str = ""
    line_number: int = 0
    children: list = field(default_factory=list)


@dataclass
class ParsedStatute:
    front_matter: str
    body: list  # chapters and supplementary blocks, in order

    def walk(self):
        stack = list(reversed(self.body))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def _era_number(text):
    """元 → 1, 二七 → 27, 二十七 → 27."""
    return 1 if text == "元" else kanji_to_int(text)


def supplementary_key(heading):
    """附　則　（平成二八年四月二二日法律第三一号）　抄 → H28-31; the Act's own 附則 → main."""
    match = AMENDING_ACT_RE.search(heading)
    if not match:
        return "main"
    era, year, number = match.groups()
    return f"{_ERA[era]}{_era_number(year)}-{kanji_to_int(number)}"


def parse_statute(text, filename="<text>"):
    if "\r" in text:
        raise StatuteFormatError("carriage return found: the format uses LF line endings", 1, filename)
    if not text.endswith("\n"):
        raise StatuteFormatError("the file must end with a newline", text.count("\n") + 1, filename)
    lines = text[:-1].split("\n")
    start = next(
        (i for i, line in enumerate(lines) if line == "" and i + 1 < len(lines) and CHAPTER_RE.match(lines[i + 1])),
        None,
    )
    if start is None:
        raise StatuteFormatError("no chapter heading after a blank line: is this the statute text?", 1, filename)
    statute = ParsedStatute(front_matter="\n".join(lines[:start]), body=[])
    block = article = paragraph = None
    caption = None
    after_blank = False

    def fail(message, index):
        raise StatuteFormatError(message, index + 1, filename)

    for index in range(start, len(lines)):
        line = lines[index]
        if line == "":
            if caption is not None:
                fail("a caption must be followed by an article", index)
            if after_blank:
                fail("two blank lines in a row", index)
            after_blank = True
            continue
        if after_blank:
            after_blank = False
            chapter = CHAPTER_RE.match(line)
            supplementary = SUPPLEMENTARY_RE.match(line)
            if chapter:
                block = ParsedProvision(
                    "chapter",
                    str(kanji_to_int(chapter.group(1))),
                    f"第{chapter.group(1)}章",
                    title=chapter.group(2),
                    line_number=index + 1,
                )
            elif supplementary:
                block = ParsedProvision("supplementary", supplementary_key(line), line, line_number=index + 1)
            else:
                fail("a blank line must be followed by a chapter heading or 附則", index)
            statute.body.append(block)
            article = paragraph = None
            continue
        if caption is not None and not (
            ARTICLE_RE.match(line) or (block.kind == "supplementary" and article is None and PARAGRAPH_RE.match(line))
        ):
            fail("a caption must be followed by an article", index)
        if match := CAPTION_RE.match(line):
            caption = match.group(1)
            continue
        if match := ARTICLE_RE.match(line):
            label, main, branch, body = match.groups()
            number = str(kanji_to_int(main)) + (f"-{kanji_to_int(branch)}" if branch else "")
            article = ParsedProvision("article", number, label, caption=caption or "", line_number=index + 1)
            caption = None
            block.children.append(article)
            paragraph = ParsedProvision("paragraph", "1", "", text=body, line_number=index + 1)
            article.children.append(paragraph)
            continue
        if match := PARAGRAPH_RE.match(line):
            label, body = match.groups()
            number = to_halfwidth_digits(label)
            parent = article if article is not None else block
            if block.kind == "chapter" and article is None:
                fail("a numbered paragraph outside an article", index)
            expected = str(len(parent.children) + 1)
            if number != expected:
                fail(f"paragraph {number} where {expected} was expected", index)
            paragraph = ParsedProvision(
                "paragraph", number, label, caption=caption or "", text=body, line_number=index + 1
            )
            caption = None
            parent.children.append(paragraph)
            continue
        if match := ITEM_RE.match(line):
            if paragraph is None:
                fail("an item outside a paragraph", index)
            label, body = match.groups()
            number = str(kanji_to_int(label))
            expected = str(len(paragraph.children) + 1)
            if number != expected:
                fail(f"item {number} where {expected} was expected", index)
            paragraph.children.append(ParsedProvision("item", number, label, text=body, line_number=index + 1))
            continue
        fail(f"unrecognised line: {line[:40]!r}", index)
    if caption is not None:
        raise StatuteFormatError("a caption at the end of the file", len(lines), filename)
    return statute


def render_statute(front_matter, body):
    """The inverse of parse_statute: `body` holds objects with kind/label/title/caption/text/children."""
    out = [front_matter]
    for block in body:
        out.append("")
        out.append(f"{block.label}{SEP}{block.title}" if block.kind == "chapter" else block.label)
        for child in block.children:
            _render(child, out)
    return "\n".join(out) + "\n"


def _render(node, out):
    if node.kind == "article":
        if node.caption:
            out.append(f"（{node.caption}）")
        paragraphs = list(node.children)
        out.append(f"{node.label}{SEP}{paragraphs[0].text}")
        for item in paragraphs[0].children:
            out.append(f"{SEP}{item.label}{SEP}{item.text}")
        for paragraph in paragraphs[1:]:
            _render(paragraph, out)
    elif node.kind == "paragraph":
        if node.caption:
            out.append(f"（{node.caption}）")
        out.append(f"{node.label}{SEP}{node.text}")
        for item in node.children:
            out.append(f"{SEP}{item.label}{SEP}{item.text}")
