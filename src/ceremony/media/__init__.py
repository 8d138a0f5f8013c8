"""Films and sound: probing, decoding, the mixer, the media clock and the cue rules (no Qt).

Every sample the show plays is computed by the app's own mixer (``mixer``) and every video frame is
decoded and converted off the GUI thread (``decode``), so the Qt layer only hands samples to a device
and paints finished pictures. See docs/media.md for the design and its measurements.
"""
