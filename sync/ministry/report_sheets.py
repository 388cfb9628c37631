"""How the committee's workbook looks: its words in French, Arabic and English, and the helpers that lay a
sheet out (titles, tables of numbers with their formats, native charts pointing at those tables, frozen
headers, landscape printing, right to left in Arabic). No figure is computed here (``sync.ministry.report``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from forms.i18n import Text

TITLE_FONT = Font(bold=True, size=14)
SUBTITLE_FONT = Font(bold=True, size=11)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TOTAL_FONT = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd hh:mm"
INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _t(fr: str, ar: str, en: str) -> Text:
    return Text(fr, ar, en)


WORDS = {
    "title": _t("Programme Kafaat — indicateurs du comité de suivi", "برنامج كفاءات — مؤشرات لجنة التتبع",
                "Kafaat programme — steering committee indicators"),
    "summary": _t("Synthèse", "الملخص", "Summary"),
    "offerings": _t("Offres", "العروض", "Offerings"),
    "trends": _t("Évolution", "التطور", "Trends"),
    "completeness": _t("Complétude", "الاكتمال", "Completeness"),
    "notes": _t("Notes", "ملاحظات", "Notes"),
    "year": _t("Année universitaire", "السنة الجامعية", "Academic year"),
    "generated": _t("Généré le (UTC)", "تاريخ الإنشاء (UTC)", "Generated on (UTC)"),
    "expected": _t("Établissements attendus", "المؤسسات المنتظرة", "Establishments expected"),
    "covered": _t("Établissements ayant transmis des données", "المؤسسات التي أرسلت بيانات",
                  "Establishments with data"),
    "coverage": _t("Couverture", "نسبة التغطية", "Coverage"),
    "cutoff_first": _t("Arrêté des données : lot le plus ancien (UTC)", "تاريخ توقف البيانات: أقدم دفعة (UTC)",
                       "Data cut-off: oldest last bundle (UTC)"),
    "cutoff_last": _t("Arrêté des données : lot le plus récent (UTC)", "تاريخ توقف البيانات: أحدث دفعة (UTC)",
                      "Data cut-off: latest bundle (UTC)"),
    "cutoff_note": _t("Chaque établissement est compté jusqu'à son dernier lot consolidé : voir la feuille "
                      "« Complétude ».", "تحتسب كل مؤسسة إلى غاية آخر دفعة مدمجة لها: انظر ورقة « الاكتمال ».",
                      "Each establishment counts up to its last consolidated bundle: see « Completeness »."),
    "late": _t("Établissements en retard", "المؤسسات المتأخرة", "Establishments late"),
    "headline": _t("Indicateurs clés", "المؤشرات الرئيسية", "Key indicators"),
    "indicator": _t("Indicateur", "المؤشر", "Indicator"),
    "value": _t("Valeur", "القيمة", "Value"),
    "total": _t("Total (chaque enregistrement une fois)", "المجموع (كل سجل مرة واحدة)", "Total (each record once)"),
    "unknown": _t("Non renseigné", "غير محدد", "Not given"),
    "other": _t("Autres", "أخرى", "Other"),
    "yes": _t("Oui", "نعم", "Yes"),
    "no": _t("Non", "لا", "No"),
    "by": _t("par", "حسب", "by"),
    "trend_counts": _t("Effectifs par année", "الأعداد حسب السنة", "Counts by year"),
    "trend_rates": _t("Taux par année", "النسب حسب السنة", "Rates by year"),
    "by_year": _t("par année universitaire", "حسب السنة الجامعية", "by academic year"),
    "region_sheet": _t("Région", "جهة", "Region"),
    "establishment": _t("Établissement", "المؤسسة", "Establishment"),
    "code": _t("Code", "الرمز", "Code"),
    "region": _t("Région de l'établissement", "جهة المؤسسة", "Establishment's region"),
    "ministry": _t("Ministère de tutelle", "الوزارة الوصية", "Supervising ministry"),
    "enrolled_key": _t("Enregistré (clé active)", "مسجلة (مفتاح نشط)", "Enrolled (active key)"),
    "key_state": _t("État de la clé", "حالة المفتاح", "Key state"),
    "last_sequence": _t("Dernier lot (n°)", "آخر دفعة (رقم)", "Last bundle (no.)"),
    "last_created": _t("Dernier lot créé le (UTC)", "أنشئت آخر دفعة في (UTC)", "Last bundle made (UTC)"),
    "last_received": _t("Dernier lot reçu le (UTC)", "استلمت آخر دفعة في (UTC)", "Last bundle received (UTC)"),
    "days_since": _t("Jours depuis", "أيام منذ", "Days since"),
    "held": _t("Lots en attente", "دفعات معلقة", "Bundles held"),
    "refused": _t("Enregistrements refusés", "سجلات مرفوضة", "Records refused"),
    "is_late": _t("En retard", "متأخرة", "Late"),
    "establishments": _t("Établissements", "المؤسسات", "Establishments"),
    "records": _t("Enregistrements", "السجلات", "Records"),
    "form": _t("Formulaire", "الاستمارة", "Form"),
    "definition": _t("Définition", "التعريف", "Definition"),
    "numerator": _t("Numérateur", "البسط", "Numerator"),
    "denominator": _t("Dénominateur", "المقام", "Denominator"),
    "exclusions": _t("Exclusions", "المستثنى", "Excluded"),
    "year_rule": _t("Rattachement à l'année", "الانتماء إلى السنة", "How a record belongs to a year"),
    "breakdowns": _t("Ventilations", "التوزيعات", "Breakdowns"),
    "top_sectors": _t("(les 20 plus fréquents)", "(العشرون الأكثر تكرارا)", "(the 20 most frequent)"),
}

YEAR_RULES = {
    "equal": _t("l'année universitaire de l'enregistrement ({field}) est celle du rapport",
                "السنة الجامعية للسجل ({field}) هي سنة التقرير", "the record's academic year ({field}) is the report's"),
    "since": _t("ouverte cette année ou avant ({field} ≤ année du rapport)",
                "مفتوح هذه السنة أو قبلها ({field} ≤ سنة التقرير)", "open this year or before ({field} ≤ report year)"),
    "date": _t("{field} entre le 1er septembre et le 31 août de l'année universitaire",
               "{field} بين 1 شتنبر و31 غشت من السنة الجامعية",
               "{field} between 1 September and 31 August of the academic year"),
    "active": _t("en cours pendant l'année universitaire : {field} avant le 1er septembre suivant, {end} vide ou "
                 "à partir du 1er septembre (compté chaque année où il se déroule)",
                 "جارٍ خلال السنة الجامعية: {field} قبل فاتح شتنبر الموالي، و{end} فارغ أو ابتداء من فاتح شتنبر "
                 "(يحسب في كل سنة يجري فيها)",
                 "running during the academic year: {field} before the next 1 September, {end} empty or from "
                 "1 September on (counted in every year it runs)"),
}

GENERAL_NOTES = (
    _t("Source : le magasin national du ministère, consolidé à partir des lots signés et chiffrés des "
       "établissements ; seuls les enregistrements complets et non supprimés sont comptés.",
       "المصدر: المخزن الوطني للوزارة، المدمج انطلاقا من الدفعات الموقعة والمشفرة للمؤسسات؛ تحتسب فقط السجلات "
       "المكتملة وغير المحذوفة.",
       "Source: the ministry's national store, consolidated from the establishments' signed, encrypted "
       "bundles; only complete records that were not deleted are counted."),
    _t("Une offre rattachée à plusieurs domaines est comptée dans chacun de ses domaines, mais une seule fois "
       "dans un total : la somme des lignes d'un tableau par domaine peut dépasser la ligne « Total ».",
       "العرض المرتبط بعدة مجالات يحسب في كل مجال من مجالاته ومرة واحدة في المجموع: قد يتجاوز مجموع أسطر "
       "جدول حسب المجال سطر « المجموع ».",
       "An offering in several domains counts in each of its domains but once in a total: the rows of a "
       "table by domain may add up to more than its « Total » row."),
    _t("Les cohortes et les stages sont rattachés aux domaines de leur offre (les stages aussi à leur propre "
       "domaine) ; une région « de l'établissement » vient de la liste de référence, la région d'une offre "
       "est celle de son campus.",
       "ترتبط الأفواج والتداريب بمجالات عرضها؛ جهة « المؤسسة » من اللائحة المرجعية وجهة العرض هي جهة حرمه.",
       "Cohorts and internships belong to their offering's domains (internships also to their own); an "
       "« establishment's region » comes from the reference list, an offering's region is its campus's."),
    _t("Aucune donnée personnelle : pas de nom, de code d'étudiant ni d'adresse électronique (ils ne "
       "parviennent pas au ministère ou n'y arrivent que sous pseudonyme, seulement compté).",
       "لا توجد أي بيانات شخصية: لا أسماء ولا رموز طلبة ولا عناوين إلكترونية (لا تصل إلى الوزارة أو تصل باسم "
       "مستعار يحسب فقط).",
       "No personal data: no names, student codes or e-mail addresses (they never reach the ministry, or "
       "arrive only as a pseudonym, which is only counted)."),
    _t("Un taux dont le dénominateur est nul est laissé vide.", "تترك النسبة فارغة إذا كان مقامها صفرا.",
       "A rate whose denominator is zero is left empty."),
)


def word(key: str, lang: str) -> str:
    return WORDS[key].get(lang)


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    base = INVALID_SHEET_CHARS.sub("-", name).strip("'") or "-"
    base = base[:31]
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def prepare(ws: Worksheet, lang: str, title: str, subtitle: str = "") -> int:
    """Title rows, landscape printing fitted to the page's width, right to left in Arabic. Returns the next
    free row."""
    ws.sheet_view.rightToLeft = lang == "ar"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.cell(1, 1, title).font = TITLE_FONT
    if subtitle:
        ws.cell(2, 1, subtitle)
    return 4


@dataclass
class Table:
    """Where a table landed: its header row, first and last data rows, first and last columns."""

    header_row: int
    first_row: int
    last_row: int
    first_col: int
    last_col: int

    @property
    def empty(self) -> bool:
        return self.last_row < self.first_row


def write_table(ws: Worksheet, row: int, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                formats: Sequence[str | None], *, col: int = 1, total: Sequence[Any] | None = None,
                freeze: bool = False) -> Table:
    """A titled table: header row, data rows (numbers as numbers with ``formats``), an optional total row."""
    if title:
        ws.cell(row, col, title).font = SUBTITLE_FONT
        row += 1
    header_row = row
    for j, header in enumerate(headers):
        cell = ws.cell(row, col + j, header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    if freeze:
        ws.freeze_panes = ws.cell(header_row + 1, col + 1)
        ws.print_title_rows = f"{header_row}:{header_row}"
    for values in rows:
        row += 1
        write_row(ws, row, col, values, formats)
    last = row
    if total is not None:
        row += 1
        write_row(ws, row, col, total, formats)
        for j in range(len(total)):
            ws.cell(row, col + j).font = TOTAL_FONT
    return Table(header_row, header_row + 1, last, col, col + len(headers) - 1)


def write_row(ws: Worksheet, row: int, col: int, values: Sequence[Any], formats: Sequence[str | None]) -> None:
    for j, value in enumerate(values):
        cell = ws.cell(row, col + j)
        if isinstance(value, str):
            cell.value = value
            cell.data_type = "s"  # never a formula, whatever the text starts with
        else:
            cell.value = value
        fmt = formats[j] if j < len(formats) else None
        if fmt and value is not None and not isinstance(value, str):
            cell.number_format = fmt


def widths(ws: Worksheet, first: int = 42, others: int = 16, count: int = 20) -> None:
    ws.column_dimensions["A"].width = first
    for j in range(2, count + 2):
        ws.column_dimensions[get_column_letter(j)].width = others


def bar_chart(ws: Worksheet, table: Table, anchor: str, title: str, *, series: Sequence[int] | None = None,
              stacked: bool = False, number_format: str | None = None) -> BarChart | None:
    """A column chart of ``table``: categories from its first column, one series per column in ``series``
    (absolute column numbers; every other column by default), named by the header."""
    if table.empty:
        return None
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.height, chart.width = 8, 16
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    for c in series or range(table.first_col + 1, table.last_col + 1):
        chart.add_data(Reference(ws, min_col=c, min_row=table.header_row, max_row=table.last_row),
                       titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=table.first_col, min_row=table.first_row, max_row=table.last_row))
    if number_format:
        chart.y_axis.numFmt = number_format
    ws.add_chart(chart, anchor)
    return chart


def line_chart(ws: Worksheet, table: Table, anchor: str, title: str, series: Sequence[int],
               number_format: str | None = None) -> LineChart | None:
    if table.empty:
        return None
    chart = LineChart()
    chart.title = title
    chart.height, chart.width = 8, 16
    for c in series:
        chart.add_data(Reference(ws, min_col=c, min_row=table.header_row, max_row=table.last_row),
                       titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=table.first_col, min_row=table.first_row, max_row=table.last_row))
    if number_format:
        chart.y_axis.numFmt = number_format
    ws.add_chart(chart, anchor)
    return chart
