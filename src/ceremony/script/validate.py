"""pydantic's side of the model: validating plain data into it.

Only a full load, ``ceremony check`` and the schema need this; a cached restart never imports it.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import TypeAdapter

from ceremony.script.model import Script


@functools.cache
def adapter() -> TypeAdapter[Script]:
    """The validator for a whole script, built once per process (building it costs tens of ms)."""
    return TypeAdapter(Script)


def validate_script(data: Any) -> Script:
    """A Script from plain data (as parsed from YAML); raises pydantic's ValidationError."""
    return adapter().validate_python(data)
