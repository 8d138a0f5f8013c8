"""How the stage moves from one picture to the next: a class per transition, registered by name.

Impressive's model: each transition draws the outgoing and incoming frames (whole device-sized images) at
t, 0 to 1, already eased. The renderer picks one by the cue's ``transition.type``; adding a transition is
one class here (and its name in the script model's list).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from ceremony.render.geometry import lerp


class Transition(Protocol):
    def render(self, painter: QPainter, old: QImage, new: QImage, t: float) -> None:
        """Draw the two frames at t (eased, 0..1) from the painter's origin; both are the target's size."""


TRANSITIONS: dict[str, Transition] = {}


def transition(name: str) -> Callable[[type[Transition]], type[Transition]]:
    """Register the class under name (a class decorator)."""

    def register(cls: type[Transition]) -> type[Transition]:
        TRANSITIONS[name] = cls()
        return cls

    return register


def transition_for(name: str) -> Transition:
    """The transition called name; a fade for a name nobody registered."""
    return TRANSITIONS.get(name) or TRANSITIONS["fade"]


@transition("cut")
class Cut:
    """No transition: the new picture at once (a cue with a cut is never drawn in transition)."""

    def render(self, painter: QPainter, old: QImage, new: QImage, t: float) -> None:
        painter.drawImage(QPointF(0, 0), new)


@transition("fade")
class Fade:
    """The new picture fades in over the old."""

    def render(self, painter: QPainter, old: QImage, new: QImage, t: float) -> None:
        painter.drawImage(QPointF(0, 0), old)
        painter.setOpacity(t)
        painter.drawImage(QPointF(0, 0), new)
        painter.setOpacity(1.0)


@transition("slide")
class Slide:
    """The new picture pushes the old out to the left."""

    def render(self, painter: QPainter, old: QImage, new: QImage, t: float) -> None:
        dx = old.width() * t
        painter.drawImage(QPointF(-dx, 0), old)
        painter.drawImage(QPointF(old.width() - dx, 0), new)


@transition("zoom")
class Zoom:
    """The new picture fades in while it grows from 92 % to full size, centred."""

    def render(self, painter: QPainter, old: QImage, new: QImage, t: float) -> None:
        painter.drawImage(QPointF(0, 0), old)
        painter.setOpacity(t)
        s = lerp(0.92, 1.0, t)
        w, h = old.width() * s, old.height() * s
        painter.drawImage(QRectF((old.width() - w) / 2, (old.height() - h) / 2, w, h), new)
        painter.setOpacity(1.0)
