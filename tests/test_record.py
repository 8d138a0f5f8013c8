"""A record behaves as the frozen dataclass it replaces: same equality, hash, repr, order and guards."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceremony.record import record


def _pair(**options: Any) -> tuple[type[Any], type[Any]]:
    """The same class body made once as a frozen dataclass and once as a record."""

    def body() -> dict[str, Any]:
        return {
            "__annotations__": {"a": "int", "b": "str", "tags": "tuple[str, ...]", "note": "str", "cached": "int"},
            "b": "x",
            "tags": dataclasses.field(default_factory=tuple),
            "note": dataclasses.field(default="", compare=False),
            "cached": dataclasses.field(default=0, repr=False, hash=False),
            "__module__": __name__,
        }

    order = options.pop("order", False)
    plain = dataclasses.dataclass(frozen=True, order=order, **options)(type("Thing", (), body()))
    made = record(order=order, **options)(type("Thing", (), body()))
    return plain, made


PLAIN, MADE = _pair(order=True)


@record
class Point:
    x: int
    labels: tuple[str, ...] = ()


values = st.fixed_dictionaries(
    {
        "a": st.integers(-3, 3),
        "b": st.sampled_from("xy"),
        "note": st.sampled_from(["", "n"]),
        "cached": st.integers(0, 1),
    }
)


@given(values, values)
def test_equality_hash_order_and_repr_match_the_dataclass(one: dict[str, Any], two: dict[str, Any]) -> None:
    p1, p2, m1, m2 = PLAIN(**one), PLAIN(**two), MADE(**one), MADE(**two)
    assert (m1 == m2) == (p1 == p2)
    assert (m1 != m2) == (p1 != p2)
    assert (m1 < m2, m1 <= m2, m1 > m2, m1 >= m2) == (p1 < p2, p1 <= p2, p1 > p2, p1 >= p2)
    if m1 == m2:
        assert hash(m1) == hash(m2)
    assert repr(m1) == repr(p1)  # 'cached' is left out of both
    assert "cached" not in repr(m1)


def test_a_record_is_frozen_and_keeps_dataclass_tools_working() -> None:
    thing = MADE(a=1, tags=("t",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        thing.a = 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        del thing.b
    assert dataclasses.is_dataclass(thing)
    assert [f.name for f in dataclasses.fields(thing)] == ["a", "b", "tags", "note", "cached"]
    assert dataclasses.replace(thing, a=5) == MADE(a=5, tags=("t",))
    point = Point(1, ("a",))
    assert pickle.loads(pickle.dumps(point)) == point
    assert MADE(a=1, tags=["listed"]).tags == ["listed"]
    with pytest.raises(TypeError):
        hash(MADE(a=1, tags=["unhashable list"]))  # as the dataclass: the list is hashed


def test_other_classes_are_never_equal() -> None:
    assert MADE(a=1) != PLAIN(a=1)
    assert MADE(a=1) != (1, "x", (), "", 0)
    with pytest.raises(TypeError):
        _ = MADE(a=1) < PLAIN(a=2)


def test_keyword_only_and_inheritance() -> None:
    @record(kw_only=True)
    class Base:
        x: int
        y: int = 0

    @record(kw_only=True)
    class Child(Base):
        z: int

    with pytest.raises(TypeError):
        Base(1)  # type: ignore[misc]
    child = Child(x=1, z=3)
    assert child == Child(x=1, y=0, z=3)
    assert child != Child(x=1, z=4)
    assert Base(x=1) != Child(x=1, z=0)
    assert repr(child) == "test_keyword_only_and_inheritance.<locals>.Child(x=1, y=0, z=3)"


def test_methods_a_class_writes_itself_are_kept() -> None:
    @record
    class Loose:
        value: int

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 7

    assert Loose(1) == Loose(2)
    assert hash(Loose(3)) == 7
