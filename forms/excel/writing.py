"""Writing workbooks with openpyxl: the template of a form, the export of records, the error report.

Every workbook written here is safe to open: a text that starts with ``=``, ``+``, ``-`` or ``@`` is
stored as text (``data_type = "s"``), never as a formula, and no formula is written at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from forms.atomic import atomic_output
from forms.definitions import FORMS
from forms.excel.columns import (
    CONTROL_CHARS,
    DATE_FORMAT,
    FORMULA_PREFIXES,
    ID_KEY,
    PROBLEMS_LABEL,
    STATUS_KEY,
    STATUS_SHOWN,
    Column,
    LinkNames,
    boolean_word,
    cell_value,
    form_columns,
    status_word,
)
from forms.i18n import Text, comma, lowered, normalise_lang
from forms.messages import Message, localized
from forms.schema import SHARING_NOTES, Field, FieldType, Form, LinkCondition
from forms.tasks import TaskState, step

HEADER_FILL = "1F4E79"
ERROR_FILL = "F8CBAD"
WARNING_FILL = "FFF2CC"
LISTS_SHEET = "Listes"
INSTRUCTIONS_SHEET = "Instructions"
TEXT_PREFIXES = (*FORMULA_PREFIXES, "#")
"""Text written with ``data_type = "s"``: formula-like text, and text such as « #N/A » that openpyxl would
otherwise store as an error cell (read back as an empty cell)."""


def _number_format(f: Field | None) -> str | None:
    if f is None:
        return None
    if f.type is FieldType.DATE:
        return DATE_FORMAT
    if f.type is FieldType.INTEGER:
        return "0"
    if f.type is FieldType.DECIMAL:
        return "0.00"
    if f.type in (FieldType.IDENTIFIER, FieldType.TEXT, FieldType.EMAIL, FieldType.LINK):
        return "@"
    return None


def _width(column: Column, lang: str) -> float:
    f = column.field
    base = len(column.header(lang))
    if f is not None:
        if f.type is FieldType.DATE:
            base = max(base, 12)
        table = f.choices()
        if table is not None:
            base = max(base, *(len(c.label.get(lang)) for c in table.choices))
    return float(min(max(base + 2, 10), 45))


def _allowed(f: Field, lang: str) -> str:
    if f.type is FieldType.LINK and f.link:
        return "; ".join(_condition_text(f, c, lang) for c in f.link_conditions)
    table = f.choices()
    if table is not None:
        return "; ".join(f"{c.label.get(lang)} ({c.code})" for c in table.choices)
    if f.type is FieldType.BOOLEAN:
        return f"{boolean_word(True, lang)} / {boolean_word(False, lang)}"
    bounds = []
    if f.min is not None:
        bounds.append(f"≥ {f.min.strftime('%d/%m/%Y') if isinstance(f.min, date) else f.min}")
    if f.max is not None:
        bounds.append(f"≤ {f.max.strftime('%d/%m/%Y') if isinstance(f.max, date) else f.max}")
    return ", ".join(bounds)


def _condition_text(f: Field, condition: LinkCondition, lang: str) -> str:
    """« Type de formation : Formation continue » — what the linked record must be, as the template says it."""
    target = FORMS[f.link or ""].field(condition.field)
    if condition.codes:
        table = target.choices()
        shown = [table.label(c, lang) if table else c for c in condition.codes]
        return f"{target.label.get(lang)} : {', '.join(shown)}"
    if condition.same_as:
        return f"{target.label.get(lang)} = [{condition.same_as}]"
    return ""


FORMAT_WORDS = {
    FieldType.TEXT: Text("texte", "نص", "text"),
    FieldType.INTEGER: Text("nombre entier", "عدد صحيح", "whole number"),
    FieldType.DECIMAL: Text("nombre (2 décimales)", "عدد (رقمان بعد الفاصلة)", "number (2 decimals)"),
    FieldType.DATE: Text("date jj/mm/aaaa", "تاريخ بصيغة يوم/شهر/سنة (jj/mm/aaaa)", "date dd/mm/yyyy"),
    FieldType.BOOLEAN: Text("Oui / Non", "نعم / لا", "Yes / No"),
    FieldType.CHOICE: Text("valeur de la liste", "قيمة من القائمة", "a value of the list"),
    FieldType.MULTI_CHOICE: Text("une ou plusieurs valeurs de la liste, séparées par « ; »",
                                 "قيمة أو أكثر من القائمة، تفصل بينها « ; »",
                                 "one or more values of the list, separated by « ; »"),
    FieldType.EMAIL: Text("adresse e-mail", "عنوان بريد إلكتروني", "e-mail address"),
    FieldType.IDENTIFIER: Text("identifiant (texte)", "معرِّف (نص)", "identifier (text)"),
}
"""What the template's « Instructions » sheet says of each field's format, in the template's language."""
SEPARATED_BY_SLASH = Text(" (séparés par « / »)", " (تفصل بينها « / »)", " (separated by « / »)")
COLON = Text(" : ", ": ", ": ")
TEMPLATE_TITLE = Text("Modèle d'import Kafaat — {label} ({key})", "نموذج استيراد كفاءات — {label} ({key})",
                      "Kafaat import template — {label} ({key})")
