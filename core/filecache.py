"""Django's file-based cache, storing values pickled but not compressed, so a cached page is read without
decompressing it (zlib took most of the time of serving a large cached page)."""

import pickle
import zlib

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


def _loads(data):
    """A value written by this cache (a pickle) or by Django's own file-based cache (a zlib stream of one)."""
    # S301: the site's own cache directory, as with Django's backend
    return pickle.loads(data if data[:1] == b"\x80" else zlib.decompress(data))  # noqa: S301


class FileCache(FileBasedCache):
    """FileBasedCache without compression: the same files, directory, expiry and culling (MAX_ENTRIES), each
    value stored as a pickle. Files Django's backend wrote (zlib-compressed) are still read. Pages take more
    disk than with compression: about their own size each."""

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return _loads(f.read())
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as f:
                try:
                    locks.lock(f, locks.LOCK_EX)
                    if self._is_expired(f):
                        return False
                    value = _loads(f.read())
                    f.seek(0)
                    f.truncate()
                    self._write_content(f, timeout, value)
                    return True
                finally:
                    locks.unlock(f)
        except FileNotFoundError:
            return False
