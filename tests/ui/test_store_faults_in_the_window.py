"""The window says the same true sentences as the command line: damaged, empty, refused passphrases."""
from __future__ import annotations

import hashlib
import stat

import pytest

from cpm_desktop.storage.engine import Store
from tests.adversary import damage_page, page_count
from tests.conftest import PASSPHRASE
from tests.ui.test_main_window import window  # noqa: F401  (fixture re-used)

RAW_KEY = "x'" + "0f" * 32 + "'"


@pytest.fixture
def filled_store(tmp_path):
    from cpm_desktop.services.interchange import import_tables
    from tests.services.test_interchange import sample_tables

    path = tmp_path / "filled.cpm"
    with Store.create(path, PASSPHRASE) as store:
        import_tables(store, sample_tables())
    return path


def unlock(qtbot, path, passphrase=PASSPHRASE):
    from cpm_desktop.ui.unlock import UnlockDialog

    dialog = UnlockDialog(path=path)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(dialog.settled, timeout=20000):  # the store is opened in the background
        dialog.unlock()
    return dialog


def test_the_unlock_window_says_a_store_is_damaged_and_writes_nothing(qtbot, filled_store):
    damage_page(filled_store, page_count(filled_store) - 2)
    before = hashlib.sha256(filled_store.read_bytes()).hexdigest()
    dialog = unlock(qtbot, filled_store)
    assert dialog.store is None
    assert "is damaged" in dialog.message.text() and "cpm-desktop restore" in dialog.message.text()
    assert hashlib.sha256(filled_store.read_bytes()).hexdigest() == before


def test_the_unlock_window_does_not_make_a_store_of_an_empty_file(qtbot, tmp_path):
    empty = tmp_path / "empty.cpm"
    empty.touch()
    dialog = unlock(qtbot, empty)
    assert dialog.store is None and "empty (0 bytes)" in dialog.message.text()
    assert empty.stat().st_size == 0


@pytest.mark.parametrize("refused, words", [("            ", "only spaces"), (RAW_KEY, "raw key")])
def test_the_unlock_window_refuses_to_create_with_a_blank_or_raw_passphrase(qtbot, tmp_path, refused, words):
    from cpm_desktop.ui.unlock import UnlockDialog

    dialog = UnlockDialog(path=tmp_path / "new.cpm")
    qtbot.addWidget(dialog)
    dialog._new_clicked()
    dialog.passphrase.setText(refused)
    dialog.confirm.setText(refused)
    with qtbot.waitSignal(dialog.settled, timeout=5000):  # refused before anything starts
        dialog.unlock()
    assert dialog.store is None and words in dialog.message.text()
    assert not (tmp_path / "new.cpm").exists()


def answers(monkeypatch, module, *typed):
    given = iter(typed)
    monkeypatch.setattr(module.QInputDialog, "getText", lambda *args, **kwargs: (next(given), True))
    warnings: list[str] = []
    monkeypatch.setattr(module.QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    return warnings


@pytest.mark.parametrize("refused, words", [("            ", "only spaces"), (RAW_KEY, "raw key")])
def test_change_passphrase_in_the_window_refuses_blank_and_raw(window, monkeypatch, refused, words):  # noqa: F811
    import cpm_desktop.ui.main_window as main_module

    warnings = answers(monkeypatch, main_module, refused, refused)
    window.change_passphrase()
    assert len(warnings) == 1 and words in warnings[0]
    assert window.context.store.check_passphrase(PASSPHRASE)


def test_a_failed_rekey_in_the_window_is_one_sentence(window, qtbot, monkeypatch):  # noqa: F811
    import cpm_desktop.ui.main_window as main_module

    store = window.context.store
    store.engine.dispose()
    damage_page(store.path, page_count(store.path) - 2)
    warnings = answers(monkeypatch, main_module, "a new long passphrase", "a new long passphrase")
    window.change_passphrase()  # raises nothing out of the slot; the re-keying runs in the background
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert len(warnings) == 1 and "is damaged" in warnings[0]


def test_a_backup_into_a_missing_folder_is_one_sentence(window, qtbot, monkeypatch, tmp_path):  # noqa: F811
    import cpm_desktop.ui.main_window as main_module

    target = tmp_path / "gone" / "backup.cpm"
    monkeypatch.setattr(main_module.QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    warnings = answers(monkeypatch, main_module)
    window.backup()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert warnings == [f"The folder {target.parent} does not exist; nothing was written."]


def test_a_pdf_saved_from_the_preview_is_owner_only(qtbot, tmp_path):
    import io

    from reportlab.pdfgen.canvas import Canvas

    from cpm_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

    buffer = io.BytesIO()
    page = Canvas(buffer)
    page.drawString(72, 720, "A letter about a person")
    page.save()
    dialog = PdfPreviewDialog("Sample", buffer.getvalue(), "sample.pdf")
    qtbot.addWidget(dialog)
    dialog.save_to(tmp_path / "sample.pdf")
    assert stat.S_IMODE((tmp_path / "sample.pdf").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.pdf"]


def test_a_page_damaged_while_the_window_is_open_is_said_when_met(window, qtbot, monkeypatch, tmp_path):  # noqa: F811
    import cpm_desktop.ui.main_window as main_module

    store = window.context.store
    store.engine.dispose()  # nothing cached: the export reads the damaged page from the disk
    for page in range(2, page_count(store.path)):
        damage_page(store.path, page)
    out = tmp_path / "export"
    monkeypatch.setattr(main_module.QFileDialog, "getExistingDirectory", lambda *args: str(out))
    warnings = answers(monkeypatch, main_module)
    window.export_folder()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert len(warnings) == 1 and "is damaged" in warnings[0], warnings
