"""Frozen records: frozen dataclasses that take half the time to define.

For every frozen dataclass, Python 3.11 writes six methods as source text and compiles each one
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``), about
1 ms a class on our 2-core benchmark VM. The app defines 49 of them on its way to the first stage
frame: 47-56 ms, a tenth of a restart. A record is the same frozen dataclass with its
generated ``__init__`` and frozen guards, but one shared ``__eq__``, ``__hash__`` and ``__repr__``
for all classes, which behave as the generated ones do (compared and hashed as the tuple of the
fields, equal only to the same class). ``dataclasses.fields``, ``replace``, pickling and pydantic
see an ordinary dataclass.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as a tuple, read in C (a record is compared and hashed in render loops)."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        single = operator.attrgetter(names[0])
        return lambda obj: (single(obj),)
    return lambda obj: ()


def _eq(self: Any, other: Any) -> Any:  # bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_compare__
    return bool(key(self) == key(other))


def _hash(self: Any) -> int:
    return hash(self.__record_hash__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_repr__)
    return f"{self.__class__.__qualname__}({shown})"


def _make(cls: type[_T], kw_only: bool, order: bool) -> type[_T]:
    made = dataclasses.dataclass(frozen=True, eq=False, repr=False, kw_only=kw_only)(cls)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]
    compare = _getter(tuple(f.name for f in fields if f.compare))
    hashed = _getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    made.__record_compare__ = staticmethod(compare)  # type: ignore[attr-defined]
    made.__record_hash__ = staticmethod(hashed)  # type: ignore[attr-defined]
    made.__record_repr__ = tuple(f.name for f in fields if f.repr)  # type: ignore[attr-defined]
    for name, method in (("__eq__", _eq), ("__hash__", _hash), ("__repr__", _repr)):
        if name not in cls.__dict__ or (name == "__hash__" and cls.__dict__[name] is None):
            setattr(made, name, method)
    if order:
        _add_order(made, compare)
    return made


def _add_order(cls: type[Any], key: Callable[[Any], tuple[Any, ...]]) -> None:
    def make(op: str) -> Any:
        def compare(self: Any, other: Any) -> Any:  # bool, or NotImplemented
            if other.__class__ is not self.__class__:
                return NotImplemented
            return getattr(key(self), op)(key(other))

        compare.__name__ = op
        return compare

    for op in ("__lt__", "__le__", "__gt__", "__ge__"):
        setattr(cls, op, make(op))


@overload
def record(cls: type[_T], /) -> type[_T]: ...


@overload
def record(*, kw_only: bool = False, order: bool = False) -> Any: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[_T] | None = None, /, *, kw_only: bool = False, order: bool = False) -> Any:
    """``@record`` or ``@record(kw_only=True, order=True)``: a frozen dataclass, defined quickly."""
    if cls is None:
        return lambda inner: _make(inner, kw_only, order)
    return _make(cls, kw_only, order)
