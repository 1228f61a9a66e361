"""Values every template can read: the site's public address."""

from django.conf import settings


def site(request):
    return {"site_url": settings.SITE_URL}
