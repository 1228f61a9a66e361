"""Error pages in the reader's language that say what was wrong and what to do instead."""

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

TITLES = {
    400: _("The request could not be understood"),
    403: _("Access denied"),
    404: _("Page not found"),
    405: _("This page can only be read"),
    429: _("Login refused for now"),
    500: _("Server error"),
}


def error_response(request, status, message, *, title=None):
    """Render templates/error.html with `status` (an int), a title and `message` (translated text).

    Returns an HttpResponse with that status. Views raise Django's BadRequest or Http404 with a translated
    message instead of calling this; the project's error handlers call it. Under the admin, the page also links
    to the admin's front page. Reads nothing from the database.
    """
    return render(
        request,
        "error.html",
        {
            "status": status,
            "title": title or TITLES.get(status, _("Error")),
            "message": message,
            "admin_url": _admin_url(request),
        },
        status=status,
    )


def _admin_url(request):
    """The admin's front page when the request was for an admin page, else ""."""
    try:
        url = reverse("admin:index")
    except NoReverseMatch:
        return ""
    return url if request.path.startswith(url) else ""


def shown_value(value, limit=40):
    """A submitted value as it may be quoted back to the reader: printable characters only, at most `limit`."""
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
