"""The shape the code keeps: no function in src/ longer than a screen, so each one can be read whole."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ceremony"
LIMIT = 60


def _long_functions(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > LIMIT:
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {node.name} is {length} lines")
    return found


def test_no_function_in_src_is_longer_than_sixty_lines() -> None:
    assert _long_functions(SRC) == []


def test_the_rule_finds_a_long_function(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(LIMIT))
    (tmp_path / "long.py").write_text(f"def long():\n{body}\n\ndef short():\n    return 1\n", encoding="utf-8")
    assert _long_functions(tmp_path) == [f"{tmp_path.name}/long.py:1: long is {LIMIT + 1} lines"]
