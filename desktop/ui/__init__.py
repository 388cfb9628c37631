"""The Qt face of Kafaat for establishments: the main window, its pages, list models, the record editor,
dialogs and the operation runner.

Widgets only call operations of ``forms`` and ``sync``; no business rule lives here. Sub-commands of the
``kafaat`` command line never import this package.
"""
