"""The page cache's file backend (core.filecache.FileCache): values kept uncompressed, expiry, touch, culling,
and files written by Django's own (compressed) file-based cache still read."""

import time
from pathlib import Path

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from core.filecache import FileCache


@pytest.fixture
def folder(tmp_path):
    return str(tmp_path / "cache")


def test_a_value_is_stored_as_a_plain_pickle_and_read_back(folder):
    cache = FileCache(folder, {})
    page = (200, [("Content-Type", "text/html")], "頁".encode() * 50_000)
    cache.set("page", page, 60)
    assert cache.get("page") == page
    stored = Path(cache._key_to_file("page")).read_bytes()
    assert page[2] in stored  # not compressed
    assert cache.get("missing", "default") == "default"


def test_an_expired_value_is_not_read_and_touch_extends_a_live_one(folder):
    cache = FileCache(folder, {})
    cache.set("short", "value", 1)
    assert cache.touch("short", 60) is True
    time.sleep(1.1)
    assert cache.get("short") == "value"
    cache.set("gone", "value", 1)
    time.sleep(1.1)
    assert cache.get("gone") is None
    assert cache.touch("gone", 60) is False
    assert cache.touch("never", 60) is False


def test_files_written_by_djangos_compressed_backend_are_read(folder):
    FileBasedCache(folder, {}).set("old", {"version": "abc@1"}, 60)
    assert FileCache(folder, {}).get("old") == {"version": "abc@1"}


def test_the_number_of_entries_is_bounded(folder):
    cache = FileCache(folder, {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    for number in range(30):
        cache.set(f"key-{number}", number, 60)
    assert len(cache._list_cache_files()) <= 10
    assert cache.get("key-29") == 29
