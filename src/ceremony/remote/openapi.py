"""The OpenAPI 3.1 document of the remote API, generated from the command declarations."""

from __future__ import annotations

from typing import Any

from ceremony.remote.snapshot import STATE_VERSION, remote_commands

MAX_ARG = 200
"""Longest accepted command argument (a cue id, a number, a class id)."""


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


def _schemas() -> dict[str, Any]:
    nullable_num = {"type": ["number", "null"]}
    return {
        "Error": {
            "type": "object",
            "properties": {"error": {"type": "string"}},
            "required": ["error"],
        },
        "Cue": _cue_schema(True),
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
        "State": {
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
                "available": {"type": "array", "items": {"type": "string"}},
                "events": {
                    "type": "object",
                    "properties": {"path": {"type": "string"}, "port": {"type": ["integer", "null"]}},
                },
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
            ],
        },
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


def openapi_document(server_url: str | None = None) -> dict[str, Any]:
    """The whole API; the command list, its enum and its help come from the command registry."""
    common = {"401": _error("No or a wrong token."), "403": _error("A request from another web origin.")}
    json_of = {"application/json": {"schema": {"$ref": "#/components/schemas/State"}}}
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
            "/api/commands/{id}": {"post": _command_operation()},
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
        },
    }
    if server_url:
        doc["servers"] = [{"url": server_url}]
    return doc
