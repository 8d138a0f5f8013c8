"""The remote control server: a JSON API, a WebSocket of state changes, the phone page and the host's confidence
page, on one port.

Everything runs in the app's Qt event loop. Commands go through the show's own
guards (``ShowAdapter.run``), so a button on a Stream Deck can do exactly what
the key does and nothing more. Security: loopback only by default; any other
address needs the per-show token (``Authorization: Bearer`` or ``?token=``,
compared in constant time); requests from other web origins are refused and no
CORS header is ever sent; a state-changing request without an ``Origin`` needs
the token or a JSON content type (a web form can send neither); every refusal
is a JSON ``{"error": ...}``. The transport's limits are in ``server``/``limits``.
"""

from __future__ import annotations

import difflib
import hmac
import ipaddress
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ceremony.remote.adapter import ShowAdapter
from ceremony.remote.bodies import BodyError, parse_command_body, parse_message_body
from ceremony.remote.confidence_page import CONFIDENCE_HTML, CONFIDENCE_PATH
from ceremony.remote.http import Request, Response, error_response, json_response
from ceremony.remote.limits import Limits
from ceremony.remote.openapi import openapi_document
from ceremony.remote.page import PAGE_HTML, page_headers
from ceremony.remote.routes import Route, Routes
from ceremony.remote.server import HttpServer
from ceremony.remote.snapshot import (
    EVENTS_PATH,
    confidence_document,
    find_command,
    outcome_json,
    remote_commands,
    state_json,
)
from ceremony.remote.ws import WebSocketProtocol
from ceremony.show.state import Outcome, ShowState

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


class RemoteError(Exception):
    """The remote cannot start (the port is taken, the address is not this machine's …)."""


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def token_matches(supplied: str | None, token: str) -> bool:
    """Constant-time comparison; an absent token never matches."""
    if not supplied:
        return False
    return hmac.compare_digest(supplied.encode("utf-8", "replace"), token.encode())


def is_json(request: Request) -> bool:
    """``Content-Type: application/json`` (with or without parameters): a type no HTML form can send."""
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower() == "application/json"


