"""``python -m ceremony`` is the same as the ``ceremony`` command."""

from ceremony.cli import main

raise SystemExit(main())
