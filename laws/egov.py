"""Fetching a version of a statute from e-Gov's law API v2 and turning it into the plain-text format.

`fetch_law_data` asks `/law_data/{law_id}?asof=…&response_format=xml&law_full_text_format=xml` (the
XML envelope and XML body: the JSON forms are marked as a trial by the API's spec). `convert_law_data`
turns that `<law_data_response>` into the text `laws.statute.parse_statute` reads:

    LawNum / LawTitle, a blank line, TOC      → front matter (one line each, TOC entry = title + range)
    Chapter/ChapterTitle                      → blank line, 第一章　総則
    ArticleCaption                            → （目的）
    ArticleTitle + first Paragraph            → 第一条　…
    later Paragraph (ParagraphNum)            → ２　…   (a ParagraphCaption goes on the line before)
    Item (ItemTitle)                          → 　一　…  (Column parts joined by a full-width space)
    SupplProvision (+AmendLawNum, Extract)    → blank line, 附　則　（平成二八年四月二二日法律第三一号）　抄
    Ruby/Rt                                   → the base text only (強<Ruby>靱<Rt>じん</Rt></Ruby> → 強靱)

Sentences of one paragraph or column are joined without a separator, as printed. Anything the format
cannot hold (sections, sub-items, tables, appendices…) stops the conversion with EgovFormatError
rather than being dropped. The response is refused before parsing if it declares a DOCTYPE or an
ENTITY, so no entity is ever expanded.
"""

import json
import re
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET  # DTDs are refused before parsing: see _parse_xml
from dataclasses import dataclass
from http.client import HTTPException

from django.conf import settings

from .statute import SEP

DEFAULT_TIMEOUT = 30  # seconds, per socket operation
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # the largest codes are a few MB of XML
LAW_ID_RE = re.compile(r"^[0-9A-Za-z]{15}$")
_DECLARATION_RE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ENCODING_RE = re.compile(r"""^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']""")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class EgovError(Exception):
    """Anything that stops a fetch or a conversion; the message says what and where."""


class EgovNetworkError(EgovError):
    pass


class EgovHTTPError(EgovError):
    def __init__(self, status, message):
        self.status = status
        super().__init__(message)


class EgovFormatError(EgovError):
    """The response is not XML we accept, or holds a structure the plain-text format cannot hold."""


@dataclass
class LawData:
    text: str  # the plain-text statute
    law_id: str  # law_info/law_id
    law_num: str  # the Law's own LawNum (the text's first line)
    revision_id: str  # revision_info/law_revision_id ("" if absent)
    enforcement_date: str  # revision_info/amendment_enforcement_date ("" if absent)


# --- HTTP ------------------------------------------------------------------------------------


def law_data_url(law_id, as_of, base=None):
    """The /law_data address for a law ID and an as-of date (datetime.date)."""
    if not LAW_ID_RE.match(law_id):
        raise EgovError(f"{law_id!r} is not an e-Gov law ID (15 letters and digits, e.g. 426AC1000000104)")
    base = (base if base is not None else settings.EGOV_API_BASE).rstrip("/")
    scheme = urllib.parse.urlsplit(base).scheme.lower()
    if scheme not in ("http", "https"):
        raise EgovError(f"EGOV_API_BASE {base!r}: only http and https addresses are accepted")
    query = urllib.parse.urlencode({"asof": as_of.isoformat(), "response_format": "xml", "law_full_text_format": "xml"})
    return f"{base}/law_data/{law_id}?{query}"


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise EgovNetworkError(f"{req.full_url}: redirected to {newurl!r}, which is not http or https")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _error_message(body):
    """e-Gov answers errors with {"code": "400004", "message": "…"} (or the XML equivalent)."""
    text = body.decode("utf-8", "replace")
    try:
        data = json.loads(text)
        if isinstance(data, dict) and data.get("message"):
            return f"{data.get('code', '')} {data['message']}".strip()
    except ValueError:
        pass
    match = re.search(r"<message>([^<]{1,300})</message>", text)
    return match.group(1) if match else ""


def fetch(url, *, timeout=None, max_bytes=None):
    """GET an http(s) address and return the body (bytes), at most max_bytes long."""
    timeout = timeout or getattr(settings, "EGOV_API_TIMEOUT", DEFAULT_TIMEOUT)
    max_bytes = max_bytes or getattr(settings, "EGOV_API_MAX_BYTES", DEFAULT_MAX_BYTES)
    if urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
        raise EgovError(f"{url!r}: only http and https addresses are accepted")
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above and on redirects
        url, headers={"Accept": "application/xml", "User-Agent": "policy-kb (fetch_egov)"}
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise EgovFormatError(f"{url}: unexpected Content-Encoding {encoding!r}")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise EgovFormatError(f"{url}: the response is {length} bytes, over the limit of {max_bytes}")
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        try:
            detail = _error_message(error.read(4096))
        except (OSError, HTTPException):
            detail = ""
        reason = f"HTTP {error.code} {error.reason}" + (f" ({detail})" if detail else "")
        raise EgovHTTPError(error.code, f"{url}: e-Gov answered {reason}") from None
    except urllib.error.URLError as error:
        raise EgovNetworkError(f"{url}: cannot reach the server ({error.reason})") from None
    except TimeoutError:
        raise EgovNetworkError(f"{url}: no answer within {timeout} seconds") from None
    except (OSError, HTTPException) as error:
        raise EgovNetworkError(f"{url}: the connection failed ({error.__class__.__name__}: {error})") from None
    if len(body) > max_bytes:
        raise EgovFormatError(f"{url}: the response is over the limit of {max_bytes} bytes")
    return body