TEMPLATE_FILL = Text(
    "Remplissez la première feuille à partir de la ligne 2, une ligne par {item}. Gardez la ligne d'en-tête. "
    "Les dates s'écrivent jj/mm/aaaa ; les identifiants restent du texte (ne les laissez pas convertir en "
    "nombres).",
    "املؤوا الورقة الأولى ابتداء من السطر 2، سطرا واحدا لكل سجل ({item}). احتفظوا بسطر العناوين. تُكتب "
    "التواريخ بصيغة يوم/شهر/سنة (jj/mm/aaaa)؛ وتبقى المعرِّفات نصا (لا تدعوها تتحول إلى أرقام).",
    "Fill in the first sheet from row 2, one row per {item}. Keep the header row. Dates are written "
    "dd/mm/yyyy; identifiers stay text (do not let them be turned into numbers).")
TEMPLATE_STATUS = Text(
    "Colonne « Statut » : Complet (par défaut) ou Brouillon. Une ligne dont la clé existe déjà met à jour "
    "l'enregistrement au lieu d'en créer un nouveau. Si une seule ligne est refusée, rien n'est importé et un "
    "rapport d'erreurs indique quoi corriger.",
    "عمود « الحالة »: مكتمل (افتراضيا) أو مسودة. السطر الذي يوجد مفتاحه من قبل يحدّث السجل بدل إنشاء سجل "
    "جديد. إذا رُفض سطر واحد، لا يُستورد أي شيء ويبيّن تقرير الأخطاء ما يجب تصحيحه.",
    "« Status » column: Complete (the default) or Draft. A row whose key already exists updates the record "
    "instead of creating a new one. If a single row is refused, nothing is imported and an error report says "
    "what to correct.")
TEMPLATE_PERSONAL = Text("Données personnelles : ", "البيانات الشخصية: ", "Personal data: ")
TEMPLATE_CSV = Text(
    "Enregistrement en CSV : choisissez « CSV UTF-8 (délimité par des virgules) » dans Excel (Fichier > "
    "Enregistrer sous). Le type « CSV (séparateur : point-virgule) » d'un Windows en français remplace les "
    "lettres arabes par des « ? », qui ne peuvent plus être retrouvées.",
    "الحفظ بصيغة CSV: اختاروا « CSV UTF-8 » في Excel (ملف > حفظ باسم). أما النوع « CSV (فاصلة منقوطة) » "
    "في Windows بالفرنسية فيستبدل بالحروف العربية علامات « ? » لا يمكن استرجاعها بعد ذلك.",
    "Saving as CSV: choose « CSV UTF-8 (Comma delimited) » in Excel (File > Save As). The « CSV (semicolon "
    "delimited) » type of a French Windows replaces Arabic letters with « ? », which can never be recovered.")
TEMPLATE_HEADS = (Text("Colonne", "العمود", "Column"), Text("Champ (clé)", "الحقل (المفتاح)", "Field (key)"),
                  Text("Libellé", "التسمية", "Label"), Text("Obligatoire", "إلزامي", "Required"),
                  Text("Format", "الصيغة", "Format"),
                  Text("Valeurs permises / limites", "القيم المسموحة / الحدود", "Allowed values / limits"),
                  Text("Aide", "مساعدة", "Help"))
