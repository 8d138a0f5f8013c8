"""The Qt windows: the stage, the presenter, the host's monitor, and what wires them to the show."""
