"""``python -m desktop`` is the ``kafaat`` command."""

from desktop.cli import main

raise SystemExit(main())
