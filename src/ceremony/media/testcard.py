"""Test films and sounds, made with PyAV: a burnt-in frame number and a tone you can count.

Each picture carries its number twice: large seven-segment digits for people, and a 16-bit barcode
along the top (white and black blocks, most significant first) that ``read_barcode`` reads back from a
grab of the stage, whatever the scaling and letterboxing. The sound is a 440 Hz tone with a 1 kHz pip
in the first 50 ms of each second, so a recording shows when each second of the film was heard. The
tests, the benchmarks and the example show (``python -m ceremony.media.testcard``) use them, so
nothing large is committed.

    python -m ceremony.media.testcard OUT.mp4 [--size 1920x1080] [--fps 30] [--seconds 60] [--codec h264]
"""

from __future__ import annotations

import argparse
import fractions
import math
from collections.abc import Sequence
from pathlib import Path

import av
import av.audio.stream
import av.container
import av.video.stream
import numpy as np
import numpy.typing as npt

RATE = 48000
BITS = 16
Image = npt.NDArray[np.uint8]

_SEGMENTS = {  # a b c d e f g
    "0": "1111110", "1": "0110000", "2": "1101101", "3": "1111001", "4": "0110011",
    "5": "1011011", "6": "1011111", "7": "1110000", "8": "1111111", "9": "1111011",
}  # fmt: skip

CODECS: dict[str, tuple[str, str, dict[str, str]]] = {
    # name: (encoder, pixel format, options)
    "h264": ("libx264", "yuv420p", {"preset": "ultrafast", "g": "30"}),
    # what an editor delivers: High profile, B-frames, a 2 s GOP (decodes like a real film)
    "h264-film": ("libx264", "yuv420p", {"preset": "veryfast", "crf": "23", "g": "60", "bf": "3"}),
    "hevc": ("libx265", "yuv420p", {"preset": "ultrafast", "x265-params": "log-level=error"}),
    "vp9": ("libvpx-vp9", "yuv420p", {"deadline": "realtime", "cpu-used": "8", "row-mt": "1"}),
    "prores": ("prores_ks", "yuv422p10le", {"profile": "0"}),
    "mpeg4": ("mpeg4", "yuv420p", {"qscale": "4"}),
}
_AUDIO_CODECS = {".wav": "pcm_s16le", ".mp3": "libmp3lame", ".ogg": "libopus", ".m4a": "aac", ".flac": "flac"}


def barcode_box(width: int) -> tuple[int, int, int]:
    """(x0, y0, block): where the 16 blocks sit in a picture ``width`` wide (the reader uses it too)."""
    block = width // (BITS + 4)
    return 2 * block, block // 2, block


