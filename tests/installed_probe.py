"""Run by tests/test_wheel.py with an installed ceremony's python (-I, in a copy of the show): what it loads, as JSON.

It goes through the app's own loaders (fonts, icons, sounds through PyAV), offscreen, and reports where each file came from.
"""

from __future__ import annotations

import json
import sys
import sysconfig
from importlib.metadata import version
from pathlib import Path

import ceremony
from ceremony.media.decode import decode_all
from ceremony.render.fonts import bundled_fonts, load_fonts
from ceremony.render.qtapp import ensure_gui_app
from ceremony.script.loader import load_script
from ceremony.ui import icons
from ceremony.ui.sound import find_sounds

ensure_gui_app()
loaded = load_script(Path("slides.yaml"))
icon = icons.load("fa5s.trophy")
sounds = find_sounds(loaded.base_dir)
decoded = {step: len(decode_all(path)) for step, path in sounds.items()}  # as the show's mixer gets them


print(
    json.dumps(
        {
            "module": str(Path(ceremony.__file__).resolve()),
            "purelib": str(Path(sysconfig.get_paths()["purelib"]).resolve()),
            "version": ceremony.__version__,
            "metadata_version": version("ceremony"),
            "families": load_fonts(),
            "fonts": [str(p.resolve()) for p in bundled_fonts()],
            "icon_sizes": sorted(s.width() for s in icon.availableSizes()) if icon is not None else [],
            "icon_files": [str(icons.icon_file("fa5s.trophy", size).resolve()) for size in icons.SIZES],
            "qtawesome_imported": "qtawesome" in sys.modules,
            "sound_status": "ready" if decoded and all(decoded.values()) else "silent",
            "sounds": {step: [str(p.resolve()), decoded[step]] for step, p in sounds.items()},
        }
    )
)
