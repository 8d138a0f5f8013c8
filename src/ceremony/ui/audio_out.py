"""The last step of the show's sound: the mixer's samples to a device, to nowhere, or to memory.

``DeviceOutput`` pulls the mixer into one QAudioSink that lives on its own thread (a busy GUI thread
cannot starve the speaker) and is opened once, at start-up: a sink that starts stalls ~1.2 s before
its second pull, so it is kept running (silence) and a cue never waits for it. ``NullOutput`` pulls at
the real-time pace and throws the samples away (no device, ``--mute``): sounds still start, fade and
end, and films run on the monotonic clock. ``MemoryOutput`` pulls at the pace of the show's clock and
keeps every sample, so a test reads exactly what the show produced.

``SoundOutput`` chooses among them from ``--audio-device`` / ``settings.audio_device``, follows devices
that come and go, and says how it stands for the checklist: red when the chosen device is missing,
amber when there is none or the show is muted, never a crash.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from PySide6.QtCore import QCoreApplication, QIODevice, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from ceremony.i18n import QT_TRANSLATE_NOOP, Text
from ceremony.media.mixer import CHANNELS, PCM, RATE, Mixer, tone

log = logging.getLogger(__name__)

BYTES_PER_FRAME = 4 * CHANNELS
#: The device's buffer: enough to ride out a GIL-holding moment on another thread, little enough for sync.
BUFFER_SECONDS = 0.1
#: Tests name this device to get a MemoryOutput driven by the show's clock.
MEMORY_DEVICE = "memory:"
Level = Literal["green", "amber", "red"]


@dataclass(frozen=True, slots=True)
class OutputStatus:
    """How the sound stands, for the checklist and the presenter: ``said`` in the operator's language
    (``translated()``), ``detail`` in English (logs, tests)."""

    level: Level
    said: Text
    devices: tuple[str, ...] = ()

    @property
    def detail(self) -> str:
        return str(self.said)

    def translated(self) -> str:
        return self.said.translated()


def _said(template: str, **values: object) -> Text:
    """A status text, marked QT_TRANSLATE_NOOP("Preflight", …) where it is written (the checklist shows it)."""
    return Text(template, tuple(values.items()), "Preflight")


class Output(QObject):
    """Where the mixer's samples go. ``live``: the output plays in real time, so films may take their clock
    from the samples it has taken; ``offline``: it renders as fast as the show's clock says (sources may wait
    for their decoders)."""

    live = False
    offline = False

    def __init__(self, mixer: Mixer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mixer = mixer

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def latency(self) -> float:
        """Seconds of sound taken from the mixer but not yet heard (still in the device's buffer)."""
        return 0.0


class NullOutput(Output):
    """No device (or muted): pulls the mixer at the real-time pace and drops the samples."""

    def __init__(self, mixer: Mixer, parent: QObject | None = None, interval_ms: int = 20) -> None:
        super().__init__(mixer, parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._pull)
        self._t0 = 0.0
        self._done = 0

    def start(self) -> None:
        self._t0, self._done = time.monotonic(), 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _pull(self) -> None:
        due = int((time.monotonic() - self._t0) * RATE) - self._done
        if due > 0:
            self.mixer.render(min(due, RATE))
            self._done += due


class MemoryOutput(Output):
    """Pulls the mixer at the pace of ``clock`` (the show's; a test moves it) and keeps every sample."""

    live = True
    offline = True

    def __init__(
        self, mixer: Mixer, clock: Callable[[], float], parent: QObject | None = None, *, keep: bool = True
    ) -> None:
        super().__init__(mixer, parent)
        self.clock = clock
        self.keep = keep
        self.blocks: list[PCM] = []
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self.pump)
        self._t0: float | None = None
        self._done = 0

    def start(self) -> None:
        self._t0, self._done = self.clock(), 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def pump(self) -> None:
        """Render what the clock says is due now (the timer calls this; a test may too)."""
        if self._t0 is None:
            return
        due = round((self.clock() - self._t0) * RATE) - self._done
        while due > 0:
            block = self.mixer.render(min(due, RATE // 10))
            if self.keep:
                self.blocks.append(block)
            self._done += len(block)
            due -= len(block)

    def recorded(self) -> PCM:
        return np.concatenate(self.blocks) if self.blocks else np.zeros((0, CHANNELS), np.float32)


# ---------------------------------------------------------------- the device


class _Pull(QIODevice):
    """A read-only stream that renders the mixer whenever the sink wants more (on the audio thread)."""

    def __init__(self, mixer: Mixer, sink: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.mixer = mixer
        self.sink = sink
        self.queued = 0.0
        """Seconds in the sink's buffer after the last pull: what the hall has not heard yet."""

    def readData(self, maxlen: int) -> bytes:
        frames = maxlen // BYTES_PER_FRAME
        block = self.mixer.render(frames) if frames > 0 else np.zeros((0, CHANNELS), np.float32)
        try:
            waiting = self.sink.bufferSize() - self.sink.bytesFree()
            self.queued = max(0, waiting) / BYTES_PER_FRAME / RATE
        except RuntimeError:  # the sink is going away
            pass
        return block.tobytes()

    def writeData(self, data: bytes | bytearray | memoryview, size: int, /) -> int:
        return -1

    def bytesAvailable(self) -> int:
        return 1 << 30

    def isSequential(self) -> bool:
        return True


class _Worker(QObject):
    """Owns the sink and its stream on the audio thread."""

    failed = Signal(str)
    sinkChanged = Signal()

    def __init__(self, mixer: Mixer, device: Any) -> None:
        super().__init__()
        self.mixer, self.device = mixer, device
        self.sink: Any = None
        self.pull: _Pull | None = None

    @Slot()
    def open(self) -> None:
        from PySide6.QtMultimedia import QAudioFormat, QAudioSink

        fmt = QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(CHANNELS)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Float)
        self.sink = QAudioSink(self.device, fmt, self)
        self.sink.setBufferSize(round(BUFFER_SECONDS * RATE) * BYTES_PER_FRAME)
        self.pull = _Pull(self.mixer, self.sink, self)
        self.pull.open(QIODevice.OpenModeFlag.ReadOnly)
        # Through a signal without arguments (Qt drops the state): PySide6 6.11 cannot hand a QAudio::State to
        # Python ("Cannot call meta function ... cannot be converted" on every state change), so a failed sink
        # was never seen, and the error reached the presenter's banner from this thread.
        self.sink.stateChanged.connect(self.sinkChanged)
        self.sinkChanged.connect(self._check)
        self.sink.start(self.pull)

    @Slot()
    def close(self) -> None:
        if self.sink is not None:
            self.sink.stop()
            self.sink = None

    @Slot()
    def _check(self) -> None:
        """On the audio thread, after each state change of the sink: say so if it failed."""
        error = self.sink.error().name if self.sink is not None else "NoError"
        if error not in ("NoError", "UnderrunError"):
            self.failed.emit(f"{self.device.description()}: {error}")


class DeviceOutput(Output):
    """The mixer on a sound device: one QAudioSink in pull mode, on its own thread, running from start-up."""

    live = True
    failed = Signal(str)

    def __init__(self, mixer: Mixer, device: Any, parent: QObject | None = None) -> None:
        super().__init__(mixer, parent)
        self.name = str(device.description())
        self._thread = QThread()
        self._thread.setObjectName("ceremony-audio")
        self._worker = _Worker(mixer, device)
        self._worker.moveToThread(self._thread)
        self._worker.failed.connect(self.failed)
        self._thread.started.connect(self._worker.open)

    def start(self) -> None:
        self._thread.start(QThread.Priority.TimeCriticalPriority)

    def stop(self) -> None:
        if self._thread.isRunning():
            QMetaObject.invokeMethod(self._worker, "close", Qt.ConnectionType.BlockingQueuedConnection)
            self._thread.quit()
            self._thread.wait(2000)

    def latency(self) -> float:
        pull = self._worker.pull
        return pull.queued if pull is not None else 0.0


def _no_sound(exc: BaseException) -> Text:
    return _said(QT_TRANSLATE_NOOP("Preflight", "no sound: {reason}"), reason=exc)


def media_devices() -> Any:
    """Qt's QMediaDevices, with Qt Multimedia started on its audio devices alone (no media backend plugin).

    The show plays its sound through QAudioSink and decodes films with PyAV: it needs none of Qt's media
    backends. But the first QMediaDevices call makes Qt load one, and on Linux that is the FFmpeg plugin,
    which brings in Qt Quick, QML, OpenGL and FFmpeg's libraries: 12 MB resident for nothing. Qt chooses its
    backend once, from the plugins it finds in the library paths at that first call, and with none it uses
    its "fallback" integration, which keeps QMediaDevices, QAudioSink and QAudioSource (Qt's audio devices
    live in libQt6Multimedia itself: PulseAudio, PipeWire, ALSA, WASAPI, CoreAudio). So that first call is
    made with the library paths empty for a moment. ``QT_MEDIA_BACKEND`` set by hand is left to Qt."""
    from PySide6.QtMultimedia import QMediaDevices

    app = QCoreApplication.instance()
    chosen = _chosen_for[0]
    if app is not None and (chosen is None or chosen() is not app):  # a new application: a new integration
        _chosen_for[0] = weakref.ref(app)
        if not os.environ.get("QT_MEDIA_BACKEND"):
            _start_without_backend(QMediaDevices)
    return QMediaDevices


_chosen_for: list[weakref.ref[QCoreApplication] | None] = [None]
"""The application Qt Multimedia was started for (Q_APPLICATION_STATIC: its integration goes with the app)."""


def _start_without_backend(devices: Any) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    paths = QCoreApplication.libraryPaths()
    previous = qInstallMessageHandler(_quiet_fallback)
    QCoreApplication.setLibraryPaths([])
    try:
        devices.audioOutputs()  # Qt makes its media integration here, once for the application
    finally:
        QCoreApplication.setLibraryPaths(paths)
        qInstallMessageHandler(previous)


def _quiet_fallback(_mode: object, _context: object, message: str) -> None:
    """Qt's warning that it found no media backend is what was asked for (an operator would read "no sound")."""
    if message.startswith("No QtMultimedia backends found"):
        log.debug("Qt Multimedia: audio devices only (%s)", message)
    else:
        sys.stderr.write(message + "\n")


def device_names() -> list[str]:
    """The sound outputs this machine has, as the checklist lists them (none here without a sound server)."""
    return [str(d.description()) for d in media_devices().audioOutputs()]


def find_device(name: str | None) -> Any:
    """The output with that name (description or id, case-insensitive; a part of it will do), the system's
    default when name is None, else None."""
    devices = media_devices()

    if name is None:
        default = devices.defaultAudioOutput()
        return None if default.isNull() else default
    wanted = name.casefold()
    outputs = devices.audioOutputs()
    for exact in (True, False):
        for device in outputs:
            names = (
                str(device.description()).casefold(),
                bytes(device.id().data()).decode(errors="replace").casefold(),
            )
            if (wanted in names) if exact else any(wanted in n for n in names):
                return device
    return None


class SoundOutput(QObject):
    """The show's output: the chosen device, or silence that says why, following devices as they come and go."""

    changed = Signal()

    def __init__(
        self,
        mixer: Mixer,
        wanted: str | None,
        *,
        mute: bool = False,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.mixer = mixer
        self.wanted = wanted
        self.mute = mute
        self.clock = clock
        self.output: Output = NullOutput(mixer, self)
        self.status = OutputStatus("amber", _said(QT_TRANSLATE_NOOP("Preflight", "sound not started yet")))
        self._devices: Any = None

    def start(self) -> None:
        """Open the output (once the stage has its first frame: QtMultimedia takes a moment to load)."""
        if self.wanted == MEMORY_DEVICE:
            memory = _said(QT_TRANSLATE_NOOP("Preflight", "memory (tests)"))
            self._use(MemoryOutput(self.mixer, self.clock, self), OutputStatus("green", memory))
            return
        if self.mute:
            muted = _said(QT_TRANSLATE_NOOP("Preflight", "muted (--mute): nothing is heard"))
            self._use(NullOutput(self.mixer, self), OutputStatus("amber", muted))
            return
        try:
            self._devices = media_devices()(self)
            self._devices.audioOutputsChanged.connect(self._reopen)
        except Exception as exc:  # no QtMultimedia here: the show runs silently
            log.warning("sound off: %s", exc)
            self._use(NullOutput(self.mixer, self), OutputStatus("amber", _no_sound(exc)))
            return
        self._reopen()

    def _reopen(self) -> None:
        """Choose the device again (at start, and whenever devices come or go)."""
        try:
            names = tuple(device_names())
            device = find_device(self.wanted)
        except Exception as exc:
            log.exception("listing sound devices failed")
            names, device = (), None
            self._use(NullOutput(self.mixer, self), OutputStatus("amber", _no_sound(exc)))
            return
        current = self.output.name if isinstance(self.output, DeviceOutput) else None
        if device is not None and current == str(device.description()):
            self.status = OutputStatus(self.status.level, self.status.said, names)
            self.changed.emit()
            return
        if device is not None:
            output = DeviceOutput(self.mixer, device, self)
            output.failed.connect(self._failed)
            playing = (
                _said(QT_TRANSLATE_NOOP("Preflight", "{device} (the system's default)"), device=device.description())
                if self.wanted is None
                else _said("{device}", device=device.description())
            )
            self._use(output, OutputStatus("green", playing, names))
        elif self.wanted is not None:
            missing = _said(
                QT_TRANSLATE_NOOP("Preflight", "'{device}' is not connected; nothing is heard"), device=self.wanted
            )
            self._use(NullOutput(self.mixer, self), OutputStatus("red", missing, names))
        else:
            nothing = _said(QT_TRANSLATE_NOOP("Preflight", "no sound output on this machine"))
            self._use(NullOutput(self.mixer, self), OutputStatus("amber", nothing, names))

    def _use(self, output: Output, status: OutputStatus) -> None:
        old, self.output = self.output, output
        old.stop()
        if old.parent() is self:
            old.deleteLater()
        output.start()
        self.status = status
        self.changed.emit()

    def _failed(self, message: str) -> None:
        failed = _said(QT_TRANSLATE_NOOP("Preflight", "the sound output failed: {reason}"), reason=message)
        self.status = OutputStatus("red", failed, self.status.devices)
        self.changed.emit()

    def test_tone(self) -> None:
        """One second of 1 kHz at -20 dBFS, past the show's own gain (heard during a blackout too)."""
        self.mixer.fade_out("test-tone", 0.0)
        self.mixer.play("test-tone", tone(1.0), bus="direct")

    def latency(self) -> float:
        return self.output.latency()

    def stop(self) -> None:
        self.output.stop()