TEMPLATE_YES_NO = (Text("oui", "نعم", "yes"), Text("non", "لا", "no"))
TEMPLATE_EMPTY_STATUS = Text("Vide = Complet", "فارغ = مكتمل", "Empty = Complete")
TEMPLATE_RULES = Text("Règles vérifiées", "القواعد المتحقَّق منها", "Rules checked")
VALIDATION_CHOICE = (Text("Valeur non permise", "قيمة غير مسموحة", "Value not allowed"),
                     Text("Choisissez une valeur dans la liste.", "اختاروا قيمة من القائمة.",
                          "Choose a value from the list."))
VALIDATION_NUMBER = Text("Nombre hors limites", "عدد خارج الحدود", "Number out of bounds")
VALIDATION_DATE = (Text("Date non valide", "تاريخ غير صالح", "Invalid date"),
                   Text("date jj/mm/aaaa", "تاريخ بصيغة يوم/شهر/سنة", "date dd/mm/yyyy"))
PARTIAL_ID_ONLY = Text(
    "Pour ne modifier que certaines colonnes, gardez la colonne « Identifiant Kafaat » d'un export : les "
    "colonnes absentes gardent les valeurs enregistrées.",
    "لتعديل بعض الأعمدة فقط، احتفظوا بعمود « معرف كفاءات » من تصدير سابق: تحتفظ الأعمدة الغائبة بالقيم "
    "المحفوظة.",
    "To change only some columns, keep the « Kafaat identifier » column of an export: the columns left out "
    "keep the saved values.")
PARTIAL_KEYS = Text(
    "Pour ne modifier que certaines colonnes, gardez les colonnes de la clé ({keys}) ou la colonne "
    "« Identifiant Kafaat » d'un export : les colonnes absentes gardent les valeurs enregistrées. Une ligne "
    "nouvelle doit avoir toutes les colonnes obligatoires.",
    "لتعديل بعض الأعمدة فقط، احتفظوا بأعمدة المفتاح ({keys}) أو بعمود « معرف كفاءات » من تصدير سابق: تحتفظ "
    "الأعمدة الغائبة بالقيم المحفوظة. ويجب أن يحتوي السطر الجديد على كل الأعمدة الإلزامية.",
    "To change only some columns, keep the key's columns ({keys}) or the « Kafaat identifier » column of an "
    "export: the columns left out keep the saved values. A new row must have every required column.")


def _in_sentence(label: Text, lang: str) -> str:
    """A label inside a sentence: lower-cased first letter in French and English, as it is in Arabic."""
    text = label.get(lang)
    return text if lang == "ar" else lowered(text)


def _format_word(form: Form, f: Field, lang: str = "fr") -> str:
    if f.type is FieldType.LINK:
        target = FORMS[f.link or ""]
        parts = LinkNames.shown_parts(target, form)
        word = (f"{_in_sentence(target.label, lang)}{COLON.get(lang)}"
                f"{' / '.join(_in_sentence(part.label, lang) for part in parts)}")
        if len(parts) > 1:
            word += SEPARATED_BY_SLASH.get(lang)
        elif parts and parts[0].pattern_hint:
            word += f" ({parts[0].pattern_hint.get(lang)})"
        return word
    word = FORMAT_WORDS[f.type].get(lang)
    if f.type is FieldType.IDENTIFIER and f.pattern_hint:
        word = f"{word}{COLON.get(lang)}{f.pattern_hint.get(lang)}"
    return word


def _safe_cell(ws: Any, value: Any, number_format: str | None = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str) and CONTROL_CHARS.search(value):
        value = CONTROL_CHARS.sub("\ufffd", value)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(TEXT_PREFIXES):
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            # Excel's own mark for « text, even if it looks like a formula »: without it, F2 then Enter on the
            # cell turns « =1+1 » into a live formula
            cell.quotePrefix = True
    if number_format:
        cell.number_format = number_format
    return cell


# ---------------------------------------------------------------------------------------------- template

