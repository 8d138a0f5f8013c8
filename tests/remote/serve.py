"""Run a remote server on a bare engine over slides.yaml in its own process (for schemathesis and manual tries).

Prints one JSON line ``{"port", "token", "budget", "nofile"}`` once it listens (the socket budget and the soft
file-handle limit after the server raised it), then serves until killed.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from ceremony.remote.adapter import EngineAdapter
from ceremony.remote.api import RemoteServer
from ceremony.script.loader import load_script
from ceremony.show.engine import Engine

SLIDES = Path(__file__).resolve().parents[2] / "slides.yaml"


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    loaded = load_script(SLIDES)
    engine = Engine(None, loaded.script)
    server = RemoteServer(EngineAdapter(engine, loaded.public_digest), port=0, require_token=True)
    port = server.start()
    nofile = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    budget = server._http.budget
    print(json.dumps({"port": port, "token": server.token, "budget": budget, "nofile": nofile}), flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
