"""`ceremony check` on films and sounds: each problem at the line and column that names the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ceremony.media import testcard

REPO = Path(__file__).resolve().parents[2]


def check(script: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """The real command line, for a user whose system speaks English (the positioned messages are English)."""
    return subprocess.run(
        [sys.executable, "-m", "ceremony", "check", *options, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "LANGUAGE": "en"},
    )


def write_show(folder: Path, slides: str) -> Path:
    script = folder / "show.yaml"
    script.write_text(
        "event:\n  title: Prøve\n  year: 2026\nslides:\n  - kind: title\n" + slides,
        encoding="utf-8",
    )
    return script


def test_every_media_problem_is_positioned_and_a_sound_show_passes(tmp_path: Path, clip: Path, bed_wav: Path) -> None:
    (tmp_path / "film.mp4").write_bytes(clip.read_bytes())
    (tmp_path / "bed.wav").write_bytes(bed_wav.read_bytes())
    good = write_show(
        tmp_path,
        "    audio: {file: bed.wav, loop: true}\n"
        "  - kind: video\n    video: film.mp4\n    then: next\n"
        "  - kind: countdown\n    until: '19:00'\n    video: {file: film.mp4, start: 1}\n",
    )
    result = check(good)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{good}: ok, 3 slides")

    (tmp_path / "notes.mp4").write_text("not a film\n" * 40, encoding="utf-8")
    bad = write_show(
        tmp_path,
        "    audio: missing.mp3\n"  # line 6
        "  - kind: video\n    video: notes.mp4\n"  # line 8
        "  - kind: video\n    video: bed.wav\n"  # line 10
        "  - kind: video\n    video: film.mp4\n    start: 10\n"  # lines 12-13
        "  - kind: text\n    title: X\n    audio: [bed.wav, film.mp4, gone.wav]\n",  # line 16
    )
    result = check(bad)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert f"{bad}:6:12: error: file not found: 'missing.mp3' (looked for {tmp_path / 'missing.mp3'})" in lines
    assert f"{bad}:16:32: error: file not found: 'gone.wav' (looked for {tmp_path / 'gone.wav'})" in lines
    assert "Traceback" not in result.stderr
    (tmp_path / "missing.mp3").write_bytes(bed_wav.read_bytes())
    (tmp_path / "gone.wav").write_bytes(bed_wav.read_bytes())
    lines = check(bad).stderr.splitlines()
    assert any(line.startswith(f"{bad}:8:12: warning: 'notes.mp4' does not look like a film") for line in lines)
    assert any(
        line.startswith(f"{bad}:8:12: error: 'notes.mp4' cannot be played: it does not decode") for line in lines
    )
    assert f"{bad}:10:12: error: 'bed.wav' has no pictures (it is a sound file); a film needs a video stream" in lines
    assert f"{bad}:13:12: error: start (10 s) is beyond the film's end (0:03)" in lines


def test_a_costly_film_is_a_warning_that_says_the_cost(tmp_path: Path) -> None:
    testcard.write_video(tmp_path / "uhd.mp4", (3840, 2160), 30, 1 / 30, audio=False)
    script = write_show(tmp_path, "  - kind: video\n    video: uhd.mp4\n")
    result = check(script)
    assert result.returncode == 0
    assert f"{script}:7:12: warning: 'uhd.mp4': 3840×2160 is larger than the 1920×1080 stage" in result.stderr
    assert "~31 ms CPU per frame" in result.stderr


def test_a_very_long_file_is_a_warning_that_says_what_playing_it_costs(tmp_path: Path) -> None:
    testcard.write_video(tmp_path / "long.mp4", (160, 90), 1, 16 * 60, audio=False)  # 16 minutes, tiny: made in <1 s
    script = write_show(tmp_path, "  - kind: video\n    video: long.mp4\n")
    result = check(script)
    assert result.returncode == 0, result.stderr
    assert (
        f"{script}:7:12: warning: 'long.mp4': 16:00 long: the show decodes it all that time "
        "(~7.5 ms CPU per frame, 0.01 of a core at 1 fps); is this the right file?"
    ) in result.stderr.splitlines()
    strict = check(script, "--strict")
    assert strict.returncode != 0  # --strict: a warning fails the check


def test_a_long_sound_or_4k_film_names_its_own_cost() -> None:
    from ceremony.media.probe import MediaInfo, warnings_for

    sound = MediaInfo("bed.mp3", duration=40 * 60.0, audio_codec="mp3", sample_rate=48000, channels=2)
    assert warnings_for(sound) == [
        "40:00 long: it is read from disk and decoded all the while it plays; is this the right file?"
    ]
    uhd = MediaInfo("uhd.mp4", duration=20 * 60.0, video_codec="hevc", width=3840, height=2160, fps=30.0)
    assert (
        "20:00 long: the show decodes it all that time (~31 ms CPU per frame, 0.93 of a core at 30 fps)"
        in (warnings_for(uhd)[-1])
    )


def test_the_example_media_show_passes_a_strict_check() -> None:
    script = REPO / "examples" / "media" / "slides.yaml"
    result = check(script, "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{script}: ok, 6 slides")


def test_a_looping_aac_bed_is_a_warning(tmp_path: Path) -> None:
    testcard.write_sound(tmp_path / "bed.m4a", testcard.bed(1.0))
    script = write_show(tmp_path, "    audio: {file: bed.m4a, loop: true}\n")
    result = check(script)
    assert result.returncode == 0
    assert f"{script}:6:19: warning: 'bed.m4a' is AAC, which adds a few ms of silence where it loops" in result.stderr
