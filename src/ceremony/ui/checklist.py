"""The presenter's pre-show checklist: one line per check, a coloured dot, large type.

The panel only shows; ``ceremony.preflight.checklist`` decides. The presenter
calls ``refresh(checklist(...))`` when something it knows about changes (a key
seen, a reload, a screen change, the inhibitor's status) and on a slow timer.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ceremony.i18n import QT_TRANSLATE_NOOP, translate
from ceremony.preflight import CheckItem, StageInfo, Status
from ceremony.ui.screens import screen_of
from ceremony.ui.style import restyle

COLOURS: dict[Status, str] = {"green": "#3ccf7a", "amber": "#ffbf47", "red": "#ff5c5c"}
BACKGROUND = "#0d1424"
TEXT = "#e8eef8"
DOT_PX = 18
STATUS_NAMES: dict[Status, str] = {
    "green": QT_TRANSLATE_NOOP("Checklist", "green"),
    "amber": QT_TRANSLATE_NOOP("Checklist", "amber"),
    "red": QT_TRANSLATE_NOOP("Checklist", "red"),
}

CLICKER_HINT = QT_TRANSLATE_NOOP(
    "Checklist",
    "Test the clicker: press Next, Previous and Black on it — the Clicker line turns green when the key tester "
    "has seen all three.",
)

STYLE = f"""
QWidget#checklist, QWidget#checklistBody, QScrollArea#checklistScroll {{ background: {BACKGROUND}; color: {TEXT}; }}
QLabel {{ background: transparent; color: {TEXT}; }}
QLabel#checklistHeading {{ color: #9fb0cc; font-size: 13px; font-weight: 600; letter-spacing: 1px; }}
QLabel#checkTitle {{ font-size: 18px; font-weight: 700; }}
QLabel#checkDetail {{ font-size: 16px; color: #c9d3e6; }}
QLabel#checklistHint {{ font-size: 15px; color: #7fd1c7; }}
QLabel#checklistSummary {{ font-size: 16px; font-weight: 600; }}
"""


class StatusDot(QWidget):
    """A filled circle in the status colour (painted, so it looks the same under any style)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: Status = "amber"
        self.setFixedSize(DOT_PX, DOT_PX)

    def set_status(self, status: Status) -> None:
        self.status = status
        said = translate("Checklist", STATUS_NAMES[status])
        self.setToolTip(said)
        self.setAccessibleName(said)
        self.update()

    @property
    def colour(self) -> str:
        return COLOURS[self.status]

    def sizeHint(self) -> QSize:
        return QSize(DOT_PX, DOT_PX)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.colour))
        painter.drawEllipse(1, 1, DOT_PX - 2, DOT_PX - 2)
        painter.end()


