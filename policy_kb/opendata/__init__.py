"""Open data: the collections the site publishes as files and through its read API, the sitemap and the backup."""
