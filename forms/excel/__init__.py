"""Excel and CSV interchange: templates, imports with located error reports, exports.

* ``write_template(form_key, path)`` — the template of a form (drop-down lists, formats, instructions).
* ``export_xlsx(form_key, records, path)`` — records to a workbook the import reads back unchanged;
  ``export_records(store, form_key, path)`` exports every live record with links by natural key.
* ``plan_import(store, form_key, path)`` → ``ImportPlan`` (nothing written), then
  ``apply_import(store, plan)`` (one transaction, all or nothing); ``run_import`` does both in one pass;
  ``write_error_report(plan, out)`` writes the original rows with their problems.

The readers check size and decompression budgets before any parser sees a file (``reading``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from forms.excel.importing import (
        ImportPlan,
        ImportRefused,
        Preview,
        Problem,
        apply_import,
        plan_import,
        preview_import,
        run_import,
    )
    from forms.excel.reading import FileRefused, read_sheet
    from forms.excel.writing import export_records, export_xlsx, write_error_report, write_template

_HOMES = {
    "forms.excel.importing": ("ImportPlan", "ImportRefused", "Preview", "Problem", "apply_import", "plan_import",
                              "preview_import", "run_import"),
    "forms.excel.reading": ("FileRefused", "read_sheet"),
    "forms.excel.writing": ("export_records", "export_xlsx", "write_error_report", "write_template"),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Each name is loaded from its module when first asked for: ``kafaat template`` writes a template without
    loading the import's database layer (SQLAlchemy), as the command line's start-up asks (PEP 562)."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "FileRefused",
    "ImportPlan",
    "ImportRefused",
    "Preview",
    "Problem",
    "apply_import",
    "export_records",
    "export_xlsx",
    "plan_import",
    "preview_import",
    "read_sheet",
    "run_import",
    "write_error_report",
    "write_template",
]