class _Row:
    """The widgets of one check: dot, title, detail."""

    def __init__(self, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.dot = StatusDot(parent)
        self.title = QLabel(parent)
        self.title.setObjectName("checkTitle")
        self.detail = QLabel(parent)
        self.detail.setObjectName("checkDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        grid.addWidget(self.dot, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.title, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.detail, row, 2, Qt.AlignmentFlag.AlignTop)
        self.item: CheckItem | None = None

    def show_item(self, item: CheckItem) -> None:
        self.item = item
        self.dot.set_status(item.status)
        title, detail = item.translated()
        self.title.setText(title)
        self.detail.setText(detail)
        self.title.setToolTip(item.id)
        for widget in (self.dot, self.title, self.detail):
            widget.setVisible(True)

    def hide(self) -> None:
        self.item = None
        for widget in (self.dot, self.title, self.detail):
            widget.setVisible(False)


class ChecklistPanel(QWidget):
    """The checklist as the operator reads it before doors open: worst items are impossible to miss."""

    testTone = Signal()
    """The operator asked for the test tone (one second of 1 kHz on the chosen output)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        # In a scroll area: a long detail (a refused reload's file:line:col and reason) wraps onto as many
        # lines as it needs and the panel scrolls, instead of every row being squeezed and cut off.
        scroll = QScrollArea(self)
        scroll.setObjectName("checklistScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = body = QWidget()
        body.setObjectName("checklistBody")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        heading = QLabel(translate("Checklist", "PRE-SHOW CHECKLIST"), body)
        heading.setObjectName("checklistHeading")
        self.summary = QLabel(body)
        self.summary.setObjectName("checklistSummary")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(8)
        self._grid.setColumnStretch(2, 1)
        self.hint = QLabel(translate("Checklist", CLICKER_HINT), body)
        self.hint.setObjectName("checklistHint")
        self.hint.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addLayout(self._grid)
        layout.addWidget(self.hint)
        tone_row = QHBoxLayout()
        self.tone_button = QPushButton(translate("Checklist", "Play test tone"), body)
        self.tone_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tone_button.setToolTip(
            translate("Checklist", "One second of 1 kHz at -20 dBFS on the sound output, heard even in a blackout")
        )
        self.tone_button.clicked.connect(self.testTone)
        tone_row.addWidget(self.tone_button)
        tone_row.addStretch(1)
        layout.addLayout(tone_row)
        layout.addStretch(1)
        scroll.setWidget(body)
        self._rows: list[_Row] = []
        self.items: list[CheckItem] = []
        self.refresh([])

    def refresh(self, items: Sequence[CheckItem]) -> None:
        """Show these items (in this order), reusing the row widgets."""
        self.items = list(items)
        while len(self._rows) < len(self.items):
            self._rows.append(_Row(self._grid, len(self._rows), self._body))
        for row, item in zip(self._rows, self.items, strict=False):
            row.show_item(item)
        for row in self._rows[len(self.items) :]:
            row.hide()
        self.summary.setText(summary_text(self.items))
        worst = worst_status(self.items)
        restyle(self.summary, f"color: {COLOURS[worst]};" if self.items else "")

    # ---------------------------------------------------------------- for tests and the presenter

    def status_of(self, item_id: str) -> Status | None:
        return next((row.dot.status for row in self._rows if row.item and row.item.id == item_id), None)

    def colour_of(self, item_id: str) -> str | None:
        return next((row.dot.colour for row in self._rows if row.item and row.item.id == item_id), None)

    def dot_of(self, item_id: str) -> StatusDot | None:
        return next((row.dot for row in self._rows if row.item and row.item.id == item_id), None)

    def detail_of(self, item_id: str) -> str | None:
        return next((row.detail.text() for row in self._rows if row.item and row.item.id == item_id), None)


def worst_status(items: Sequence[CheckItem]) -> Status:
    statuses = {item.status for item in items}
    return "red" if "red" in statuses else "amber" if "amber" in statuses else "green"


def summary_text(items: Sequence[CheckItem]) -> str:
    """'All 9 checks green' or '1 red, 2 amber of 9 checks'."""
    if not items:
        return translate("Checklist", "No checks yet")
    red = sum(i.status == "red" for i in items)
    amber = sum(i.status == "amber" for i in items)
    if not red and not amber:
        if len(items) == 1:
            return translate("Checklist", "The one check is green")
        return translate("Checklist", "All {count} checks green").format(count=len(items))
    reds = translate("Checklist", "1 red") if red == 1 else translate("Checklist", "{count} red").format(count=red)
    ambers = translate("Checklist", "1 amber") if amber == 1 else translate("Checklist", "{count} amber")
    counts = ", ".join(p for p in (reds if red else "", ambers.format(count=amber) if amber else "") if p)
    if len(items) == 1:
        return translate("Checklist", "{counts} of 1 check").format(counts=counts)
    return translate("Checklist", "{counts} of {count} checks").format(counts=counts, count=len(items))


def stage_info_of(window: QWidget | None, *, lost: bool = False) -> StageInfo | None:
    """The stage window's screen for the checklist: name, physical pixels, fullscreen, lost."""
    if window is None:
        return None
    screen = screen_of(window)
    if screen is None:
        return None
    geometry = screen.geometry()
    ratio = screen.devicePixelRatio()
    return StageInfo(
        name=screen.name() or "?",
        width=round(geometry.width() * ratio),
        height=round(geometry.height() * ratio),
        fullscreen=window.isFullScreen(),
        lost=lost,
    )