def fetch_law_data(law_id, as_of, *, base=None):
    """Download the law's text as in force on as_of and convert it. Returns (url, LawData)."""
    url = law_data_url(law_id, as_of, base)
    data = convert_law_data(fetch(url), source=url)
    if data.law_id and data.law_id != law_id:
        raise EgovFormatError(f"{url}: the response is for law {data.law_id}, not {law_id}")
    return url, data


# --- XML → plain text ------------------------------------------------------------------------


def _parse_xml(body, source):
    if body.startswith(b"\xef\xbb\xbf"):
        body = body[3:]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EgovFormatError(f"{source}: not UTF-8 ({error.reason} at byte {error.start})") from None
    declared = _ENCODING_RE.match(text)
    if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise EgovFormatError(f"{source}: the XML declares encoding {declared.group(1)!r}; only UTF-8 is accepted")
    # defusedxml's rule: no DTD at all, so no entity (internal, external or recursive) can be declared.
    if match := _DECLARATION_RE.search(text):
        line = text.count("\n", 0, match.start()) + 1
        raise EgovFormatError(f"{source}, line {line}: the XML contains <!{match.group(1).upper()}: refused")
    try:
        return ET.fromstring(text)  # noqa: S314 - no DTD, checked just above
    except ET.ParseError as error:
        line, column = error.position
        raise EgovFormatError(f"{source}: malformed XML at line {line}, column {column + 1}") from None


