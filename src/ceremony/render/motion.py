"""The reveal's confetti and glow, pure functions of t (the cards' motion is in show_layout).

Confetti comes from a fixed seed, so the same t always gives the same picture
(exports, tests and the stage agree); nothing here looks at who wins.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter

from ceremony.render.geometry import CANVAS_H, CANVAS_W, smoothstep
from ceremony.render.style import Palette

CONFETTI_SEED = 2024
CONFETTI_START = 1.25
CONFETTI_END = 4.0


@dataclass(frozen=True, slots=True)
class Particle:
    x0: float
    y0: float
    delay: float
    vy: float
    sway: float
    freq: float
    phase: float
    spin: float
    w: float
    h: float
    color: str


_Flat = tuple[float, float, float, float, float, float, float, float, float, float, float, int]


@dataclass(frozen=True, slots=True)
class Confetti:
    """The particles, and each one's constants as a plain tuple for the frame loop (attribute reads cost)."""

    particles: tuple[Particle, ...]
    flat: tuple[_Flat, ...]


def make_confetti(palette: Palette, count: int = 110, seed: int = CONFETTI_SEED) -> Confetti:
    rng = random.Random(seed)
    colors = [palette.accent, palette.accent, palette.accent2, "#ffffff", palette.accent, "#f7e3a1"]
    particles = tuple(
        Particle(
            x0=rng.uniform(-40, CANVAS_W + 40),
            y0=rng.uniform(-260, -30),
            delay=rng.uniform(0.0, 0.7),
            vy=rng.uniform(260, 460),
            sway=rng.uniform(12, 48),
            freq=rng.uniform(2.0, 5.0),
            phase=rng.uniform(0, math.tau),
            spin=rng.uniform(-7, 7),
            w=rng.uniform(14, 24),
            h=rng.uniform(7, 12),
            color=rng.choice(colors),
        )
        for _ in range(count)
    )
    flat = tuple(
        (
            p.x0,
            p.y0,
            CONFETTI_START + p.delay,
            p.vy,
            p.sway,
            p.freq,
            p.freq * 1.3,
            p.phase,
            p.spin,
            p.w / 2,
            p.h / 2,
            QColor(p.color).rgb(),
        )
        for p in particles
    )
    return Confetti(particles, flat)


def draw_confetti(painter: QPainter, confetti: Confetti, t: float) -> None:
    alpha = 1.0 - smoothstep(CONFETTI_END - 0.8, CONFETTI_END, t)
    if t < CONFETTI_START or alpha <= 0.0:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # small, fast-moving paper: AA is invisible
    sin, cos, point = math.sin, math.cos, QPointF
    limit = CANVAS_H + 40
    set_brush, draw = painter.setBrush, painter.drawConvexPolygon  # a turned rectangle is convex: same pixels
    for x0, y0, start, vy, sway, freq, turn, phase, spin, half_w, hh, rgb in confetti.flat:
        u = t - start
        if u < 0:
            continue
        y = y0 + vy * u + 60.0 * u * u
        if y > limit:
            continue
        x = x0 + sway * sin(freq * u + phase)
        a = phase + spin * u
        flip = abs(cos(turn * u + phase))  # the paper turning over
        ca, sa = cos(a), sin(a)
        hw = half_w * (flip if flip > 0.15 else 0.15)
        # the four corners (±hw, ±hh) rotated by a
        ax, ay, bx, by = hw * ca, hw * sa, hh * sa, hh * ca
        c = QColor(rgb)
        c.setAlphaF(alpha * (0.75 + 0.25 * flip))
        set_brush(c)
        draw(
            [
                point(x - ax + bx, y - ay - by),
                point(x + ax + bx, y + ay - by),
                point(x + ax - bx, y + ay + by),
                point(x - ax - bx, y - ay + by),
            ]
        )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)


def glow_level(t: float) -> float:
    return smoothstep(0.9, 1.9, t)
