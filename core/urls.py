"""Language-neutral paths: URLs without their /ja or /en prefix, to which pages add the reader's language."""

from django.urls import reverse
from django.utils import translation


def neutral_path(name, **kwargs):
    """reverse() without the language prefix: neutral_path("laws:act", act="x") → "/laws/x/".

    Raises NoReverseMatch like reverse() for an unknown name or arguments that do not fit.
    """
    with translation.override("ja"):
        return reverse(name, kwargs=kwargs).removeprefix("/ja")
