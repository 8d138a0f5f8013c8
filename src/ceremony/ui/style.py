"""The presenter's look: dark, calm, large type, readable from a metre away in a dark hall."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

PRESENTER_STYLE = """
QMainWindow, QWidget { background: #0d1424; color: #e8eef8; font-size: 15px; }
QLabel#caption { color: #9fb0cc; font-size: 13px; font-weight: 600; letter-spacing: 1px; }
QLabel#clock { font-size: 30px; font-weight: 700; font-family: "Inter", sans-serif; }
QFrame#clocks { background: #131d33; border-radius: 8px; }
QTextBrowser#notes { background: #131d33; border: none; border-radius: 8px; padding: 10px; color: #f4f7fc; }
QListWidget#cuelist { background: #131d33; border: none; border-radius: 8px; font-size: 15px; }
QListWidget#cuelist::item { padding: 4px; border-bottom: 1px solid #1c2945; }
QListWidget#cuelist::item:selected { background: #2b4c85; }
QToolBar { background: #101a2e; border: none; spacing: 6px; padding: 4px; }
QToolButton { color: #e8eef8; font-size: 13px; padding: 4px 8px; border-radius: 6px; }
QToolButton:hover { background: #1f3d73; }
QStatusBar { background: #101a2e; color: #c9d3e6; font-size: 14px; }
QLabel#keytester { color: #7fd1c7; }
QLabel#banner { border-radius: 6px; padding: 8px 12px; font-size: 17px; font-weight: 600; }
QLabel#banner[level="alert"] { background: #7a1020; color: #ffffff; }
QLabel#banner[level="warn"] { background: #6b4a00; color: #ffffff; }
QLabel#banner[level="hint"] { background: #1f3d73; color: #ffffff; }
QFrame#overlay { background: rgba(8, 12, 24, 240); border: 2px solid #f2c14e; border-radius: 12px; }
QLabel#overlayTitle { font-size: 22px; font-weight: 700; color: #f2c14e; }
QLabel#helpName { font-weight: 700; }
QLabel#helpKeys { color: #7fd1c7; font-family: monospace; }
QLineEdit#gotoField { font-size: 22px; padding: 6px; background: #131d33; border: 1px solid #2b4c85; }
QFrame#picker { background: #2a1a05; border: 2px solid #f2c14e; border-radius: 10px; }
QLabel#pickerTitle { font-size: 20px; font-weight: 700; }
QPushButton { background: #1f3d73; color: #ffffff; border: none; border-radius: 8px; padding: 8px 14px;
              font-size: 16px; }
QPushButton#pickButton { font-size: 24px; font-weight: 700; }
QPushButton#pickButton:checked { background: #f2c14e; color: #0b1630; }
QPushButton:disabled { background: #2a3550; color: #7a86a0; }
QLabel#rehearsal { background: #ffbf47; color: #0b1630; font-size: 18px; font-weight: 800; padding: 6px 12px;
                   border-radius: 6px; }
QPushButton#confirmButton { background: #f2c14e; color: #0b1630; font-weight: 700; }
QTabWidget::pane { border: none; }
QTabBar::tab { background: #101a2e; color: #9fb0cc; padding: 6px 14px; font-size: 13px; font-weight: 600; }
QTabBar::tab:selected { background: #131d33; color: #e8eef8; }
QSplitter::handle { background: #0d1424; }
QSplitter::handle:hover { background: #1f3d73; }
QScrollArea { background: transparent; border: none; }
QScrollBar:vertical { background: transparent; width: 14px; margin: 0; border: none; }
QScrollBar:horizontal { background: transparent; height: 14px; margin: 0; border: none; }
QScrollBar::handle { background: #33466f; margin: 3px; border-radius: 4px; }
QScrollBar::handle:vertical { min-height: 40px; }
QScrollBar::handle:horizontal { min-width: 40px; }
QScrollBar::handle:hover { background: #3d5486; }
QScrollBar::handle:pressed { background: #f2c14e; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
QMenuBar { background: #101a2e; color: #e8eef8; }
QMenuBar::item { background: transparent; padding: 4px 10px; }
QMenuBar::item:selected, QMenuBar::item:pressed { background: #1f3d73; border-radius: 4px; }
QMenu { background: #131d33; color: #e8eef8; border: 1px solid #2b4c85; padding: 4px; }
QMenu::item { padding: 6px 24px 6px 12px; border-radius: 4px; }
QMenu::item:selected { background: #2b4c85; }
QMenu::item:disabled { color: #7a86a0; }
QMenu::separator { height: 1px; background: #1c2945; margin: 4px 8px; }
QToolTip { background: #131d33; color: #e8eef8; border: 1px solid #2b4c85; padding: 6px; font-size: 14px; }
QToolButton:pressed, QToolButton:checked { background: #2b4c85; }
QToolButton:disabled { color: #7a86a0; }
QPushButton:hover { background: #2b4c85; }
QPushButton:pressed { background: #173058; }
QPushButton:focus { outline: none; border: 2px solid #f2c14e; }
QLineEdit { background: #131d33; color: #f4f7fc; border: 1px solid #2b4c85; border-radius: 4px; padding: 4px;
            selection-background-color: #2b4c85; }
QTextBrowser, QListWidget { selection-background-color: #2b4c85; selection-color: #ffffff; }
QListWidget#cuelist::item:hover { background: #1a2a4a; }
QTabBar::tab:hover { color: #e8eef8; }
QMessageBox { background: #0d1424; }
QMessageBox QLabel { font-size: 16px; }
"""


def restyle(widget: QWidget, sheet: str) -> None:
    """Set a widget's style sheet only when it changes: each set re-polishes it (~0.3 ms a label)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
