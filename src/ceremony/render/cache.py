"""The one cache of the renderer: least recently used out first, bounded in bytes, with pinning.

Every picture the renderer keeps (layers, sprites, faded copies, outline pieces, decoded images, transition
scratch frames) lives in a ByteCache, so there is one eviction rule to read and test. pympress's
SurfaceCache is the model: an LRU of rendered surfaces per widget and size, dropped on resize.

Not thread-safe: the ImageStore, whose decoders finish on worker threads, holds its own lock around it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ByteCache(Generic[K, V]):
    """Values by key; when their bytes pass the limit, the least recently used go first.

    Never evicted: the entry just put, and entries pinned by an owner (see pinning). keep_at_least raises
    the limit to that many entries of the size just put, so a cache of frame-sized layers always holds a
    whole frame's worth of them at any resolution.
    """

    def __init__(self, limit: int, size_of: Callable[[V], int], *, keep_at_least: int = 1) -> None:
        self.limit = limit
        self._size_of = size_of
        self._keep = keep_at_least
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._sizes: dict[K, int] = {}
        self._bytes = 0
        self._pins: dict[Hashable, set[K]] = {}
        self._pinning: Hashable | None = None

    @property
    def bytes(self) -> int:
        """The bytes held, as size_of counted them when each entry was put."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def items(self) -> list[tuple[K, V]]:
        """The entries, least recently used first (a copy: the order is not touched)."""
        return list(self._entries.items())

    def get(self, key: K) -> V | None:
        """The value for key (now the most recently used), or None."""
        if key not in self._entries:
            return None
        self._entries.move_to_end(key)
        self._pin(key)
        return self._entries[key]

    def peek(self, key: K) -> V | None:
        """The value for key without touching its place in the order."""
        return self._entries.get(key)

    def put(self, key: K, value: V) -> V:
        """Keep value under key (replacing what was there), then evict down to the limit."""
        self.pop(key)
        size = self._size_of(value)
        self._entries[key] = value
        self._sizes[key] = size
        self._bytes += size
        self._pin(key)
        self._evict(key, max(self.limit, self._keep * size))
        return value

    def get_or_make(self, key: K, make: Callable[[], V], size: int | None = None) -> V:
        """The value for key, made and put first if it is not there.

        size: the bytes the value will take, when known before it is made: what put would evict then goes
        first, so the old and the new are never held at once (a 1080p frame is 8 MB)."""
        if key in self._entries:
            self._entries.move_to_end(key)
            self._pin(key)
            return self._entries[key]
        if size is not None:
            self._evict(None, max(self.limit, self._keep * size) - size)
        return self.put(key, make())

    def pop(self, key: K) -> V | None:
        """Drop key; its value, or None."""
        if key not in self._entries:
            return None
        self._bytes -= self._sizes.pop(key)
        return self._entries.pop(key)

    def drop(self, unwanted: Callable[[K], bool]) -> int:
        """Drop every entry whose key is unwanted (pinned or not); the bytes let go."""
        freed = 0
        for key in [k for k in self._entries if unwanted(k)]:
            freed += self._sizes[key]
            self.pop(key)
        return freed

    def clear(self) -> None:
        self._entries.clear()
        self._sizes.clear()
        self._bytes = 0
        self._pins.clear()

    @contextmanager
    def pinning(self, owner: Hashable) -> Iterator[None]:
        """While open, every entry got or put is pinned for owner, in place of what owner pinned before.

        The renderer paints each raster frame inside one, with the target's size as the owner: the layers
        a target showed last are never evicted to make room for layers prepared ahead for another."""
        self._pins[owner] = set()
        outer, self._pinning = self._pinning, owner
        try:
            yield
        finally:
            self._pinning = outer

    def pinned(self, key: K) -> bool:
        return any(key in keys for keys in self._pins.values())

    def _pin(self, key: K) -> None:
        if self._pinning is not None:
            self._pins[self._pinning].add(key)

    def _evict(self, newest: K | None, limit: int) -> None:
        for key in list(self._entries):
            if self._bytes <= limit or len(self._entries) <= 1:
                return
            if key != newest and not self.pinned(key):
                self.pop(key)
