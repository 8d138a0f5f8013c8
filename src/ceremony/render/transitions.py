"""How the stage moves from one picture to the next: a class per transition, registered by name.

Impressive's model: each transition draws the outgoing and incoming frames (whole device-sized images) at
t, 0 to 1, already eased. The renderer picks one by the cue's ``transition.type``; adding a transition is
one class here (and its name in the script model's list).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
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


class Blend(ABC):
    """A transition that draws the old picture whole where it is, then the new one over it (``over``).

    The renderer draws the old picture of a blend straight into the target (a moving one too: the walk-in,
    a settled reveal) instead of into a frame-sized scratch image first, and calls ``over`` for the rest."""

    def render(self, painter: QPainter, old: QImage, new: QImage, t: float) -> None:
        painter.drawImage(QPointF(0, 0), old)
        self.over(painter, new, t)

    @abstractmethod
    def over(self, painter: QPainter, new: QImage, t: float) -> None:
        """Draw the new picture at t over the old one already drawn."""


@transition("fade")
class Fade(Blend):
    """The new picture fades in over the old."""

    def over(self, painter: QPainter, new: QImage, t: float) -> None:
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
class Zoom(Blend):
    """The new picture fades in while it grows from 92 % to full size, centred."""

    def over(self, painter: QPainter, new: QImage, t: float) -> None:
        painter.setOpacity(t)
        s = lerp(0.92, 1.0, t)
        w, h = new.width() * s, new.height() * s
        painter.drawImage(QRectF((new.width() - w) / 2, (new.height() - h) / 2, w, h), new)
        painter.setOpacity(1.0)
