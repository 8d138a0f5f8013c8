"""schemathesis against /api/openapi.json of a server in its own process: no request may get a 5xx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("schemathesis")

SERVE = Path(__file__).with_name("serve.py")


@pytest.mark.slow
def test_schemathesis_finds_no_server_errors(tmp_path: Path) -> None:
    # 413 (body over 4 KiB) is a rejection too: a schema-violating, oversized body is refused with it.
    (tmp_path / "schemathesis.toml").write_text(
        "[checks.negative_data_rejection]\n"
        'expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]\n'
    )
    server = subprocess.Popen([sys.executable, str(SERVE)], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        info = json.loads(server.stdout.readline())
        url = f"http://127.0.0.1:{info['port']}/api/openapi.json"
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                "from schemathesis.cli import schemathesis; schemathesis()",
                "--config-file",
                str(tmp_path / "schemathesis.toml"),
                "run",
                url,
                "-H",
                f"Authorization: Bearer {info['token']}",
                "--checks",
                "all",
                # A schema-valid goto with an argument the show does not have is answered 422 by design.
                "--exclude-checks",
                "positive_data_acceptance",
                "--phases",
                "examples,coverage,fuzzing",
                "--max-examples",
                "60",
                "--max-time",
                "35",
                "-w",
                "1",
                "--seed",
                "1",
            ],
            capture_output=True,
            text=True,
            timeout=90,
            cwd=tmp_path,
        )
        print(run.stdout[-3000:])
        assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()
