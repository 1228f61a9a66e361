"""Error pages in the reader's language that say what was wrong and what to do instead."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

TITLES = {
    400: _("The request could not be understood"),
    404: _("Page not found"),
}


def error_response(request, status, message, *, title=None):
    """Render templates/error.html with `status` (an int), a title and `message` (translated text).

    Returns an HttpResponse with that status. Views raise Django's BadRequest or Http404 with a translated
    message instead of calling this; the project's handler400 and handler404 call it.
    """
    return render(
        request,
        "error.html",
        {"status": status, "title": title or TITLES.get(status, _("Error")), "message": message},
        status=status,
    )


def shown_value(value, limit=40):
    """A submitted value as it may be quoted back to the reader: printable characters only, at most `limit`."""
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