def write_template(form_key: str, path: Path, lang: str = "fr") -> None:
    """The Excel template of a form: header row (``Libellé [clé]``), drop-down lists for reference
    fields (from a hidden « Listes » sheet), number/date/text formats, frozen header, widths, and an
    « Instructions » sheet listing each field, whether it is required, its format and allowed values."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = normalise_lang(lang)
    form = FORMS[form_key]
    columns = form_columns(form)
    wb = Workbook()
    ws = wb.active
    ws.title = form.plural.get(lang)[:31]
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    info = wb.create_sheet(INSTRUCTIONS_SHEET)
    bold_white = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    rows = 2000
    list_col = 0
    for j, column in enumerate(columns, start=1):
        letter = get_column_letter(j)
        cell = ws.cell(row=1, column=j, value=column.header(lang))
        cell.font, cell.fill = bold_white, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[letter].width = _width(column, lang)
        f = column.field
        fmt = _number_format(f)
        if fmt:
            ws.column_dimensions[letter].number_format = fmt
            for r in range(2, 202):
                ws.cell(row=r, column=j).number_format = fmt
        target = f"{letter}2:{letter}{rows}"
        values: list[str] | None = None
        if column.key == STATUS_KEY:
            values = [STATUS_SHOWN["complete"].get(lang), STATUS_SHOWN["draft"].get(lang)]
        elif f is not None and f.type is FieldType.BOOLEAN:
            values = [boolean_word(True, lang), boolean_word(False, lang)]
        elif f is not None and f.type is FieldType.CHOICE:
            table = f.choices()
            values = [c.label.get(lang) for c in table.choices] if table else None
        if values:
            list_col += 1
            list_letter = get_column_letter(list_col)
            lists.cell(row=1, column=list_col, value=column.key)
            for r, value in enumerate(values, start=2):
                _as_text(lists.cell(row=r, column=list_col, value=value))
            ref = f"{quote_sheetname(LISTS_SHEET)}!${list_letter}$2:${list_letter}${len(values) + 1}"
            dv = DataValidation(type="list", formula1=ref, allow_blank=True, showDropDown=False,
                                showErrorMessage=True, errorTitle=VALIDATION_CHOICE[0].get(lang),
                                error=VALIDATION_CHOICE[1].get(lang))
            dv.add(target)
            ws.add_data_validation(dv)
        elif f is not None and f.type in (FieldType.INTEGER, FieldType.DECIMAL) and (f.min is not None
                                                                                     or f.max is not None):
            dv = DataValidation(type="whole" if f.type is FieldType.INTEGER else "decimal", operator="between",
                                formula1=str(f.min if f.min is not None else -10**9),
                                formula2=str(f.max if f.max is not None else 10**9), allow_blank=True,
                                showErrorMessage=True, errorTitle=VALIDATION_NUMBER.get(lang),
                                error=f"{f.label.get(lang)}{COLON.get(lang)}{_allowed(f, lang)}")
            dv.add(target)
            ws.add_data_validation(dv)
        elif f is not None and f.type is FieldType.DATE:
            low, high = f.min or date(1990, 1, 1), f.max or date(2100, 12, 31)
            dv = DataValidation(type="date", operator="between", formula1=f"DATE({low.year},{low.month},{low.day})",
                                formula2=f"DATE({high.year},{high.month},{high.day})", allow_blank=True,
                                showErrorMessage=True, errorTitle=VALIDATION_DATE[0].get(lang),
                                error=f"{f.label.get(lang)}{COLON.get(lang)}{VALIDATION_DATE[1].get(lang)}")
            dv.add(target)
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 45
    ws.sheet_view.rightToLeft = lang == "ar"

    heads = [text.get(lang) for text in TEMPLATE_HEADS]
    info.append([TEMPLATE_TITLE.get(lang).format(label=form.label.get(lang), key=form.key)])
    info["A1"].font = Font(bold=True, size=14)
    info.append([TEMPLATE_FILL.get(lang).format(item=_in_sentence(form.label, lang))])
    info.append([TEMPLATE_STATUS.get(lang)])
    info.append([partial_update_help(form, lang)])
    kept_here = [f for f in form.fields if f.sharing in SHARING_NOTES]
    if kept_here:
        info.append([TEMPLATE_PERSONAL.get(lang) + {"fr": " ; ", "ar": "؛ ", "en": "; "}[lang].join(
            f"« {f.label.get(lang)} » — {SHARING_NOTES[f.sharing][0].get(lang)}" for f in kept_here)
            + ". " + " ".join(dict.fromkeys(SHARING_NOTES[f.sharing][1].get(lang) for f in kept_here))])
    info.append([TEMPLATE_CSV.get(lang)])
    info.append([])
    info.append(heads)
    for cell in info[info.max_row]:
        cell.font, cell.fill = bold_white, fill
    for j, column in enumerate(columns, start=1):
        f = column.field
        if f is None:
            shown = [STATUS_SHOWN["complete"].get(lang), STATUS_SHOWN["draft"].get(lang)]
            row = [get_column_letter(j), column.key, column.label.get(lang), TEMPLATE_YES_NO[1].get(lang),
                   " / ".join(shown), comma(lang).join(shown), TEMPLATE_EMPTY_STATUS.get(lang)]
        else:
            helps = [f.help.get(lang)] if f.help.fr else []
            if f.sharing in SHARING_NOTES:
                helps.append(SHARING_NOTES[f.sharing][1].get(lang))
            row = [get_column_letter(j), f.key, f.label.get(lang), TEMPLATE_YES_NO[0 if f.required else 1].get(lang),
                   _format_word(form, f, lang), _allowed(f, lang), " ".join(helps)]
        info.append(row)
        for cell in info[info.max_row]:
            _as_text(cell)
    if form.rules or form.link_rules:
        info.append([])
        info.append([TEMPLATE_RULES.get(lang)])
        info[info.max_row][0].font = Font(bold=True)
        for rule in (*form.rules, *form.link_rules):
            info.append(["", rule.key, rule.description.get(lang)])
    for letter, width in zip("ABCDEFG", (9, 22, 40, 12, 45, 60, 50), strict=True):
        info.column_dimensions[letter].width = width
    wb.active = 0
    with atomic_output(path) as partial:  # a full or read-only medium leaves no half-written file
        wb.save(partial)


def partial_update_help(form: Form, lang: str = "fr") -> str:
    """What a file must hold to change only some columns of stored records (the help and the template say it)."""
    if not form.natural_key:
        return PARTIAL_ID_ONLY.get(lang)
    keys = comma(lang).join(f"« {form.field(k).label.get(lang)} »" for k in form.natural_key)
    return PARTIAL_KEYS.get(lang).format(keys=keys)


def _as_text(cell: Any) -> Any:
    """A cell of a normal sheet holding user text: stored as text, with Excel's quote prefix when it looks like
    a formula."""
    if isinstance(cell.value, str) and cell.value.startswith(TEXT_PREFIXES):
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True
    return cell


INVALID_TITLE = re.compile(r"[\\/?*\[\]:]")


def sheet_title(name: str, fallback: str = "Données") -> str:
    """A name Excel accepts for a sheet: none of ``\\ / ? * [ ] :``, no quote at either end, 1 to 31
    characters (« Stages/2025 [v2]: *? » → « Stages-2025 (v2)- -- »)."""
    text = INVALID_TITLE.sub(lambda m: {"[": "(", "]": ")"}.get(m.group(), "-"), name)
    text = text.strip().strip("'").strip()[:31].strip()
    return text or fallback


# ------------------------------------------------------------------------------------------------ export

def export_xlsx(form_key: str, records: Iterable[Any], path: Path, lang: str = "fr",
                state: TaskState | None = None, *, links: LinkNames | None = None, store: Any = None,
                total: int = 0) -> int:
    """Write ``records`` (``forms.store.records.Record``) to ``path``; returns the number of rows.

    Columns are the template's plus « Identifiant Kafaat »; references are written by label and links by
    the linked record's natural key (offering code, « 2025-2026 / 2 » for a cohort) when ``store`` (or a
    ``LinkNames``) is given — without either, links are written as UUIDs, which the import accepts too.
    Importing the file back changes nothing. ``total`` (the number of records, when known) makes the
    progress a fraction; ``state`` may cancel at every step, before the file is saved."""
    if links is None and store is not None:
        with store.engine.connect() as conn:
            return export_xlsx(form_key, records, path, lang, state, links=LinkNames(conn, store.establishment),
                               total=total)
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    form = FORMS[form_key]
    columns = form_columns(form, with_id=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(form.plural.get(lang)[:31])
    for j, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = _width(column, lang)
    ws.freeze_panes = "A2"
    bold_white = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    header = []
    for column in columns:
        cell = _safe_cell(ws, column.header(lang))
        cell.font, cell.fill = bold_white, fill
        header.append(cell)
    ws.append(header)
    plan = [(c.key, _converter(c.field, lang, links)) for c in columns]
    # One styled cell per date column, reused row after row: the write-only sheet serialises each row
    # as it is appended, so the cell is free again for the next row (a new styled cell per date costs
    # about as much as the rest of the row).
    date_cells = {c.key: _safe_cell(ws, None, DATE_FORMAT) for c in columns
                  if c.field is not None and c.field.type is FieldType.DATE}
    status_words = {s: status_word(s, lang) for s in STATUS_SHOWN}
    try:
        count = _write_records(ws, records, plan, date_cells, status_words, state, total)
    except BaseException:  # cancelled or failed: the sheet's stream and its temporary file are closed now
        _discard(ws)
        raise
    with atomic_output(path) as partial:  # a full or read-only medium leaves no half-written file
        wb.save(partial)
    step(state, count, count, Message("progress.exported"))
    return count


def _discard(ws: Any) -> None:
    import contextlib
    import os

    with contextlib.suppress(Exception):
        ws.close()
    out = getattr(getattr(ws, "_writer", None), "out", None)
    if isinstance(out, str):
        with contextlib.suppress(OSError):
            os.remove(out)


def _write_records(ws: Any, records: Iterable[Any], plan: list[tuple[str, Any]], date_cells: dict[str, Any],
                   status_words: dict[str, str], state: TaskState | None, total: int) -> int:
    count = 0
    for record in records:
        values = record.values
        row: list[Any] = []
        for key, convert in plan:
            if key == STATUS_KEY:
                row.append(status_words[record.status])
                continue
            if key == ID_KEY:
                row.append(record.id)
                continue
            value = values.get(key)
            if value is None:
                row.append(None)
                continue
            value = convert(value) if convert else value
            if isinstance(value, str):
                if value.startswith(TEXT_PREFIXES) or (not value.isprintable() and CONTROL_CHARS.search(value)):
                    value = _safe_cell(ws, value)
            elif key in date_cells and isinstance(value, date):
                cell = date_cells[key]
                cell.value = value
                value = cell
            elif isinstance(value, date | datetime):
                value = _safe_cell(ws, value, DATE_FORMAT)
            row.append(value)
        ws.append(row)
        count += 1
        if count % 1000 == 0:  # the window's dialog: a bar when the total is known, and « Annuler »
            step(state, count, max(total, count + 1) if total else 0)
    step(state, count, max(total, count + 1) if total else 0)  # the last chance to cancel: nothing saved yet
    return count


def _converter(f: Field | None, lang: str, links: LinkNames | None) -> Any:
    if f is None:
        return None
    if f.type is FieldType.CHOICE:
        table = f.choices()
        labels = {c.code: c.label.get(lang) for c in table.choices} if table else {}
        return lambda v: labels.get(v, v)
    if f.type in (FieldType.MULTI_CHOICE, FieldType.BOOLEAN, FieldType.DECIMAL):
        return lambda v: cell_value(f, v, lang)
    if f.type is FieldType.LINK:
        if links is None:
            return None
        return lambda v: links.name(f, v)
    return None


def export_records(store: Any, form_key: str, path: Path, lang: str = "fr", state: TaskState | None = None,
                   status: str | None = None) -> int:
    """Every live record of a form (optionally of one status), in the order they last changed, exported with
    links by natural key. The records are streamed from one read transaction (a consistent snapshot,
    never all in memory)."""
    from sqlalchemy import select

    from forms.store.records import Record
    from forms.store.tables import record_table

    form, table = FORMS[form_key], record_table(form_key)
    stmt = select(table).where(table.c.deleted.is_(False)).order_by(table.c.change_seq)
    if status:
        stmt = stmt.where(table.c.status == status)
    with store.engine.connect() as conn:
        links = LinkNames(conn, store.establishment)
        records = (Record.from_row(form, row) for row in conn.execute(stmt).mappings())
        return export_xlsx(form_key, records, path, lang, state, links=links)


# ------------------------------------------------------------------------------------------ error report

REPORT_HEADERS = (Text("Fichier", "الملف", "File"), Text("Ligne", "السطر", "Row"), Text("Colonne", "العمود", "Column"),
                  Text("En-tête", "الترويسة", "Header"), Text("Champ", "الحقل", "Field"),
                  Text("Gravité", "الخطورة", "Severity"), Text("Message", "الرسالة", "Message"))
"""The headers of the error report's problems sheet, in the language of the import (``plan.lang``)."""
REPORT_SEVERITY = {"error": Text("erreur", "خطأ", "error"), "warning": Text("avertissement", "تنبيه", "warning")}
REPORT_WARNING = Text("avertissement : ", "تنبيه: ", "warning: ")
REPORT_WHERE = Text("{where} : ", "{where}: ", "{where}: ")


