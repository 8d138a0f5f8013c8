"""The OpenAPI 3.1 document of the remote API, generated from the command declarations."""

from __future__ import annotations

from typing import Any

from ceremony.remote.bodies import MAX_ARG
from ceremony.remote.snapshot import STATE_VERSION, remote_commands
from ceremony.show.actions import MESSAGE_MAX


def _error(description: str) -> dict[str, Any]:
    schema = {"$ref": "#/components/schemas/Error"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _cue_schema(notes: bool) -> dict[str, Any]:
    props: dict[str, Any] = {
        "id": {"type": "string"},
        "index": {"type": "integer", "minimum": 0},
        "number": {"type": "integer", "minimum": 1},
        "slide_id": {"type": "string"},
        "kind": {"type": "string"},
        "step": {"type": ["string", "null"]},
        "title": {"type": "string"},
        "label": {"type": "string"},
        "class_id": {"type": ["string", "null"]},
        "duration": {"type": ["number", "null"]},
    }
    if notes:
        props["notes"] = {
            "type": "string",
            "description": "Presenter notes (hidden while they name a nominee of an unrevealed class).",
        }
    return {"type": "object", "properties": props, "required": list(props)}


def _confidence_schema() -> dict[str, Any]:
    """``show.confidence.ConfidenceView`` as JSON, with the show machine's wall clock."""
    num, nullable_num = {"type": "number"}, {"type": ["number", "null"]}
    nullable_str = {"type": ["string", "null"]}
    props: dict[str, Any] = {
        "stage_label": {"type": "string", "description": "The cue on stage (the frozen one while frozen)."},
        "stage_state": {
            "enum": ["SVART", "HVIT", "FRYST", None],
            "description": "When the hall does not see the live cue.",
        },
        "number": {"type": "integer", "minimum": 1},
        "count": {"type": "integer", "minimum": 1},
        "next_title": {**nullable_str, "description": "null at the last cue."},
        "next_names": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The names the host says next; a winner only once that class is revealed.",
        },
        "say": nullable_str,
        "host_notes": {"type": "string"},
        "page": {
            "oneOf": [{"type": "null"}, {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}],
            "description": "[page, pages] of paged host text.",
        },
        "started": {"type": "boolean"},
        "on_cue": {**num, "description": "Seconds on this slide."},
        "planned": nullable_num,
        "cue_status": {"enum": ["ok", "amber", "red"]},
        "show_left": {
            **nullable_num,
            "description": "Seconds to the planned end (the whole plan before the start); negative once past it.",
        },
        "behind": {**nullable_num, "description": "Seconds the show runs late (negative: early)."},
        "message": nullable_str,
        "message_age": nullable_num,
        "countdown": {**nullable_num, "description": "Seconds left of a countdown message."},
        "rehearsal": {"type": "boolean"},
        "clock": {
            "type": "object",
            "description": "The show machine's wall clock when this was built.",
            "properties": {
                "time": {"type": "string", "description": "HH:MM:SS"},
                "epoch": {"type": "number", "description": "Unix time, seconds."},
                "utc_offset": {"type": "integer", "description": "Seconds east of UTC."},
            },
            "required": ["time", "epoch", "utc_offset"],
        },
    }
    return {
        "type": "object",
        "description": "The host's confidence view. Never names a winner before that class's reveal.",
        "properties": props,
        "required": list(props),
    }


def _reveal_properties() -> dict[str, Any]:
    """The revealed winners (only those on stage) and an envelope check the presenter is waiting on."""
    return {
        "revealed": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "class_id": {"type": "string"},
                    "class_name": {"type": "string"},
                    "winner": {
                        "type": "object",
                        "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
                    },
                },
            },
        },
        "pending": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "properties": {
                        "kind": {"enum": ["confirm", "mismatch"]},
                        "message": {"type": "string"},
                        "command": {"type": "string"},
                        "class_id": {"type": ["string", "null"]},
                    },
                },
            ]
        },
    }


def _media_schema() -> dict[str, Any]:
    return {
        "description": "The current cue's film (null when it has none): followers play their copy in step.",
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "properties": {
                    "cue_id": {"type": "string"},
                    "status": {"enum": ["preparing", "ready", "playing", "ended", "failed"]},
                    "position": {"type": "number", "description": "Seconds into the film."},
                    "duration": {"type": ["number", "null"], "description": "Null while looping."},
                    "paused": {"type": "boolean"},
                },
            },
        ],
    }


