"""Model fields with the project's safety rules: web addresses are http or https, nothing else."""

from django.core.validators import URLValidator
from django.db import models

# Django's URLField also accepts ftp and ftps; a source a reader follows must be a web page.
http_url_validator = URLValidator(schemes=["http", "https"])


def http_url_field(verbose_name, **kwargs):
    """A URLField (max 500 characters) that accepts only http and https addresses.

    Built from Django's own field and validator, so migrations reference Django alone. Arguments are
    those of ``models.URLField``; returns the field.
    """
    kwargs.setdefault("max_length", 500)
    kwargs.setdefault("validators", [http_url_validator])
    return models.URLField(verbose_name, **kwargs)
