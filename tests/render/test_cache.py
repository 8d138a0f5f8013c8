"""The renderer's one cache: least recently used out first, bounded in bytes, pinned entries kept."""

from __future__ import annotations

from ceremony.render.cache import ByteCache


def _cache(limit: int, keep_at_least: int = 1) -> ByteCache[str, bytes]:
    return ByteCache(limit, len, keep_at_least=keep_at_least)


def test_least_recently_used_goes_first() -> None:
    cache = _cache(30)
    for key in "abc":
        cache.put(key, b"x" * 10)
    assert cache.get("a") == b"x" * 10  # a is now the most recently used
    cache.put("d", b"y" * 10)
    assert [k for k, _ in cache.items()] == ["c", "a", "d"]
    assert "b" not in cache
    assert cache.bytes == 30


def test_bounded_in_bytes_not_entries() -> None:
    cache = _cache(100)
    for i in range(50):
        cache.put(str(i), b"x")
    assert len(cache) == 50
    cache.put("big", b"x" * 80)
    assert cache.bytes <= 100
    assert "big" in cache and "49" in cache and "0" not in cache


def test_the_entry_just_put_stays_even_over_the_limit() -> None:
    cache = _cache(10)
    cache.put("a", b"x" * 5)
    cache.put("huge", b"x" * 50)
    assert [k for k, _ in cache.items()] == ["huge"]
    assert cache.bytes == 50


def test_keep_at_least_raises_the_limit_to_that_many_of_the_newest() -> None:
    cache = _cache(1, keep_at_least=3)
    for key in "abcd":
        cache.put(key, b"x" * 10)
    assert [k for k, _ in cache.items()] == ["b", "c", "d"]


def test_pinned_entries_survive_until_their_owner_pins_others() -> None:
    cache = _cache(20)
    with cache.pinning("stage"):
        cache.put("shown", b"x" * 10)
    with cache.pinning("preview"):
        cache.put("thumb", b"x" * 10)
    for key in "abc":  # drawn ahead, outside any frame
        cache.put(key, b"x" * 10)
    assert "shown" in cache and "thumb" in cache, "what a target showed last is never evicted"
    with cache.pinning("stage"):
        assert cache.get("c") is not None  # the stage's next frame shows c, not shown
    cache.put("d", b"x" * 10)
    assert "shown" not in cache and "thumb" in cache and "c" in cache


def test_replacing_a_key_counts_its_bytes_once() -> None:
    cache = _cache(100)
    cache.put("a", b"x" * 10)
    cache.put("a", b"x" * 30)
    assert cache.bytes == 30 and len(cache) == 1
    assert cache.pop("a") == b"x" * 30
    assert cache.bytes == 0 and cache.pop("a") is None


def test_get_or_make_makes_once_and_keeps_a_none() -> None:
    made: list[str] = []
    cache: ByteCache[str, bytes | None] = ByteCache(100, lambda v: len(v or b""))

    def make() -> bytes | None:
        made.append("x")
        return None  # "could not be drawn" is an answer worth keeping too

    assert cache.get_or_make("k", make) is None
    assert cache.get_or_make("k", make) is None
    assert made == ["x"]


def test_clear_forgets_entries_and_pins() -> None:
    cache = _cache(10)
    with cache.pinning("stage"):
        cache.put("a", b"x" * 10)
    cache.clear()
    assert len(cache) == 0 and cache.bytes == 0 and not cache.pinned("a")


def test_get_or_make_with_a_size_evicts_before_it_makes() -> None:
    """Told the new value's size, the cache lets go of what put would evict before make runs: the old and
    the new picture are never held at once."""
    cache = _cache(20)
    cache.put("a", b"x" * 10)
    cache.put("b", b"x" * 10)
    held: list[list[str]] = []

    def make() -> bytes:
        held.append([k for k, _ in cache.items()])
        return b"x" * 10

    cache.get_or_make("c", make, size=10)
    assert held == [["b"]]
    assert [k for k, _ in cache.items()] == ["b", "c"]
