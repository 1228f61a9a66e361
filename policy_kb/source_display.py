"""How a source is cited on every page: its title in the reader's language or marked with its own, its address,
what this knowledge base has seen of it, and what the last check of its address found."""

from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info, gettext, override, pgettext

from core.i18n import mark_japanese_runs

FAILED = ("broken", "unreachable")


def link_suffix(url=""):
    """The visible note after an external link: (PDF) for a PDF address, else (external site), in the reader's
    language and punctuation (safe HTML)."""
    is_pdf = bool(url) and url.lower().split("?")[0].endswith(".pdf")
    return format_html(
        '<span class="link-suffix">{}</span>',
        pgettext("link suffix", "(PDF)") if is_pdf else gettext("(external site)"),
    )


def _language_name(code, language):
    """The name of a language code ("ja", "en", "fr") in the reader's `language`: 日本語 / Japanese."""
    try:
        with override(language):
            return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def title_html(source, language, with_original=True):
    """The title of `source` for a reader of `language` ("ja" or "en"), as safe HTML inside <cite>.

    A title in the reader's language is shown as it is; an English reader of a source not in English gets the
    English title when there is one (with the original after it, marked with its language, unless `with_original`
    is False or the title is supplied), else the original marked with its language and a visible marker naming it;
    a Japanese reader of a source not in Japanese gets the original, marked the same way.
    """
    own = source.language or "ja"
    if own == language:
        text = escape(source.title)
        return format_html("<cite>{}</cite>", mark_japanese_runs(text) if language != "ja" else text)
    if language == "en" and source.title_en:
        if source.title_supplied or not with_original:  # a supplied title has no original worth quoting
            return format_html("<cite>{}</cite>", mark_japanese_runs(escape(source.title_en)))
        return format_html(
            '<cite>{}</cite> <small class="original-title">(<span lang="{}">{}</span>)</small>',
            mark_japanese_runs(escape(source.title_en)),
            own,
            source.title,
        )
    return format_html(
        '<cite lang="{}">{}</cite> <span class="fallback-marker">{}</span>',
        own,
        source.title,
        _language_name(own, language),
    )


def check_html(source, language):
    """What this knowledge base has seen of the source, as a visible label: seen in the document, cited by a
    source seen (naming it when recorded), or not checked."""
    label = format_html(
        '<span class="source-check source-check--{}">{}</span>', source.checked, source.get_checked_display()
    )
    if source.checked == "cited" and source.cited_by_id:
        label = format_html(
            "{} <small>{} {}</small>",
            label,
            pgettext("source", "cited in:"),
            title_html(source.cited_by, language, with_original=False),
        )
    return label


def source_html(source, language):
    """A source as pages cite it (safe HTML; "" for None): title, linked when it has an address, the suffix of an
    external link, a marker when the title is supplied, what was seen of it and a failed address check."""
    if source is None:
        return ""
    title = title_html(source, language)
    if source.url:
        title = format_html(
            '<a href="{}" class="external" rel="external noopener">{}</a> {}',
            source.url,
            title,
            link_suffix(source.url),
        )
    parts = [title]
    if source.title_supplied:
        parts.append(
            format_html('<span class="title-supplied">{}</span>', gettext("title supplied by this knowledge base"))
        )
    parts.append(check_html(source, language))
    if source.url and source.link_status in FAILED and source.link_checked_at:
        parts.append(
            format_html(
                '<span class="link-broken">{} ({})</span>',
                source.get_link_status_display(),
                pgettext("source address", "checked %(date)s")
                % {"date": date_format(source.link_checked_at.date(), "DATE_FORMAT")},
            )
        )
    return mark_safe(" ".join(str(part) for part in parts))


def publisher_html(source, language):
    """The publisher of `source` in the reader's language, or marked with the language it is written in."""
    if source is None or not source.publisher:
        return ""
    if language == "en" and source.publisher_en:
        return mark_japanese_runs(escape(source.publisher_en))
    own = source.language or "ja"
    if own == language:
        return escape(source.publisher)
    return format_html('<span lang="{}">{}</span>', own, source.publisher)
