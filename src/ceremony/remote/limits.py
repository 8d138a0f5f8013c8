"""What one client may hold of the remote server, the file-handle budget, and a log that a flood cannot fill.

The limits are parameters (``Limits``) so tests can shorten the deadlines; the
defaults are for a show on a hostile venue network. No Qt here.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("ceremony.remote")


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what the remote's clients may send and hold; beyond them a client gets a 4xx/503 or is cut off."""

    max_head: int = 8192
    """Request line and headers, in bytes (431 beyond)."""
    max_body: int = 4096
    """A request body, in bytes (413 beyond)."""
    max_connections: int = 128
    """HTTP connections in all; when full, idle and unauthenticated ones are evicted first."""
    max_per_client: int = 32
    """HTTP connections from one address; a client over it loses its own idle/unauthenticated ones first."""
    max_websockets: int = 64
    """WebSocket clients in all (phones, followers, confidence monitors): 503 beyond."""
    max_websockets_per_client: int = 16
    """WebSocket clients from one address: 503 beyond."""
    max_ws_message: int = 64 * 1024
    """One incoming WebSocket message, in bytes; beyond it the client is closed with 1009."""
    max_ws_backlog: int = 1 << 20
    """Unsent bytes to a WebSocket client before it counts as too slow to follow the show and is dropped."""
    read_buffer: int = 64 * 1024
    """What is read ahead from one socket; the rest waits in the kernel (TCP backpressure)."""
    send_buffer: int = 64 * 1024
    """The kernel's send buffer per socket: a client that does not read shows as a backlog soon, not after
    megabytes held in the kernel."""
    request_timeout_ms: int = 10_000
    """A request (head and body) must arrive within this of its first byte or of the connection (slowloris)."""
    idle_timeout_ms: int = 15_000
    """A keep-alive connection with nothing to say is closed after this."""
    write_timeout_ms: int = 5_000
    """A reply the client does not take within this (it never reads) ends its connection."""
    close_timeout_ms: int = 3_000
    """A connection that does not finish closing within this is aborted."""
    ws_ping_interval_ms: int = 10_000
    """How often a quiet WebSocket client is pinged."""
    ws_idle_timeout_ms: int = 30_000
    """A WebSocket client that sends nothing (not even a pong) for this long is gone."""
    fd_reserve: int = 64
    """File handles always left for the rest of the app (media, images, the state file)."""
    refusal_logs_per_minute: int = 10
    """Refusals written to the log per minute; the rest are counted in one line."""


def open_file_count() -> int:
    """File handles this process has open now (Linux /proc, else /dev/fd; a guess where neither exists)."""
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            return len(os.listdir(folder))
        except OSError:
            continue
    return 64


def socket_budget(limits: Limits) -> int:
    """How many client sockets the server may hold at once without running the process out of file handles.

    The soft RLIMIT_NOFILE is raised to what the limits need where the hard
    limit allows; the budget then leaves ``fd_reserve`` handles (and those open
    now) for the rest of the app, so connections are refused well before
    ``accept`` or a file open could fail.
    """
    wanted = limits.max_connections + limits.max_websockets + 16  # 16: refusals still closing
    open_now = open_file_count()
    soft = _raise_soft_limit(open_now + wanted + limits.fd_reserve)
    if soft is None:
        return wanted
    return max(4, min(wanted, soft - open_now - limits.fd_reserve))


def _raise_soft_limit(needed: int) -> int | None:
    """The soft file-handle limit after raising it toward ``needed`` (None: no limit known on this system)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return None
    target = needed if hard == resource.RLIM_INFINITY else min(hard, needed)
    if soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as exc:  # pragma: no cover - a sandbox may forbid it
            log.warning("remote: cannot raise the file-handle limit from %d to %d: %s", soft, target, exc)
    return int(soft)


class RefusalLog:
    """Logs refusals (401s, evictions, timeouts) at most ``per_minute`` times a minute, then counts the rest.

    A flood of bad requests must not fill the disk or bury the lines the crew
    needs; the count of what was left out is written when the minute is over.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._window = clock()
        self._written = 0
        self.suppressed = 0

    def note(self, message: str, *args: object) -> None:
        now = self.clock()
        if now - self._window >= 60:
            if self.suppressed:
                log.warning("remote: %d more refusals in the last minute were not logged", self.suppressed)
            self._window, self._written, self.suppressed = now, 0, 0
        if self._written < self.per_minute:
            self._written += 1
            log.info("remote: " + message, *args)
        else:
            self.suppressed += 1
