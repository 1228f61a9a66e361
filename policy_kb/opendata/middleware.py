"""Conditional GET for the machine-readable addresses: an ETag from each response's content, 304 on revalidation."""

from django.middleware.http import ConditionalGetMiddleware

OPEN_DATA_PREFIXES = ("/api/", "/data/", "/sitemap", "/robots.txt")


class OpenDataConditionalGetMiddleware(ConditionalGetMiddleware):
    """Django's ConditionalGetMiddleware, for the API, the data files, the sitemap and robots.txt only.

    The ETag is a hash of the response body (so it changes exactly when the data does, whatever changed it);
    a GET or HEAD with a matching If-None-Match gets 304 Not Modified with no body. Pages are left to the
    site's own caching.
    """

    def process_response(self, request, response):
        if not request.path.startswith(OPEN_DATA_PREFIXES):
            return response
        return super().process_response(request, response)
