"""The PDF export: a real PDF with the notice first, entry text shown and never obeyed, written privately and
atomically, with progress a worker can report; and its page renderer."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from intimacy_desktop.core.journal import Entry, EntryFields, Kind
from intimacy_desktop.core.layers import Layer
from intimacy_desktop.gui.export_pdf import render_page_png, write_pdf

NOTICE = "This PDF is not encrypted. Anyone who has the file can read it."
PARAGRAPH = ("We walked along the canal after dinner and talked about the summer, about what we want to keep "
             "and what we would gladly leave behind. ")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture(autouse=True)
def _british_dates() -> Iterator[None]:
    """The dates below are written as en_GB writes them, whatever the machine's locale."""
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(old)


def _entry(i: int, title: str, body: str = "", **fields: object) -> Entry:
    made = dt.datetime(2026, 12, 1, 9, 0)
    return Entry(i, EntryFields(title=title, body=body, **fields), made, made)  # type: ignore[arg-type]


def _journal(count: int = 30) -> list[Entry]:
    """Long entries, given out of date order."""
    return [_entry(i, f"Evening number {i}", "\n\n".join([PARAGRAPH * 4] * 3),
                   entry_date=dt.date(2026, 11, 1) + dt.timedelta(days=(i * 7) % count), mood=1 + i % 5,
                   layer=Layer.EMOTIONAL, kind=Kind.HIGH, tags=("walks", "us"))
            for i in range(count)]


def _texts(pdf: Path) -> list[str]:
    doc = QPdfDocument()
    assert doc.load(str(pdf)) == QPdfDocument.Error.None_
    texts = [" ".join(doc.getAllText(page).text().split()) for page in range(doc.pageCount())]
    doc.close()
    return texts


def _write(tmp_path: Path, entries: list[Entry], **kwargs: object) -> tuple[Path, int]:
    out = tmp_path / "journal.pdf"
    pages = write_pdf(entries, out, title="Journal of Sam", notice=NOTICE, **kwargs)  # type: ignore[arg-type]
    return out, pages


def test_many_long_entries_make_a_pdf_of_many_pages(qapp: object, tmp_path: Path) -> None:
    out, pages = _write(tmp_path, _journal())
    assert out.read_bytes().startswith(b"%PDF")
    assert pages > 1
    doc = QPdfDocument()
    assert doc.load(str(out)) == QPdfDocument.Error.None_
    assert doc.pageCount() == pages
    doc.close()
    texts = _texts(out)
    assert all(f"{n} / {pages}" in texts[n - 1] for n in range(2, pages + 1))  # every page after the cover


def test_the_notice_comes_first_then_the_entries_in_date_order(qapp: object, tmp_path: Path) -> None:
    out, _pages = _write(tmp_path, _journal(10))
    texts = _texts(out)
    assert texts[0].startswith(NOTICE)
    assert "Journal of Sam" in texts[0] and "10 entries" in texts[0]
    assert "1 November 2026 – 10 November 2026" in texts[0]
    everything = " ".join(texts)
    first = everything.index("Evening number 0")  # 1 November
    assert everything.index(NOTICE) < first < everything.index("Evening number 3")  # 2 November
    assert "Sunday, 1 November 2026" in everything
    assert "A high · Stormy · Emotional · #walks, #us" in everything


