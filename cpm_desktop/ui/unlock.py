"""The unlock window: open the last store, choose another, create a new one, or open the demo."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cpm_desktop import config
from cpm_desktop.domain.passphrase import problem as passphrase_problem
from cpm_desktop.domain.passphrase import strength_hint as passphrase_hint
from cpm_desktop.services.stores import Store, StoreError

LAST_STORE_KEY = "store/last_path"  # the only thing remembered in the clear: a file path, no personal data


def remembered_store() -> Path:
    value = QSettings().value(LAST_STORE_KEY)
    return Path(value) if value else config.default_store_path()


def remember_store(path: Path) -> None:
    QSettings().setValue(LAST_STORE_KEY, str(path))


class UnlockDialog(QDialog):
    """Accepted with ``self.store`` open; a wrong passphrase is said and the person may try again."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle("CPM Desktop — unlock")
        self.store: Store | None = None
        self.path = QLineEdit(str(path or remembered_store()), objectName="storePath")
        browse = QPushButton("&Choose…", objectName="chooseStoreButton")
        self.passphrase = QLineEdit(objectName="passphrase", echoMode=QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(objectName="confirmPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.hint = QLabel(objectName="passphraseHint", wordWrap=True)
        self.message = QLabel(objectName="unlockMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b42318;")
        self.open_button = QPushButton("&Open", objectName="openButton", default=True)
        self.new_button = QPushButton("Create &new store", objectName="newStoreButton")
        self.demo_button = QPushButton("Open the &demo (synthetic people)", objectName="demoButton")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Store", path_row)
        form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.path)
        form.addRow("&Passphrase", self.passphrase)
        self.confirm_label = QLabel("&Again, to be sure")
        self.confirm_label.setBuddy(self.confirm)
        form.addRow(self.confirm_label, self.confirm)
        form.addRow("", self.hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._creating = False
        self._show_create(False)
        browse.clicked.connect(self._browse)
        self.open_button.clicked.connect(self.unlock)
        self.new_button.clicked.connect(self._new_clicked)
        self.demo_button.clicked.connect(self.open_demo)
        self.passphrase.textChanged.connect(self._update_hint)
        self.passphrase.setFocus()
        self.resize(560, 0)

    def _show_create(self, creating: bool) -> None:
        self._creating = creating
        for widget in (self.confirm, self.confirm_label, self.hint):
            widget.setVisible(creating)
        self.open_button.setText("&Create" if creating else "&Open")
        self.new_button.setText("&Back" if creating else "Create &new store")
        self.message.clear()

    def _new_clicked(self) -> None:
        if not self._creating and Path(self.path.text()).exists():
            self.path.setText(str(Path(self.path.text()).with_name("new-store.cpm")))
        self._show_create(not self._creating)

    def _update_hint(self, text: str) -> None:
        self.hint.setText(passphrase_hint(text) if self._creating else "")

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a store", str(Path(self.path.text()).parent),
                                              "CPM stores (*.cpm);;All files (*)")
        if name:
            self.path.setText(name)

    def unlock(self) -> None:
        path = Path(self.path.text()).expanduser()
        try:
            if self._creating:
                if self.passphrase.text() != self.confirm.text():
                    self.message.setText("The two passphrases differ.")
                    return
                if passphrase_problem(self.passphrase.text()):
                    self.message.setText(passphrase_problem(self.passphrase.text()))
                    return
                self.store = Store.create(path, self.passphrase.text())
            else:
                self.store = Store.open(path, self.passphrase.text())
        except StoreError as error:
            self.message.setText(str(error))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        remember_store(path)
        self.accept()

    def open_demo(self) -> None:
        from cpm_desktop.services.demo import open_or_create_demo_store

        path, passphrase = open_or_create_demo_store()
        self.store = Store.open(path, passphrase)
        self.accept()
