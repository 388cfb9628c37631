"""The local SQLite store: engine and migrations (``database``), tables derived from the forms
(``tables``), and record operations (``records``)."""