def read_barcode(rgb: Image) -> int:
    """The frame number from a height x width x 3 (or 4) picture of exactly one frame (not letterboxed)."""
    width = rgb.shape[1]
    x0, y0, block = barcode_box(width)
    number = 0
    for i in range(BITS):
        pixel = rgb[y0 + block // 2, x0 + i * block + block // 2, :3]
        number = (number << 1) | int(pixel.mean() > 127)
    return number


def _digit(img: Image, ch: str, x: int, y: int, s: int) -> None:
    t = max(2, s // 6)
    boxes = [
        (x, y, s, t), (x + s - t, y, t, s), (x + s - t, y + s, t, s), (x, y + 2 * s - t, s, t),
        (x, y + s, t, s), (x, y, t, s), (x, y + s - t // 2, s, t),
    ]  # fmt: skip
    for on, (bx, by, bw, bh) in zip(_SEGMENTS[ch], boxes, strict=True):
        if on == "1":
            img[by : by + bh, bx : bx + bw] = 255


def frame_picture(base: Image, number: int, fps: int = 30) -> Image:
    """``base`` with the frame number as barcode and digits, and a bar that crosses once a second."""
    img = base.copy()
    h, w = img.shape[:2]
    x0, y0, block = barcode_box(w)
    img[max(0, y0 - 4) : y0 + block + 4, x0 - 4 : x0 + BITS * block + 4] = 0
    for i in range(BITS):
        if (number >> (BITS - 1 - i)) & 1:
            img[y0 : y0 + block, x0 + i * block : x0 + (i + 1) * block] = 255
    s = h // 6
    text = f"{number:05d}"
    x = (w - len(text) * (s + s // 3)) // 2
    y = h // 2 - s
    img[y - 10 : y + 2 * s + 10, x - 10 : x + len(text) * (s + s // 3) + 10] = 0
    for ch in text:
        _digit(img, ch, x, y, s)
        x += s + s // 3
    bar = int((number % fps) / fps * (w - 40))
    img[h - h // 10 : h - h // 20, bar : bar + 40] = (255, 200, 0)
    return img


def gradient(width: int, height: int, tint: tuple[int, int, int] = (0, 0, 90)) -> Image:
    yy, xx = np.mgrid[0:height, 0:width]
    red = xx * 255 // max(1, width - 1) // 2 + tint[0] // 2
    green = yy * 255 // max(1, height - 1) // 2 + tint[1] // 2
    blue = np.full_like(xx, tint[2])
    return np.stack([red, green, blue], -1).astype(np.uint8)


def tone(seconds: float, freq: float = 440.0, level: float = 0.3, *, pips: bool = True) -> npt.NDArray[np.float32]:
    """Mono samples: a tone, with a 1 kHz pip in the first 50 ms of each second."""
    t = np.arange(round(RATE * seconds)) / RATE
    out = level * np.sin(2 * math.pi * freq * t)
    if pips:
        pip = (t % 1.0) < 0.05
        out[pip] = level * np.sin(2 * math.pi * 1000 * t[pip])
    return out.astype(np.float32)


def write_video(
    path: Path,
    size: tuple[int, int] = (320, 180),
    fps: int = 30,
    seconds: float = 2.0,
    *,
    codec: str = "h264",
    audio: bool = True,
    busy: bool = False,
    faststart: bool = False,
    tint: tuple[int, int, int] = (0, 0, 90),
) -> Path:
    """A film with numbered frames (and the pip tone). ``busy``: moving grain, for a real film's bitrate."""
    encoder, pix_fmt, options = CODECS[codec]
    width, height = size
    base = gradient(width, height, tint)
    rng = np.random.default_rng(7)
    texture = rng.integers(0, 80, (height + 64, width + 64, 1), dtype=np.uint8) if busy else None
    grains = [rng.integers(0, 10, (height, width, 1), dtype=np.uint8) for _ in range(5)] if busy else []
    with av.open(str(path), "w", options={"movflags": "faststart"} if faststart else {}) as out:
        stream = out.add_stream(encoder, rate=fps, options=dict(options))
        assert isinstance(stream, av.video.stream.VideoStream)
        stream.width, stream.height, stream.pix_fmt = width, height, pix_fmt
        codec_name = "libopus" if path.suffix == ".webm" else "aac"
        sound = out.add_stream(codec_name, rate=RATE, layout="stereo") if audio else None
        for n in range(round(fps * seconds)):
            picture = base
            if texture is not None:
                dx, dy = (3 * n) % 64, (2 * n) % 64
                picture = base // 2 + texture[dy : dy + height, dx : dx + width] + grains[n % len(grains)]
            frame = av.VideoFrame.from_ndarray(frame_picture(picture, n, fps), format="rgb24")
            frame.pts, frame.time_base = n, fractions.Fraction(1, fps)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
        if isinstance(sound, av.audio.stream.AudioStream):
            _write_sound(out, sound, tone(seconds))
    return path


def _write_sound(
    out: av.container.OutputContainer, stream: av.audio.stream.AudioStream, mono: npt.NDArray[np.float32]
) -> None:
    chunk = 960
    for i in range(0, len(mono), chunk):
        piece = mono[i : i + chunk]
        frame = av.AudioFrame.from_ndarray(
            np.stack([piece, piece], axis=1).reshape(1, -1), format="flt", layout="stereo"
        )
        frame.rate, frame.pts, frame.time_base = RATE, i, fractions.Fraction(1, RATE)
        out.mux(stream.encode(frame))
    out.mux(stream.encode(None))


def write_sound(path: Path, mono: npt.NDArray[np.float32]) -> Path:
    """Mono samples as a stereo sound file; the format follows the suffix (.wav, .mp3, .ogg, .m4a, .flac)."""
    with av.open(str(path), "w") as out:
        stream = out.add_stream(_AUDIO_CODECS[path.suffix], rate=RATE, layout="stereo")
        assert isinstance(stream, av.audio.stream.AudioStream)
        _write_sound(out, stream, mono)
    return path


def bed(seconds: float = 1.0, freq: float = 440.0, level: float = 0.5) -> npt.NDArray[np.float32]:
    """A loopable bed: whole cycles of a tone, with a 1 kHz pip in its first 20 ms (count the loops by it)."""
    t = np.arange(round(RATE * seconds)) / RATE
    mono = level * np.sin(2 * math.pi * freq * t)
    pip = t < 0.02
    mono[pip] = level * np.sin(2 * math.pi * 1000 * t[pip])
    return mono.astype(np.float32)


def music(seconds: float = 8.0, level: float = 0.25) -> npt.NDArray[np.float32]:
    """A gentle walk-in loop: a slow chord progression (for the example show; loops without a seam)."""
    t = np.arange(round(RATE * seconds)) / RATE
    chords = [(220.0, 277.18, 329.63), (196.0, 246.94, 293.66), (174.61, 220.0, 261.63), (196.0, 246.94, 293.66)]
    out = np.zeros_like(t)
    span = seconds / len(chords)
    for i, chord in enumerate(chords):
        inside = (t >= i * span) & (t < (i + 1) * span)
        local = t[inside] - i * span
        swell = np.sin(math.pi * local / span) ** 2
        for freq in chord:
            out[inside] += swell * np.sin(2 * math.pi * freq * t[inside]) / len(chord)
    return (level * out).astype(np.float32)


def envelope(mono: npt.NDArray[np.float32], window: int = 218) -> npt.NDArray[np.float64]:
    """RMS over windows of two 440 Hz periods (218 samples): flat for a steady tone, so a dip is missing sound."""
    usable = len(mono) // window * window
    blocks = mono[:usable].reshape(-1, window).astype(np.float64)
    result: npt.NDArray[np.float64] = np.sqrt((blocks**2).mean(axis=1))
    return result


def tone_level(mono: npt.NDArray[np.float32], freq: float, window: int = 240) -> npt.NDArray[np.float64]:
    """The amplitude of one frequency in each window (a projection, as a Goertzel filter does): the pips."""
    usable = len(mono) // window * window
    blocks = mono[:usable].reshape(-1, window).astype(np.float64)
    t = np.arange(window) / RATE
    c, s = np.cos(2 * np.pi * freq * t), np.sin(2 * np.pi * freq * t)
    result: npt.NDArray[np.float64] = 2 * np.hypot(blocks @ c, blocks @ s) / window
    return result


def onsets(flags: npt.NDArray[np.bool_]) -> list[int]:
    """The indices where a run of True begins."""
    return [int(i) for i in np.flatnonzero(flags & ~np.concatenate([[False], flags[:-1]]))]


def truncate(src: Path, dst: Path, fraction: float = 0.5) -> Path:
    """The first part of a file, as a copy cut off mid-transfer would be."""
    dst.write_bytes(src.read_bytes()[: int(src.stat().st_size * fraction)])
    return dst


def corrupt(src: Path, dst: Path, seed: int = 1) -> Path:
    """The file with random bytes over its middle third (headers intact, pictures damaged)."""
    data = bytearray(src.read_bytes())
    rng = np.random.default_rng(seed)
    a, b = len(data) // 3, 2 * len(data) // 3
    data[a:b] = rng.integers(0, 256, b - a, dtype=np.uint8).tobytes()
    dst.write_bytes(bytes(data))
    return dst


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ceremony.media.testcard", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="320x180")
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--codec", default="h264", choices=sorted(CODECS))
    parser.add_argument("--no-audio", action="store_true")
    busy = "a real film's bitrate: moving texture and grain"
    parser.add_argument("--busy", action="store_true", help=busy)  # untranslated: a developer's tool for test media
    args = parser.parse_args(argv)
    if args.out.suffix in _AUDIO_CODECS:
        write_sound(args.out, tone(args.seconds))
    else:
        w, h = (int(v) for v in args.size.split("x"))
        write_video(args.out, (w, h), args.fps, args.seconds, codec=args.codec, audio=not args.no_audio, busy=args.busy)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