def test_entry_text_is_shown_and_never_obeyed(qapp: object, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    QImage(8, 8, QImage.Format.Format_RGB32).save(str(secret))
    body = f"Some **bold** words, <i>raw html</i> and ![our picture]({secret.as_uri()}).\n\n[a link](https://example.org)"
    out, _pages = _write(tmp_path, [_entry(1, "<b>x</b> & friends", body, tags=("<tag>",))])
    everything = " ".join(_texts(out))
    assert "<b>x</b> & friends" in everything
    assert "<i>raw html</i>" in everything and "#<tag>" in everything
    assert "[our picture]" in everything  # the image's alt text; the file is not read
    assert "Some bold words" in everything and "a link" in everything


def test_mood_names_can_be_given_and_default_to_english(qapp: object, tmp_path: Path) -> None:
    entries = [_entry(1, "Rain", mood=2), _entry(2, "Sun", mood=5, entry_date=dt.date(2026, 12, 2))]
    out, _pages = _write(tmp_path, entries, mood_names={2: "Regnerisch"})
    everything = " ".join(_texts(out))
    assert "Regnerisch" in everything and "Sunny" in everything and "Rainy" not in everything


def test_an_empty_journal_is_its_cover(qapp: object, tmp_path: Path) -> None:
    out, pages = _write(tmp_path, [])
    assert pages == 1
    assert _texts(out)[0].startswith(NOTICE)


def test_an_existing_file_is_replaced_only_when_asked(qapp: object, tmp_path: Path) -> None:
    out = tmp_path / "journal.pdf"
    out.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        write_pdf([_entry(1, "One")], out, title="Journal of Sam", notice=NOTICE)
    assert out.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.pdf"]
    write_pdf([_entry(1, "One")], out, title="Journal of Sam", notice=NOTICE, overwrite=True)
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.pdf"]


def test_a_missing_folder_raises_and_leaves_nothing(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(OSError):  # noqa: PT011 (which OSError depends on the system)
        write_pdf([_entry(1, "One")], tmp_path / "gone" / "journal.pdf", title="J", notice=NOTICE)
    assert list(tmp_path.iterdir()) == []


@posix_only
@pytest.mark.skipif(sys.platform != "win32" and os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_raises(qapp: object, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            write_pdf([_entry(1, "One")], folder / "journal.pdf", title="J", notice=NOTICE)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.qt_log_ignore(r"^QPainter::begin\(\): Returned false$")
def test_a_writer_that_cannot_write_raises_and_removes_its_temporary_file(
        qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As when the folder vanishes between our temporary file and Qt's opening of it."""
    real = QtGui.QPdfWriter  # export_pdf looks it up on the module when it writes
    monkeypatch.setattr(QtGui, "QPdfWriter", lambda _name: real(str(tmp_path / "gone" / "x.pdf")))
    with pytest.raises(OSError, match="could not be started"):
        _write(tmp_path, [_entry(1, "One")])
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_left_behind_when_the_work_fails_midway(qapp: object, tmp_path: Path) -> None:
    def fail(fraction: float) -> None:
        if fraction > 0.5:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        _write(tmp_path, _journal(5), progress=fail)
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_the_file_is_private_whatever_the_umask(qapp: object, tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        out, _pages = _write(tmp_path, [_entry(1, "One")])
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_progress_grows_to_one(qapp: object, tmp_path: Path) -> None:
    seen: list[float] = []
    _write(tmp_path, _journal(12), progress=seen.append)
    assert len(seen) > 12
    assert seen == sorted(seen) and seen[0] > 0 and seen[-1] == 1.0


def test_it_runs_on_a_worker_thread(qapp: object, tmp_path: Path) -> None:
    result: list[int | BaseException] = []

    def work() -> None:
        try:
            result.append(_write(tmp_path, _journal(8))[1])
        except BaseException as error:  # handed to the test below
            result.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(60)
    assert len(result) == 1 and isinstance(result[0], int) and result[0] > 1
    assert (tmp_path / "journal.pdf").read_bytes().startswith(b"%PDF")


def test_a_page_renders_to_png(qapp: object, tmp_path: Path) -> None:
    out, _pages = _write(tmp_path, _journal(3))
    png = tmp_path / "page.png"
    render_page_png(out, 1, png, dpi=72)
    image = QImage(str(png))
    assert png.read_bytes().startswith(b"\x89PNG")
    assert (image.width(), image.height()) == (595, 842)  # A4 in points
    with pytest.raises(OSError, match="No page 9"):
        render_page_png(out, 9, png)


@pytest.mark.parametrize("make", [lambda p: p.write_bytes(b"not a pdf"), lambda p: None])
def test_rendering_what_is_not_a_pdf_raises(qapp: object, tmp_path: Path, make: Callable[[Path], None]) -> None:
    path = tmp_path / "x.pdf"
    make(path)
    with pytest.raises(OSError):  # noqa: PT011
        render_page_png(path, 0, tmp_path / "x.png")


def test_the_pages_stay_light_when_the_app_is_dark(qapp: QApplication, tmp_path: Path) -> None:
    """The body's ink comes from our paper colours, not from a dark palette's white text."""
    old = qapp.palette()
    dark = QPalette(old)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        dark.setColor(role, QColor("white"))
    qapp.setPalette(dark)
    try:
        out, _pages = _write(tmp_path, [_entry(1, "One", PARAGRAPH * 6)])
    finally:
        qapp.setPalette(old)
    png = tmp_path / "page.png"
    render_page_png(out, 1, png, dpi=60)
    image = QImage(str(png))
    body = [QColor(image.pixel(x, y)).lightness() for y in range(110, 200) for x in range(50, image.width() - 50)]
    assert min(body) < 120  # dark ink on the page
    assert QColor(image.pixel(5, 5)).lightness() > 250  # on white paper