def _state_schema() -> dict[str, Any]:
    """What ``/api/state`` answers and every WebSocket push carries."""
    return {
        "type": "object",
        "description": "Where the show is. Never names the winner of a class that is not revealed.",
        "properties": {
            "version": {"const": STATE_VERSION},
            "ceremony_version": {"type": "string", "description": "The version of ceremony that serves."},
            "title": {"type": "string"},
            "digest": {
                "type": "string",
                "description": "sha256 of the script file with its winners blanked; followers compare it.",
            },
            "cue": {"$ref": "#/components/schemas/Cue"},
            "next": {"oneOf": [{"$ref": "#/components/schemas/NextCue"}, {"type": "null"}]},
            "cue_count": {"type": "integer"},
            "stage_cue_id": {"type": "string", "description": "The cue the stage shows (the frozen one)."},
            "blackout": {"enum": ["none", "black", "white"]},
            "frozen": {"type": "boolean"},
            "rehearsal": {"type": "boolean"},
            "started": {"type": "boolean"},
            "armed": {"type": "boolean", "description": "At a suspense step whose reveal has not fired."},
            "timers": {"$ref": "#/components/schemas/Timers"},
            **_reveal_properties(),
            "available": {"type": "array", "items": {"type": "string"}},
            "media": _media_schema(),
            "events": {
                "type": "object",
                "properties": {"path": {"type": "string"}, "port": {"type": ["integer", "null"]}},
            },
            "message": {"oneOf": [{"$ref": "#/components/schemas/HostMessage"}, {"type": "null"}]},
            "message_presets": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The script's preset messages (settings.messages).",
            },
            "confidence": {"$ref": "#/components/schemas/Confidence"},
        },
        "required": [
            "version",
            "ceremony_version",
            "title",
            "digest",
            "cue",
            "next",
            "blackout",
            "frozen",
            "rehearsal",
            "timers",
            "revealed",
            "pending",
            "available",
            "message",
            "confidence",
        ],
    }


def _command_schemas() -> dict[str, Any]:
    """A command as listed, the body that runs one, and what running it answers."""
    return {
        "Command": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "title": {"type": "string"},
                "help": {"type": "string"},
                "keys": {"type": "array", "items": {"type": "string"}},
                "takes_arg": {"type": "boolean"},
                "safe_during_reveal": {"type": "boolean"},
                "available": {"type": "boolean"},
            },
            "required": ["id", "title", "help", "keys", "takes_arg", "available"],
        },
        "CommandBody": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "arg": {
                    "description": "The argument of goto (cue number, cue id or slide id), pick_winner (nominee "
                    "number) or reset_reveal (class id).",
                    "oneOf": [{"type": "string", "maxLength": MAX_ARG}, {"type": "integer"}, {"type": "null"}],
                }
            },
        },
        "Outcome": {
            "type": "object",
            "properties": {
                "command": {"type": "string"},
                "kind": {"enum": ["ok", "ignored", "held", "needs_confirmation", "error"]},
                "ok": {"type": "boolean"},
                "message": {"type": "string"},
                "state": {"$ref": "#/components/schemas/State"},
            },
            "required": ["command", "kind", "ok", "message", "state"],
        },
    }


def _schemas() -> dict[str, Any]:
    nullable_num = {"type": ["number", "null"]}
    return {
        "Error": {
            "type": "object",
            "properties": {"error": {"type": "string"}},
            "required": ["error"],
        },
        "Cue": _cue_schema(True),
        "Confidence": _confidence_schema(),
        "HostMessage": {
            "type": "object",
            "description": "The message on the host's confidence monitor (never on the stage).",
            "properties": {
                "text": {"type": "string"},
                "countdown": {**nullable_num, "description": "Seconds left, for a message that is a duration."},
                "sent_at_age": {"type": "number", "description": "Seconds since it was sent."},
            },
            "required": ["text", "countdown", "sent_at_age"],
        },
        "MessageBody": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "text": {
                    "type": "string",
                    "description": f"At most {MESSAGE_MAX} characters, no control characters; a duration alone "
                    "('30 s') counts down.",
                }
            },
            "required": ["text"],
        },
        "NextCue": _cue_schema(False),
        "Timers": {
            "type": "object",
            "properties": {
                "started": {"type": "boolean"},
                "elapsed": {"type": "number"},
                "on_cue": {"type": "number"},
                "on_slide": {"type": "number"},
                "planned": nullable_num,
                "remaining": nullable_num,
                "status": {"enum": ["ok", "amber", "red"]},
                "planned_total": {"type": "number"},
                "behind": nullable_num,
            },
        },
        "State": _state_schema(),
        **_command_schemas(),
    }


