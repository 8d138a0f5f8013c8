"""Tests that need three screens (laptop, projector, confidence monitor). They are collected only in a process
whose Qt starts with ``tests/screens3.json`` (see ``collect_ignore`` in tests/conftest.py);
``tests/ui/test_three_screens.py`` starts that process."""
