"""schema.org structured data (JSON-LD): the page's absolute addresses and the script block that carries it.

The block is `<script type="application/ld+json">`: a data block, which browsers never execute, so the
strict Content Security Policy (script-src 'self') allows it without a nonce. Its JSON is escaped as
Django's json_script escapes it (<, > and & as \\u escapes), so no text in the data can close the element.
"""

import html
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .i18n import reader_language

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}
LANGUAGES = ("ja", "en")
_MARKER = re.compile(r'<span class="fallback-marker">.*?</span>', re.S)


@dataclass(frozen=True)
class Site:
    """Where the page is: base ("https://example.org", no trailing slash) and language ("ja" or "en")."""

    base: str
    language: str

    @classmethod
    def of(cls, request):
        """The Site of a request: POLICY_KB_SITE_URL, else the request's scheme and host; the reader's language."""
        return cls(settings.SITE_URL or f"{request.scheme}://{request.get_host()}", reader_language())

    def url(self, path, language=None):
        """The absolute URL of a language-neutral path ("/incidents/x/") in the page's language or another."""
        return f"{self.base}/{language or self.language}{path}"

    def translated(self, text):
        """An interface string (lazily translated: gettext_lazy, pgettext_lazy) in the page's language, as str."""
        with translation.override(self.language):
            return str(text)

    def text(self, obj, field):
        """(value, language) of a translated field in the page's language, the Japanese when not translated."""
        value = getattr(obj, f"{field}_{self.language}", "") or ""
        if value:
            return value, self.language
        return getattr(obj, f"{field}_ja", "") or "", "ja"


def script(data):
    """The JSON-LD script element for a dict (or a list of dicts), safe to put in a page. Returns SafeString."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(f'<script type="application/ld+json">{text.translate(_ESCAPES)}</script>')


def plain_text(markup):
    """Text of a label rendered as HTML: tags and the "Japanese original" marker removed, entities decoded."""
    return " ".join(html.unescape(strip_tags(_MARKER.sub("", str(markup)))).split())


def breadcrumb_list(items):
    """A schema.org BreadcrumbList of [(absolute URL, label as HTML)], labels as plain text."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": plain_text(name), "item": url}
            for position, (url, name) in enumerate(items, start=1)
        ],
    }