def _command_operation() -> dict[str, Any]:
    commands = remote_commands()
    lines = "\n".join(f"- `{c.id}`{' (argument)' if c.takes_arg else ''}: {c.help}" for c in commands)
    outcome = {"application/json": {"schema": {"$ref": "#/components/schemas/Outcome"}}}
    return {
        "operationId": "runCommand",
        "summary": "Run a command, with the same guards as its key",
        "description": "A reveal is arm-then-fire as on the keyboard: `next` at the suspense step fires once the "
        "suspense has run.\n\n" + lines,
        "parameters": [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "enum": [c.id for c in commands]},
            },
        ],
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CommandBody"}}},
        },
        "responses": {
            "200": {"description": "The command ran.", "content": outcome},
            "400": _error(
                "A bad body: not JSON, not an object, an unknown field, or an argument the command does not take."
            ),
            "401": _error("No or a wrong token."),
            "403": _error("A request from another web origin."),
            "404": _error("No such remote command."),
            "405": _error("Use POST."),
            "409": {
                "description": "Ignored, held or waiting for confirmation (a guard refused it).",
                "content": outcome,
            },
            "413": _error("The body is larger than 4 KiB."),
            "422": {
                "description": "The show could not use the argument (no such cue, no such nominee number).",
                "content": outcome,
            },
        },
    }


def _message_paths() -> dict[str, Any]:
    """The host's message and confidence view: ``/api/message``, ``/api/confidence``, the ``/confidence`` page."""
    outcome = {"application/json": {"schema": {"$ref": "#/components/schemas/Outcome"}}}
    common = {"401": _error("No or a wrong token."), "403": _error("A request from another web origin.")}
    confidence = {"application/json": {"schema": {"$ref": "#/components/schemas/Confidence"}}}
    return {
        "/api/message": {
            "post": {
                "operationId": "sendMessage",
                "summary": "Put a message on the host's confidence monitor (never on the stage)",
                "description": "The `send_message` command with the body's text. A text that is only a duration "
                "('30 s') counts down on the monitor. It is pushed to every WebSocket client in `message`.",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MessageBody"}}},
                },
                "responses": {
                    "200": {"description": "The message is on the monitor.", "content": outcome},
                    "400": _error("Not a JSON object with a string 'text', or the text holds control characters."),
                    **common,
                    "413": _error("The body is larger than 4 KiB."),
                    "422": {
                        "description": f"An empty message, or one longer than {MESSAGE_MAX} characters.",
                        "content": outcome,
                    },
                },
            },
            "delete": {
                "operationId": "clearMessage",
                "summary": "Take the host's message down",
                "responses": {
                    "200": {"description": "Cleared.", "content": outcome},
                    **common,
                    "409": {"description": "There was no message.", "content": outcome},
                },
            },
        },
        "/api/confidence": {
            "get": {
                "operationId": "getConfidence",
                "summary": "The host's confidence view (what the confidence monitor shows), with the wall clock",
                "responses": {"200": {"description": "The view.", "content": confidence}, **common},
            }
        },
        "/confidence": {
            "get": {
                "operationId": "confidencePage",
                "summary": "The confidence monitor for a tablet's browser (open it with ?token=...)",
                "security": [{}],
                "responses": {
                    "200": {"description": "HTML.", "content": {"text/html": {"schema": {"type": "string"}}}}
                },
            }
        },
    }


def _read_paths() -> dict[str, Any]:
    """The show's state and its command list."""
    common = {"401": _error("No or a wrong token."), "403": _error("A request from another web origin.")}
    json_of = {"application/json": {"schema": {"$ref": "#/components/schemas/State"}}}
    return {
        "/api/state": {
            "get": {
                "operationId": "getState",
                "summary": "The show state",
                "responses": {"200": {"description": "The state.", "content": json_of}, **common},
            }
        },
        "/api/commands": {
            "get": {
                "operationId": "listCommands",
                "summary": "Every remote command and whether it applies now",
                "responses": {
                    "200": {
                        "description": "The commands.",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Command"}}
                            }
                        },
                    },
                    **common,
                },
            }
        },
    }


def _page_paths() -> dict[str, Any]:
    """This document and the phone page: open to anyone (the page asks for the token)."""
    return {
        "/api/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This document",
                "security": [{}],
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
        "/": {
            "get": {
                "operationId": "phoneRemote",
                "summary": "The phone remote page (open it with ?token=...)",
                "security": [{}],
                "responses": {
                    "200": {"description": "HTML.", "content": {"text/html": {"schema": {"type": "string"}}}}
                },
            }
        },
    }


def openapi_document(server_url: str | None = None) -> dict[str, Any]:
    """The whole API; the command list, its enum and its help come from the command registry."""
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "ceremony remote control",
            "version": "1",
            "description": "Drive a running award show: state, commands, a WebSocket of state changes "
            "(`/api/events`, same port) and OSC. See docs/remote.md.",
        },
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "query": {"type": "apiKey", "in": "query", "name": "token"},
            },
        },
        "security": [{"bearer": []}, {"query": []}, {}],
        "paths": {
            **_read_paths(),
            "/api/commands/{id}": {"post": _command_operation()},
            **_message_paths(),
            **_page_paths(),
        },
    }
    if server_url:
        doc["servers"] = [{"url": server_url}]
    return doc
