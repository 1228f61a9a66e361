"""Reading rendered pages the way a reader (or a link checker) does: links, ids, nesting, table rows."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag


class PageParser(HTMLParser):
    """Collects every href in order, every id, and for each <li> with an id or a first link its enclosing <li>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []
        self.ids = []
        self.li_stack = []  # [{"id": ..., "href": ...}]
        self.li_parent = {}  # li key -> enclosing li key
        self._pending = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
            if self.li_stack and self.li_stack[-1]["href"] is None:
                self.li_stack[-1]["href"] = attrs["href"]
                self._register(self.li_stack[-1])
        if tag == "li":
            entry = {"id": attrs.get("id"), "href": None, "parent": self.li_stack[-1] if self.li_stack else None}
            self.li_stack.append(entry)
            if entry["id"]:
                self._register(entry)

    def handle_endtag(self, tag):
        if tag == "li" and self.li_stack:
            self.li_stack.pop()

    def _register(self, entry):
        parent = entry["parent"]
        key = entry["id"] or entry["href"]
        self.li_parent[key] = (parent["id"] or parent["href"]) if parent else None


def parse(html):
    parser = PageParser()
    parser.feed(html)
    return parser


def hrefs(html):
    return parse(html).hrefs


def internal_paths(html, prefix):
    """Paths (no fragment, no query) of the links under `prefix`, in page order, without repeats."""
    seen = []
    for href in hrefs(html):
        path = urldefrag(href).url
        if path.startswith(prefix) and "?" not in path and path not in seen:
            seen.append(path)
    return seen


def section(html, start_pattern, end_pattern):
    """The part of the page between two regular expressions (the first match of each, in order)."""
    start = re.search(start_pattern, html)
    assert start, f"{start_pattern!r} not found"
    end = re.compile(end_pattern).search(html, start.end())
    assert end, f"{end_pattern!r} not found after {start_pattern!r}"
    return html[start.start() : end.end()]


def table_row(html, row_id):
    return section(html, rf'<tr id="{re.escape(row_id)}">', r"</tr>")


def text(fragment):
    """The visible text of an HTML fragment, tags dropped and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()
