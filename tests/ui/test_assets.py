"""Images that go bad: the stage draws a neutral placeholder, the presenter says so, nothing crashes."""

from __future__ import annotations

import resource
import struct
import zlib
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from .conftest import REPO, FakeClock, open_show, settle, stage_image

IMAGE_SLIDE = "  - id: photo\n    kind: image\n    image: photo.png\n    caption: Bilde fra kåringen\n"


def png(width: int, height: int, colour: int = 200) -> bytes:
    """A grey 8-bit PNG of any size, streamed so a 20000×20000 one costs a few MB to write."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    row = b"\x00" + bytes([colour]) * width
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def script_with_photo(folder: Path, photo: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    if not (folder / "assets").exists():
        (folder / "assets").symlink_to(REPO / "assets")
    (folder / "photo.png").write_bytes(photo)
    text = (
        (REPO / "slides.yaml")
        .read_text(encoding="utf-8")
        .replace("  - id: closing\n", IMAGE_SLIDE + "  - id: closing\n")
    )
    path = folder / "slides.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def centre(image: QImage) -> QColor:
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_a_good_photo_is_drawn(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    show = open_show(qtbot, clock, script_with_photo(tmp_path / "show", png(640, 360, colour=250)))
    show.controller.run("goto", "photo")
    settle(clock)
    show.controller.renderer.store.wait()
    assert centre(stage_image(show)).lightness() > 200


def test_a_huge_image_becomes_a_placeholder_without_eating_memory(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = script_with_photo(tmp_path / "show", png(20000, 20000, colour=250))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    show = open_show(qtbot, clock, path)
    show.controller.run("goto", "photo")
    settle(clock)
    show.controller.renderer.store.wait()
    image = stage_image(show)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert centre(image).lightness() < 200  # not the white photo: the placeholder
    assert show.hook.count == 0
    assert grown_mb < 300, f"decoding grew the process by {grown_mb:.0f} MB"


def _assets_item(show):  # type: ignore[no-untyped-def]
    show.presenter.refresh_checklist()
    return next((i for i in show.presenter.checklist.items if i.id == "assets"), None)


def test_a_photo_corrupted_under_a_running_show(qtbot, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "show"
    path = script_with_photo(folder, png(640, 360, colour=250))
    show = open_show(qtbot, clock, path)
    show.controller.run("goto", "photo")
    settle(clock)
    show.controller.renderer.store.wait()
    good = stage_image(show)
    for broken in (b"this is not a png", b"", png(640, 360)[:60]):
        (folder / "photo.png").write_bytes(broken)
        assert not show.reloader.reload_now()  # a truncated PNG too: it does not decode, so it is not swapped in
        settle(clock)
        show.controller.renderer.store.wait()
        assert stage_image(show) == good  # the last good script and picture stay up
        assert "photo.png" in show.presenter.banner.text()
        # The checklist comes once the pre-show checks (a worker thread) have run: on a busy machine that is
        # after the first broken file is already on disk.
        qtbot.waitUntil(lambda: _assets_item(show) is not None, timeout=10_000)
        images = _assets_item(show)
        assert images is not None
        assert images.status == "red"  # the file on disk would not do for the next start
        assert "photo.png" in images.detail
        assert show.hook.count == 0
