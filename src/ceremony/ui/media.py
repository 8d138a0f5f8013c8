"""The show's films and sound, following the show: the director of the players, the mixer and the output.

It listens to the engine like every other view. When the show moves it applies the media rules
(``media.plan``): films start and stop with their cues, beds start, fade or run on, the reveal's
sounds play. The film of the next cue (and of the previous one) is always being made ready, so "next"
only starts a clock. Pause, restart, the panic, the volume and the blackout are the show state's,
so a key, a button and the remote do the same. A 250 ms watchdog notices a film that ended, failed
or got stuck; a failed film leaves its poster on stage and a red banner in the presenter, and the
show goes on. Nothing here blocks the GUI thread: files are opened and decoded in worker threads.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ceremony.i18n import translate
from ceremony.media import plan
from ceremony.media.mixer import Clip, Mixer, Playlist, Source
from ceremony.media.probe import format_duration, probe_cached
from ceremony.media.wav import read_wav
from ceremony.render.film import MediaImage, poster_of
from ceremony.script.assets import resolve
from ceremony.script.model import Script
from ceremony.show.cues import Cue
from ceremony.show.state import ShowState
from ceremony.ui.audio_out import SoundOutput
from ceremony.ui.media_player import Player

log = logging.getLogger(__name__)

#: Seconds the show's sound takes to fade with a blackout (the picture's own fade).
BLACKOUT_FADE = 0.4
PANIC_FADE = 1.0
WATCHDOG_MS = 250
#: While a film plays the watchdog also keeps its decoder fed when no view paints (a hidden stage).
PLAYING_MS = 40
#: A follower's film further than this from its leader's seeks (seconds) ...
FOLLOW_TOLERANCE = 0.1
#: ... to a point this far ahead of the leader, and starts there when the leader gets there.
SEEK_LEAD = 0.5


@dataclass(frozen=True, slots=True)
class FilmState:
    """A film cue as the presenter shows it."""

    status: str
    message: str
    position: float
    duration: float | None


@dataclass(frozen=True, slots=True)
class BedState:
    """The sound that runs under the slides (a bed), as the presenter shows it."""

    name: str
    level: float
    """Its peak in the last block, 0..1 (after its fades and volume)."""


class MediaDirector(QObject):
    """Plays the show's films and sounds as the engine's state says."""

    changed = Signal()
    """A film's status changed (ready, playing, ended, failed) or a bed started or stopped."""
    failed = Signal(str)
    """A film or sound could not play: the words for the presenter's red banner."""
    endedFilm = Signal(str)
    """The cue id whose film ended (with then: next the show moves on)."""
    postersReady = Signal(list)
    """Indices of film cues whose poster has just been decoded (the presenter redraws their previews)."""

    def __init__(
        self,
        output: SoundOutput,
        script: Callable[[], Script],
        base_dir: Path,
        cues: Callable[[], tuple[Cue, ...]],
        *,
        clock: Callable[[], float] = time.monotonic,
        stage_size: Callable[[], tuple[int, int]] = lambda: (1920, 1080),
        stings: Mapping[str, Path] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.output = output
        self.mixer: Mixer = output.mixer
        self.script, self.base_dir, self.cues, self.clock = script, base_dir, cues, clock
        self.stage_size = stage_size
        self.players: dict[int, Player] = {}
        self.bed: plan.Sound | None = None
        self.played: dict[str, float] = {}
        """Seconds of film played per cue id (the rehearsal report)."""
        self._stings: dict[str, Path] = dict(stings or {})
        self._clips: dict[Path, Future[Clip]] = {}
        self._posters: dict[tuple[str, plan.Film], Future[MediaImage | None]] = {}
        """Each film cue's poster, small, for the presenter's Next preview and the cue list."""
        self._announced: set[tuple[str, plan.Film]] = set()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ceremony-media")
        self.closed = False
        """The show has gone (its presenter closed, or the app quits): nothing more is prepared or played."""
        self._cue: Cue | None = None
        self._paused = False
        self._seeks: dict[int, tuple[Player, float, float]] = {}
        """A follower's catch-up: cue index -> (the player made ready further on, the leader's position then,
        when that was on our clock)."""
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(WATCHDOG_MS)
        self._watchdog.timeout.connect(self.tick)
        self._watchdog.start()

    # ---------------------------------------------------------------- following the show

    @property
    def begun(self) -> bool:
        """The output runs and the director follows the show (a moment after the stage's first frame)."""
        return self._cue is not None

    def begin(self, state: ShowState) -> None:
        """Start what the show's current cue plays (at start-up, once the output runs)."""
        if self.closed:
            return
        self._decode_stings()
        self._make_posters(state.show.cues)
        self._apply(plan.on_move(self.script(), None, state.cue, None), state)
        self._cue = state.cue
        self._prepare_around(state)
        self.mixer.set_master(10 ** (state.volume_db / 20), 0.0)
        if state.blackout != "none":
            self.mixer.set_program(0.0, 0.0)

    def on_change(self, old: ShowState, new: ShowState) -> None:
        """Follow one change of the show's state (never raises into the engine)."""
        if self.closed:
            return
        try:
            self._change(old, new)
        except Exception:  # a sound problem must never stop the show
            log.exception("media: following the show failed")

    def _change(self, old: ShowState, new: ShowState) -> None:
        if self._cue is None:
            return  # not begun yet: begin() will look at the state then
        if new.show is not old.show:
            self._reloaded(new)
        if new.cue.id != self._cue.id or new.cue_index != self._cue.index:
            moved = plan.on_move(self.script(), self._cue, new.cue, self.bed)
            self._cue = new.cue
            self._apply(moved, new)
            self._prepare_around(new)
        if new.media_restarts != old.media_restarts:
            self._restart(new)
        if new.media_paused != old.media_paused or new.media_paused != self._paused:
            self._pause(new.media_paused)
        if new.panic_at != old.panic_at:
            self.mixer.panic(PANIC_FADE)
            self.bed = None
        if new.volume_db != old.volume_db:
            self.mixer.set_master(10 ** (new.volume_db / 20))
        if (new.blackout == "none") != (old.blackout == "none"):
            self.mixer.set_program(1.0 if new.blackout == "none" else 0.0, BLACKOUT_FADE)
        self.changed.emit()

    def _apply(self, actions: list[plan.Action], state: ShowState) -> None:
        for action in actions:
            if isinstance(action, plan.FadeOut):
                self.mixer.fade_out(action.voice, action.seconds)
                if self.bed is not None and action.voice == self.bed.name:
                    self.bed = None
            elif isinstance(action, plan.StartSound):
                self._start_bed(action.sound)
            elif isinstance(action, plan.StopFilm):
                self._stop_film(action.cue_index)
            elif isinstance(action, plan.StartFilm):
                self._start_film(state.show.cues[action.cue_index], action.film)
            elif isinstance(action, plan.PlaySting):
                self._play_sting(action.step, state.cue)

    # ---------------------------------------------------------------- films

    def _player(self, cue: Cue, film: plan.Film) -> Player:
        player = self.players.get(cue.index)
        if player is not None and (player.cue_id != cue.id or player.film != film or player.status == "failed"):
            player.stop(self.mixer)
            player = None
        if player is None:
            poster = resolve(self.base_dir, film.poster) if film.poster else None
            player = Player(
                cue.index,
                cue.id,
                film,
                resolve(self.base_dir, film.file),
                poster,
                stage=self.stage_size(),
                pool=self._pool,
                offline=self.output.output.offline,
                now=self.clock,
            )
            self.players[cue.index] = player
        return player

    def _prepare_around(self, state: ShowState) -> None:
        """Have the next cue's film (and the previous one's) ready; let go of the others."""
        script, cues = self.script(), state.show.cues
        keep = {state.cue_index, *plan.to_prepare(cues, state.cue_index, script)}
        for index in keep - {state.cue_index}:
            film = plan.film_of(script, cues[index])
            if film is not None:
                self._player(cues[index], film)
        for index in [i for i in self.players if i not in keep]:
            self._stop_film(index)
        for cue in (cues[i] for i in keep):
            for name in plan.sound_files(script, cue):
                self._clip(resolve(self.base_dir, name))

    def _start_film(self, cue: Cue, film: plan.Film) -> None:
        player = self._player(cue, film)
        player.start(self.mixer, self._latency())
        player.poll(self.mixer, self._latency())
        if player.status == "failed":
            self.failed.emit(self._failure_text(player))

    def _stop_film(self, index: int) -> None:
        player = self.players.pop(index, None)
        if player is not None:
            player.stop(self.mixer)
            if player.played:
                self.played[player.cue_id] = self.played.get(player.cue_id, 0.0) + player.played

    def _restart(self, state: ShowState) -> None:
        film = plan.film_of(self.script(), state.cue)
        if film is None:
            return
        self._stop_film(state.cue_index)
        self._start_film(state.cue, film)

    def _pause(self, paused: bool) -> None:
        self._paused = paused
        for player in self.players.values():
            player.pause(self.mixer, paused)
        for voice in list(self.mixer.voices):
            if voice.bus == "program" and not voice.name.startswith("video:"):
                self.mixer.set_paused(voice, paused)

    def _latency(self) -> Callable[[], float] | None:
        """The output's latency for a film's clock; None when the output does not play in real time."""
        return self.output.latency if self.output.output.live else None

    def _make_posters(self, cues: tuple[Cue, ...]) -> None:
        script = self.script()
        for cue in cues:
            film = plan.film_of(script, cue)
            if film is not None and (cue.id, film) not in self._posters:
                self._posters[(cue.id, film)] = self._pool.submit(poster_of, self.base_dir, film, cue.index, 960)

    def _announce_posters(self) -> None:
        done = [key for key, future in self._posters.items() if future.done() and key not in self._announced]
        if done:
            self._announced.update(done)
            ids = {cue_id for cue_id, _ in done}
            self.postersReady.emit([c.index for c in self.cues() if c.id in ids])

    def poster(self, cue_index: int) -> MediaImage | None:
        """A film cue's poster for the presenter's previews (its prepared one, else a small one made ahead)."""
        player = self.players.get(cue_index)
        shown = player.poster() if player is not None else None
        if shown is not None:
            return shown
        cues = self.cues()
        film = plan.film_of(self.script(), cues[cue_index]) if 0 <= cue_index < len(cues) else None
        future = self._posters.get((cues[cue_index].id, film)) if film is not None else None
        if future is None or not future.done() or future.exception() is not None:
            return None
        return future.result()

    def _reloaded(self, state: ShowState) -> None:
        """A re-read script: films of cues that changed are prepared again by the next move or tick."""
        self._make_posters(state.show.cues)
        for index, player in list(self.players.items()):
            cues = state.show.cues
            if index >= len(cues) or cues[index].id != player.cue_id:
                self._stop_film(index)

    # ---------------------------------------------------------------- sounds

    def _start_bed(self, sound: plan.Sound) -> None:
        single = len(sound.files) == 1
        try:
            sources = [self._source(resolve(self.base_dir, name), sound.loop and single) for name in sound.files]
        except Exception as exc:  # a sound that will not play: say so, the show goes on
            self.failed.emit(translate("Media", "The sound cannot be played: {reason}").format(reason=exc))
            return
        source = sources[0] if single else Playlist(sources, loop=sound.loop)
        self.mixer.play(sound.name, source, volume=sound.volume, fade_in=sound.fade_in, tags=frozenset({"bed"}))
        self.bed = sound

    def _source(self, path: Path, loop: bool) -> Source:
        """A sound decoded ahead (a Clip that shares its samples) or streamed (long files)."""
        future = self._clips.get(path)
        if future is not None and future.done() and future.exception() is None:
            return Clip(future.result().pcm, loop=loop)
        pcm = read_wav(path) if path.suffix.lower() == ".wav" else None
        if pcm is not None:
            return Clip(pcm, loop=loop)
        from ceremony.media.decode import open_audio  # PyAV: only for a sound that is not a plain WAV

        info = probe_cached(path)
        if not info.ok:
            raise ValueError(f"'{path.name}': {info.error}")
        return open_audio(path, loop=loop, duration=info.duration, blocking=self.output.output.offline)

    def _clip(self, path: Path) -> None:
        """Decode a short sound ahead in a worker (stings, the next slide's bed)."""
        if path in self._clips or not path.is_file():
            return
        self._clips[path] = self._pool.submit(_decode_clip, path)

    def _sting_path(self, step: str, cue: Cue) -> Path | None:
        own = plan.sting_files(self.script(), cue).get(step)
        return resolve(self.base_dir, own) if own else self._stings.get(step)

    def _play_sting(self, step: str, cue: Cue) -> None:
        path = self._sting_path(step, cue)
        if path is None:
            return
        try:
            self.mixer.play(f"sting:{step}", self._source(path, False))
        except Exception as exc:
            self.failed.emit(translate("Media", "The sound cannot be played: {reason}").format(reason=exc))

    def sting_ready(self, step: str) -> bool:
        """The built-in sound of a reveal's step is decoded and waiting."""
        path = self._stings.get(step)
        future = self._clips.get(path) if path is not None else None
        return future is not None and future.done() and future.exception() is None

    def _decode_stings(self) -> None:
        for path in self._stings.values():
            self._clip(path)

    # ---------------------------------------------------------------- following a leader

    def follow(self, leader: Mapping[str, object]) -> None:
        """A follower's film keeps in step with the leader's: more than 0.1 s apart, a player is made ready half
        a second further on and takes over when the leader's film gets there (see ``_take_over``)."""
        cue = self._cue
        player = self.players.get(cue.index) if cue is not None else None
        position = leader.get("position")
        if cue is None or player is None or leader.get("cue_id") != player.cue_id:
            return
        if not isinstance(position, int | float) or player.status != "playing" or leader.get("status") != "playing":
            return
        if cue.index in self._seeks:
            return
        if abs(player.position() - position) <= FOLLOW_TOLERANCE:
            return
        poster = resolve(self.base_dir, player.film.poster) if player.film.poster else None
        ahead = Player(
            player.cue_index, player.cue_id, player.film, player.path, poster,
            stage=self.stage_size(), pool=self._pool, offline=self.output.output.offline, now=self.clock,
            offset=position + SEEK_LEAD,
        )  # fmt: skip
        self._seeks[cue.index] = (ahead, float(position), self.clock())

    def _take_over(self) -> None:
        for index, (ahead, position, at) in list(self._seeks.items()):
            current = self.players.get(index)
            ahead.poll(self.mixer, None)
            if current is None or current.cue_id != ahead.cue_id or ahead.status == "failed":
                self._seeks.pop(index)
                ahead.stop(self.mixer)
            elif ahead.status == "ready" and position + (self.clock() - at) >= ahead.offset:
                self._seeks.pop(index)
                current.stop(self.mixer, 0.05)
                self.players[index] = ahead
                ahead.start(self.mixer, self._latency())

    # ---------------------------------------------------------------- the watchdog

    def tick(self) -> None:
        """Take up films made ready, and notice those that ended, failed or got stuck."""
        self._take_over()
        self._announce_posters()
        latency = self._latency()
        for player in list(self.players.values()):
            before = player.status
            player.poll(self.mixer, latency)
            verdict = player.check(self.mixer)
            if player.status == "failed" and before != "failed":
                self.failed.emit(self._failure_text(player))
            if verdict == "ended":
                self.endedFilm.emit(player.cue_id)
            if player.status != before:
                self.changed.emit()
        playing = any(p.status == "playing" for p in self.players.values()) or bool(self._seeks)
        self._watchdog.setInterval(PLAYING_MS if playing else WATCHDOG_MS)

    def _failure_text(self, player: Player) -> str:
        text = translate("Media", "The film on cue {number} cannot be played: {reason}")
        return text.format(number=player.cue_index + 1, reason=player.message)

    # ---------------------------------------------------------------- what the views ask

    def picture(self, cue_index: int) -> MediaImage | None:
        """The film's picture for cue now (its poster until it plays); None for a cue without one."""
        player = self.players.get(cue_index)
        if player is None:
            return None
        image = player.picture()
        if player.over():
            QTimer.singleShot(0, self.tick)  # the watchdog says so (and moves the show on) right after this paint
        return image

    def next_due(self, cue_index: int) -> float | None:
        player = self.players.get(cue_index)
        return None if player is None else player.next_due()

    def film_state(self, cue_index: int) -> FilmState | None:
        player = self.players.get(cue_index)
        if player is None:
            return None
        return FilmState(player.status, player.message, player.position(), player.duration)

    def ended(self, cue_index: int) -> bool:
        player = self.players.get(cue_index)
        return player is not None and player.status == "ended"

    def bed_state(self) -> BedState | None:
        if self.bed is None:
            return None
        level = self.mixer.levels().get(self.bed.name)
        if level is None:
            return None
        return BedState(", ".join(Path(f).name for f in self.bed.files), level)

    def report_notes(self, cues: tuple[Cue, ...]) -> dict[str, str]:
        """Each media cue's film or sound for the rehearsal report: the film's length and how long it played."""
        notes = {}
        for cue in cues:
            first = cue.index == 0 or cues[cue.index - 1].slide_index != cue.slide_index
            parts = [self._film_note(cue), self._sound_note(cue) if first else ""]
            if any(parts):
                notes[cue.id] = "; ".join(p for p in parts if p)
        return notes

    def _film_note(self, cue: Cue) -> str:
        film = plan.film_of(self.script(), cue)
        if film is None:
            return ""
        info = probe_cached(resolve(self.base_dir, film.file))
        end = film.end if film.end is not None else info.duration
        length = f" {format_duration(end - film.start)}" if end is not None and not film.loop else ""
        played = self.played.get(cue.id)
        return f"film {Path(film.file).name}{length}" + (f", played {format_duration(played)}" if played else "")

    def _sound_note(self, cue: Cue) -> str:
        sound = plan.sound_of(self.script(), cue.slide_index)
        if not isinstance(sound, plan.Sound):
            return "sound stops" if sound == "stop" else ""
        return "sound " + ", ".join(Path(f).name for f in sound.files) + (" (loop)" if sound.loop else "")

    def close(self) -> None:
        self.closed = True
        self._watchdog.stop()
        for index in list(self.players):
            self._stop_film(index)
        self._pool.shutdown(wait=False, cancel_futures=True)


def _decode_clip(path: Path) -> Clip:
    """A short sound decoded whole (in a worker): a plain WAV without FFmpeg, anything else with PyAV; raises for a
    file that is not short or will not decode (the sound is then decoded when it plays, and fails there)."""
    pcm = read_wav(path) if path.suffix.lower() == ".wav" else None
    if pcm is not None:
        return Clip(pcm)
    from ceremony.media.decode import WHOLE_BELOW_SECONDS, decode_all

    info = probe_cached(path)
    if not info.ok or (info.duration or 0) > WHOLE_BELOW_SECONDS:
        raise ValueError(f"'{path.name}' is not a short sound")
    return Clip(decode_all(path, limit=WHOLE_BELOW_SECONDS + 1))
