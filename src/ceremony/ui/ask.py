"""A yes/no question to the operator, with its buttons in the operator's language.

QMessageBox's standard buttons are translated only by Qt's own catalogue, which PySide6 does not ship for
Norwegian; these buttons are ceremony's texts (context 'Dialog').
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ceremony.i18n import translate


def ask(parent: QWidget, title: str, question: str) -> bool:
    """True when the operator answers yes (No is the default: Enter does not confirm by accident)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton(translate("Dialog", "Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(translate("Dialog", "No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