def supplied_token(request: Request) -> str | None:
    """The token from ``Authorization: Bearer T``, else from ``?token=T``."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.query.get("token")


def status_for(outcome: Outcome) -> int:
    """200 ran; 409 a guard said no (ignored, held, waiting for confirmation); 422 the show could not use the
    argument (no such cue, no such nominee number)."""
    return {"ok": 200, "error": 422}.get(outcome.kind, 409)


class RemoteServer(QObject):
    """Serves the show over HTTP and WebSocket on ``host:port``; ``start()`` to listen, ``stop()`` to end."""

    clientsChanged = Signal(int)
    """Number of connected WebSocket clients (phones, followers)."""
    commandRun = Signal(str, str)
    """(command id, outcome kind) for every command a remote client ran."""

    def __init__(
        self,
        show: ShowAdapter,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        token: str | None = None,
        require_token: bool | None = None,
        limits: Limits | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.show = show
        self.host = host
        self.requested_port = port
        self.token = token or secrets.token_urlsafe(24)
        """Generated per show unless given; the presenter shows it (as a QR code of ``phone_url``)."""
        self.require_token = not is_loopback(host) or bool(require_token)
        self._http = HttpServer(self, limits, self)
        self.limits = self._http.limits
        self._clients: list[WebSocketProtocol] = []
        self._unsubscribe: Callable[[], None] | None = None
        self._push = QTimer(self)
        self._push.setSingleShot(True)
        self._push.setInterval(0)
        self._push.timeout.connect(self.push_state)
        self._film_beat = QTimer(self)  # while a film plays, its position once a second (followers keep in sync)
        self._film_beat.setInterval(1000)
        self._film_beat.timeout.connect(self._push_film)
        self.routes = Routes(
            [
                Route("GET", "/", self._get_page, auth=False),
                Route("GET", "/index.html", self._get_page, auth=False),
                Route("GET", "/api/openapi.json", self._get_openapi, auth=False),
                Route("GET", "/api/state", self._get_state),
                Route("GET", "/api/commands", self._get_commands),
                Route("POST", "/api/commands/{id}", self._post_command),
                Route("GET", EVENTS_PATH, self._get_events),
                Route("GET", CONFIDENCE_PATH, self._get_confidence_page, auth=False),
                Route("GET", "/api/confidence", self._get_confidence),
                Route("POST", "/api/message", self._post_message),
                Route("DELETE", "/api/message", self._delete_message),
            ]
        )
        """Every page and endpoint; add a ``Route`` here for a new one."""

    # ---------------------------------------------------------------- life

    def start(self) -> int:
        """Listen; returns the port. Raises RemoteError when the address or port cannot be used."""
        if not self._http.listen(self.host, self.requested_port):
            raise RemoteError(
                f"the remote cannot listen on {self.host}:{self.requested_port}: {self._http.error_string()}"
            )
        if self._unsubscribe is None:
            self._unsubscribe = self.show.subscribe(self._on_change)
        self._film_beat.start()
        log.info("remote listening on %s", self.base_url)
        return self.port

    def stop(self) -> None:
        """Stop listening and close every connection (followers see the leader go)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._push.stop()
        self._film_beat.stop()
        for client in list(self._clients):
            client.close(reason="the show's remote stopped")
        self._http.close()
        self._clients.clear()

    @property
    def port(self) -> int:
        return self._http.port

    @property
    def listening(self) -> bool:
        return self._http.listening

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def client_count(self) -> int:
        return len(self._clients)

    # ---------------------------------------------------------------- state pushes

    def state_document(self) -> dict[str, Any]:
        return state_json(self.show, events_port=self.port)

    def _on_change(self, old: ShowState, new: ShowState, outcome: Outcome) -> None:
        if new is not old and self._clients:
            self._push.start()  # coalesce the changes of one event-loop turn into one push

    def _push_film(self) -> None:
        media = self.show.media() if self._clients else None
        if media is not None and media.get("status") == "playing":
            self.push_state()

    def push_state(self) -> None:
        """Send the state to every WebSocket client now."""
        if not self._clients:
            return
        try:
            text = json.dumps(self.state_document(), ensure_ascii=False, separators=(",", ":"))
        except Exception:
            log.exception("remote: building the state failed")
            return
        for client in list(self._clients):
            if client.backlog > self.limits.max_ws_backlog:
                self._http.refusals.note("dropped a WebSocket client at %s that cannot keep up", client.peer)
                client.abort()
                continue
            client.send_text(text)

    # ---------------------------------------------------------------- requests (server.Service)

    def respond(self, request: Request) -> Response:
        """The answer to one request: refusals first (origin, token, method, form posts), then its route."""
        refusal = self._foreign(request)
        if refusal is not None:
            return refusal
        found = self.routes.find(request.path)
        authorised = self._authorised(request)
        if found is None:
            if request.path.startswith("/api/"):
                return self._unauthorised() if not authorised else error_response(404, _no_endpoint(request.path))
            where = request.path[:80]
            return error_response(404, f"nothing at {where}; the API is under /api/ (see /api/openapi.json)")
        by_method, segment = found
        route = by_method.get(request.method)
        needs_token = route.auth if route is not None else any(r.auth for r in by_method.values())
        if needs_token and not authorised:
            return self._unauthorised()
        if route is None:
            return _not_allowed(request, by_method)
        refusal = self._form_post(request)
        if refusal is not None:
            return refusal
        response = route.handler(request, segment)
        return replace(response, proven=True) if route.auth else response

    def _authorised(self, request: Request) -> bool:
        return not self.require_token or token_matches(supplied_token(request), self.token)

    @staticmethod
    def _unauthorised() -> Response:
        """401, and the connection closed with it: a client without the token holds nothing."""
        return error_response(
            401,
            "a valid token is required (Authorization: Bearer <token> or ?token=)",
            close=True,
            headers=(("WWW-Authenticate", 'Bearer realm="ceremony"'),),
        )

    def _foreign(self, request: Request) -> Response | None:
        """Refuse other web origins (a page on the internet poking the show) and, without a token, foreign Hosts."""
        host = request.headers.get("host", "")
        origin = request.headers.get("origin")
        if origin is not None and origin.lower() not in (f"http://{host}".lower(), f"https://{host}".lower()):
            return error_response(403, "requests from other web origins are refused", close=True)
        if not self.require_token and host:
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if not is_loopback(name):
                message = f"this server answers to 127.0.0.1 or localhost, not {name[:80]}"
                return error_response(421, message, close=True)
        return None

    def _form_post(self, request: Request) -> Response | None:
        """A state-changing request without an ``Origin`` must carry the token or a JSON content type.

        Browsers send ``Origin`` with every cross-site POST, but one that does
        not (an old browser, a stripped header) must still not let a web form
        drive a loopback show that needs no token: a form can set neither an
        ``Authorization`` header nor ``Content-Type: application/json``.
        """
        if request.method not in STATE_CHANGING or "origin" in request.headers or is_json(request):
            return None
        if token_matches(supplied_token(request), self.token):
            return None
        return error_response(
            403,
            "a request that changes the show needs the token or Content-Type: application/json",
            close=True,
        )

    # ---------------------------------------------------------------- routes

    def _get_page(self, request: Request, _: str) -> Response:
        headers = page_headers(request.headers.get("host", ""))
        return Response(200, PAGE_HTML.encode(), "text/html; charset=utf-8", headers)

    def _get_openapi(self, request: Request, _: str) -> Response:
        return json_response(200, openapi_document(self.base_url))

    def _get_events(self, request: Request, _: str) -> Response:
        message = "this is a WebSocket: connect with ws://…/api/events"
        return error_response(426, message, headers=(("Upgrade", "websocket"),))

    def _get_state(self, request: Request, _: str) -> Response:
        return json_response(200, self.state_document())

    def _get_commands(self, request: Request, _: str) -> Response:
        return json_response(
            200,
            [
                {
                    "id": c.id,
                    "title": c.title,
                    "help": c.help,
                    "keys": list(c.keys),
                    "takes_arg": c.takes_arg,
                    "safe_during_reveal": c.safe_during_reveal,
                    "available": self.show.available(c.id),
                }
                for c in remote_commands()
            ],
        )

    def _post_command(self, request: Request, command_id: str) -> Response:
        command = find_command(command_id)
        if command is None or not command.is_remote:
            known = [c.id for c in remote_commands()]
            guess = difflib.get_close_matches(command_id, known, n=1)
            hint = f" (did you mean '{guess[0]}'?)" if guess else ""
            what = "is a presenter-window command, not a remote one" if command else "is not a command"
            return error_response(404, f"'{command_id[:60]}' {what}{hint}")
        try:
            arg = parse_command_body(request.body, command)
        except BodyError as exc:
            return error_response(400, str(exc))
        return self._run(command.id, arg)

    def _run(self, command_id: str, arg: str | None) -> Response:
        outcome = self.show.run(command_id, arg)
        self.commandRun.emit(command_id, outcome.kind)
        payload = {**outcome_json(self.show, outcome, command_id), "state": self.state_document()}
        return json_response(status_for(outcome), payload)

    def _get_confidence_page(self, request: Request, _: str) -> Response:
        headers = page_headers(request.headers.get("host", ""))
        return Response(200, CONFIDENCE_HTML.encode(), "text/html; charset=utf-8", headers)

    def _get_confidence(self, request: Request, _: str) -> Response:
        return json_response(200, confidence_document(self.show))

    def _post_message(self, request: Request, _: str) -> Response:
        """A message for the host: ``send_message`` with the body's text (400 for a bad body, 422 for a text
        the show cannot use: empty, or longer than a message may be)."""
        try:
            text = parse_message_body(request.body)
        except BodyError as exc:
            return error_response(400, str(exc))
        return self._run("send_message", text)

    def _delete_message(self, request: Request, _: str) -> Response:
        """Take the host's message down: ``clear_message`` (409 when there is none)."""
        return self._run("clear_message", None)

    # ---------------------------------------------------------------- WebSocket (server.Service)

    def websocket(self, request: Request) -> Response | None:
        refusal = self._foreign(request)
        if refusal is not None:
            return refusal
        if request.path != EVENTS_PATH:
            return error_response(404, f"no WebSocket at {request.path[:80]}; use {EVENTS_PATH}")
        if not self._authorised(request):
            return self._unauthorised()
        return None

    def websocket_opened(self, client: WebSocketProtocol) -> None:
        self._clients.append(client)
        self.clientsChanged.emit(len(self._clients))
        try:
            client.send_text(json.dumps(self.state_document(), ensure_ascii=False, separators=(",", ":")))
        except Exception:
            log.exception("remote: the first state push failed")

    def websocket_closed(self, client: WebSocketProtocol) -> None:
        if client in self._clients:
            self._clients.remove(client)
            self.clientsChanged.emit(len(self._clients))


def _no_endpoint(path: str) -> str:
    return f"no endpoint {path[:80]} (see /api/openapi.json)"


def _not_allowed(request: Request, by_method: dict[str, Route]) -> Response:
    allowed = sorted(by_method)
    if "GET" in allowed:
        allowed.append("HEAD")
    return error_response(
        405, f"use {' or '.join(sorted(by_method))} for {request.path[:80]}", headers=(("Allow", ", ".join(allowed)),)
    )
