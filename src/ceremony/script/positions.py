"""Where each value of a script stood in its file: the line and column every diagnostic points at.

Kept apart from the YAML reader so that a script loaded from the validated cache needs no YAML at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str | int, ...]


@dataclass
class Positions:
    """Where each value (and each mapping key) of the document starts, as 1-based (line, col)."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path) -> tuple[int, int]:
        """The position of the value at path, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def of_key(self, path: Path) -> tuple[int, int]:
        """The position of the key that names path (falls back to its value)."""
        return self.keys.get(path) or self.of_value(path)