class _Converter:
    def __init__(self, source):
        self.source = source
        self.lines = []

    def fail(self, message, element=None):
        where = f" <{element.tag}{_num(element)}>" if element is not None else ""
        raise EgovFormatError(f"{self.source}:{where} {message}")

    # Inline text: Ruby keeps its base text, Rt is dropped; Sup, Sub and Line keep their text.
    def inline(self, element):
        parts = [element.text or ""]
        for child in element:
            if child.tag == "Rt":
                pass
            elif child.tag in ("Ruby", "Sup", "Sub", "Line"):
                parts.append(self.inline(child))
            else:
                self.fail(f"<{child.tag}> inside text cannot be represented in the plain-text format", element)
            parts.append(child.tail or "")
        return "".join(parts)

    def line_text(self, element):
        """One line's worth of text: pretty-printing whitespace at the ends is dropped, and a
        line break or other control character inside the text is refused (one provision, one line)."""
        text = self.inline(element).strip(" \t\r\n")
        if _CONTROL_RE.search(text):
            self.fail("the text contains a line break or control character", element)
        return text

    def children(self, element, allowed):
        kids = list(element)
        for child in kids:
            if child.tag not in allowed:
                self.fail(f"contains <{child.tag}>, which the plain-text format cannot hold", element)
        return kids

    def only(self, element, tag, required=True):
        found = element.findall(tag)
        if len(found) > 1 or (required and not found):
            self.fail(f"expected {'one' if required else 'at most one'} <{tag}>, found {len(found)}", element)
        return found[0] if found else None

    # Front matter: law number, title, then the table of contents after a blank line.
    def front_matter(self, law, body):
        law_num = self.only(law, "LawNum")
        title = self.only(body, "LawTitle")
        self.lines += [self.line_text(law_num), self.line_text(title)]
        toc = self.only(body, "TOC", required=False)
        if toc is not None:
            self.lines.append("")
            for child in self.children(toc, {"TOCLabel", "TOCChapter", "TOCSupplProvision"}):
                if child.tag == "TOCLabel":
                    self.lines.append(self.line_text(child))
                else:
                    self.toc_entry(child)

    def toc_entry(self, entry):
        """TOCChapter → 第一章　総則（第一条―第十一条）; TOCSupplProvision → 附則."""
        self.children(entry, {"ChapterTitle", "ArticleRange", "SupplProvisionLabel"})
        self.lines.append("".join(self.line_text(child) for child in entry))

    def main_provision(self, main):
        for chapter in main:
            if chapter.tag != "Chapter":
                self.fail(f"holds <{chapter.tag}>: the plain-text format needs chapters here", main)
            self.children(chapter, {"ChapterTitle", "Article"})
            self.lines += ["", self.line_text(self.only(chapter, "ChapterTitle"))]
            for article in chapter.findall("Article"):
                self.article(article)

    def suppl_provision(self, suppl):
        self.children(suppl, {"SupplProvisionLabel", "Article", "Paragraph"})
        heading = self.line_text(self.only(suppl, "SupplProvisionLabel"))
        if amend := (suppl.get("AmendLawNum") or "").strip():
            heading += f"{SEP}（{amend}）"
        if suppl.get("Extract") == "true":
            heading += f"{SEP}抄"
        self.lines += ["", heading]
        for child in suppl:
            if child.tag == "Article":
                self.article(child)
            elif child.tag == "Paragraph":
                self.paragraph(child, numbered=True)

    def article(self, article):
        self.children(article, {"ArticleCaption", "ArticleTitle", "Paragraph"})
        caption = self.only(article, "ArticleCaption", required=False)
        if caption is not None:
            self.lines.append(self.line_text(caption))
        title = self.line_text(self.only(article, "ArticleTitle"))
        paragraphs = article.findall("Paragraph")
        if not paragraphs:
            self.fail("has no paragraph", article)
        first = paragraphs[0]
        if first.find("ParagraphCaption") is not None:
            self.fail("a caption on an article's first paragraph cannot be represented", first)
        if first.find("ParagraphNum") is not None and self.line_text(first.find("ParagraphNum")):
            self.fail("an article's first paragraph carries a number", first)
        self.lines.append(f"{title}{SEP}{self.sentence(first, 'ParagraphSentence')}")
        self.items(first)
        for paragraph in paragraphs[1:]:
            self.paragraph(paragraph, numbered=True)

    def paragraph(self, paragraph, numbered):
        self.children(paragraph, {"ParagraphCaption", "ParagraphNum", "ParagraphSentence", "Item"})
        caption = self.only(paragraph, "ParagraphCaption", required=False)
        if caption is not None:
            self.lines.append(self.line_text(caption))
        number = self.only(paragraph, "ParagraphNum", required=False)
        label = self.line_text(number) if number is not None else ""
        if numbered and not label:
            self.fail("a paragraph without a number cannot be represented here", paragraph)
        self.lines.append(f"{label}{SEP}{self.sentence(paragraph, 'ParagraphSentence')}")
        self.items(paragraph)

    def items(self, paragraph):
        for item in paragraph.findall("Item"):
            self.children(item, {"ItemTitle", "ItemSentence"})
            title = self.line_text(self.only(item, "ItemTitle"))
            self.lines.append(f"{SEP}{title}{SEP}{self.sentence(item, 'ItemSentence')}")

    def sentence(self, parent, tag):
        """A ParagraphSentence or ItemSentence: its Sentences joined, or its Columns joined by 　."""
        holder = self.only(parent, tag)
        kids = self.children(holder, {"Sentence", "Column"})
        if not kids:
            self.fail("is empty", holder)
        if all(kid.tag == "Sentence" for kid in kids):
            return "".join(self.line_text(kid) for kid in kids)
        if all(kid.tag == "Column" for kid in kids):
            columns = []
            for column in kids:
                self.children(column, {"Sentence"})
                columns.append("".join(self.line_text(sentence) for sentence in column))
            return SEP.join(columns)
        return self.fail("mixes <Sentence> and <Column>", holder)


def _num(element):
    return f' Num="{element.get("Num")}"' if element.get("Num") else ""


def _field(root, path):
    element = root.find(path)
    return (element.text or "").strip() if element is not None else ""


def convert_law_data(body, source="<law_data response>"):
    """A law_data XML response (bytes) → LawData with the plain-text statute."""
    root = _parse_xml(body, source)
    if root.tag == "law_data_response":
        laws = root.findall("law_full_text/Law")
        if len(laws) != 1:
            raise EgovFormatError(f"{source}: expected one <Law> in <law_full_text>, found {len(laws)}")
        law = laws[0]
    else:
        raise EgovFormatError(f"{source}: the root element is <{root.tag}>, not <law_data_response>")
    converter = _Converter(source)
    converter.children(law, {"LawNum", "LawBody"})
    body_element = converter.only(law, "LawBody")
    converter.children(body_element, {"LawTitle", "TOC", "MainProvision", "SupplProvision"})
    converter.front_matter(law, body_element)
    converter.main_provision(converter.only(body_element, "MainProvision"))
    for suppl in body_element.findall("SupplProvision"):
        converter.suppl_provision(suppl)
    return LawData(
        text="\n".join(converter.lines) + "\n",
        law_id=_field(root, "law_info/law_id"),
        law_num=converter.lines[0],
        revision_id=_field(root, "revision_info/law_revision_id"),
        enforcement_date=_field(root, "revision_info/amendment_enforcement_date"),
    )