def write_error_report(plan: Any, out_path: Path) -> Path:
    """The original rows, a « Problèmes » column with every message of the row, faulty cells highlighted
    (errors in red, warnings in yellow). File-level problems go on a second sheet. The report can be
    corrected and imported again as it is (the « Problèmes » column is ignored on import). Everything the
    report adds (the column, the sheet, its headers, the messages) is in the import's language."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from forms.excel.reading import FileRefused, column_letter, read_sheet

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title(plan.sheet or Text("Données", "البيانات", "Data").get(plan.lang)))
    red = PatternFill("solid", fgColor=ERROR_FILL)
    yellow = PatternFill("solid", fgColor=WARNING_FILL)
    bold = Font(bold=True)
    by_row: dict[int, list[Any]] = {}
    general = []
    for p in plan.problems:
        if p.row and p.row != plan.header_row:
            by_row.setdefault(p.row, []).append(p)
        else:
            general.append(p)
    sheet = None
    # rows are copied when some row has a problem; a file refused as a whole is not read again (a workbook of
    # ten million cells took two minutes to copy for one formula)
    if plan.kind and by_row:
        try:
            sheet = read_sheet(plan.path, (plan.sheet,))
        except FileRefused:
            sheet = None
    ws.freeze_panes = "A2"
    if sheet is not None and sheet.height:
        header_index = plan.header_row - sheet.first_row
        width = sheet.width
        offset = sheet.first_col
        for index, cells in enumerate(sheet.iter_rows()):
            if index < header_index:
                continue
            number = sheet.row_number(index)
            padded = [None] * offset + list(cells) + [None] * (width - len(cells))
            if index == header_index:
                out = [_safe_cell(ws, v) for v in padded]
                for cell in out:
                    cell.font = bold
                head = _safe_cell(ws, PROBLEMS_LABEL.get(plan.lang))
                head.font = bold
                out.append(head)
                ws.append(out)
                continue
            found = by_row.get(number, [])
            if not found:
                ws.append([_plain(ws, v) for v in padded])
                continue
            marks: dict[str, PatternFill] = {}
            for p in found:
                if p.column and (p.severity == "error" or p.column not in marks):
                    marks[p.column] = red if p.severity == "error" else yellow
            out = []
            for col, value in enumerate(padded):
                cell = _safe_cell(ws, value, DATE_FORMAT if isinstance(value, date | datetime) else None)
                fill = marks.get(column_letter(col))
                if fill is not None:
                    cell.fill = fill
                out.append(cell)
            text = "\n".join(
                (REPORT_WHERE.get(plan.lang).format(where=p.where(plan.lang)) if p.column or p.field else "")
                + ("" if p.severity == "error" else REPORT_WARNING.get(plan.lang)) + localized(p.message, plan.lang)
                for p in found)
            message = _safe_cell(ws, text)
            message.fill = red if any(p.severity == "error" for p in found) else yellow
            out.append(message)
            ws.append(out)
    summary = wb.create_sheet(PROBLEMS_LABEL.get(plan.lang))
    summary.append([_bold(summary, text.get(plan.lang)) for text in REPORT_HEADERS])
    severity = {"error": REPORT_SEVERITY["error"].get(plan.lang), "warning": REPORT_SEVERITY["warning"].get(plan.lang)}
    for p in general + [p for p in plan.problems if p not in general]:
        summary.append([_safe_cell(summary, plan.path.name), p.row or None, p.column or None,
                        _safe_cell(summary, p.header) if p.header else None,
                        _safe_cell(summary, p.label or p.field) if p.label or p.field else None,
                        severity["error" if p.severity == "error" else "warning"],
                        _safe_cell(summary, localized(p.message, plan.lang))])
    with atomic_output(out_path) as partial:  # a full or read-only medium leaves no half-written file
        wb.save(partial)
    return out_path


def _bold(ws: Any, value: str) -> Any:
    from openpyxl.styles import Font

    cell = _safe_cell(ws, value)
    cell.font = Font(bold=True)
    return cell


def _plain(ws: Any, value: Any) -> Any:
    if isinstance(value, str) and (value.startswith(TEXT_PREFIXES) or CONTROL_CHARS.search(value)):
        return _safe_cell(ws, value)
    if isinstance(value, date | datetime):
        return _safe_cell(ws, value, DATE_FORMAT)
    return value
