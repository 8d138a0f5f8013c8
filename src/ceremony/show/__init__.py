"""Running the show: cues, commands, state, timers and persistence (no Qt)."""
