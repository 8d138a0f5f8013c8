"""The remote's routing table: a path (with at most one ``{id}`` segment at its end) and a method to a handler.

A new page or endpoint is one ``Route`` in ``RemoteServer.routes`` (the
confidence monitor's ``/confidence`` and ``POST/DELETE /api/message`` are);
a known path with another method gets 405 with ``Allow``, an unknown one 404.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ceremony.remote.http import Request, Response

Handler = Callable[[Request, str], Response]
"""Called with the request and the ``{id}`` segment of the path ("" for a path without one)."""


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    path: str
    """``/api/state``, or ``/api/commands/{id}`` for any one path segment after the prefix."""
    handler: Handler
    auth: bool = True
    """The token is needed (on loopback without ``require_token``, every caller has it)."""


class Routes:
    """Routes by path, then by method."""

    def __init__(self, routes: Iterable[Route] = ()) -> None:
        self._exact: dict[str, dict[str, Route]] = {}
        self._prefixed: dict[str, dict[str, Route]] = {}
        for route in routes:
            self.add(route)

    def add(self, route: Route) -> None:
        if route.path.endswith("/{id}"):
            table, key = self._prefixed, route.path[: -len("{id}")]
        else:
            table, key = self._exact, route.path
        methods = table.setdefault(key, {})
        if route.method in methods:
            raise ValueError(f"two routes for {route.method} {route.path}")
        methods[route.method] = route

    def find(self, path: str) -> tuple[dict[str, Route], str] | None:
        """The routes of ``path`` by method, and its ``{id}`` segment; None when no route has this path."""
        exact = self._exact.get(path)
        if exact is not None:
            return exact, ""
        prefix, _, segment = path.rpartition("/")
        prefixed = self._prefixed.get(prefix + "/")
        if prefixed is not None:
            return prefixed, segment
        return None

    def paths(self) -> list[str]:
        return [*self._exact, *(prefix + "{id}" for prefix in self._prefixed)]
