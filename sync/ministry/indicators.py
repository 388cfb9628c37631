"""What the steering committee's workbook measures: the indicators (numerator, denominator, exclusions, in
French, Arabic and English) and, per form, how its records are placed in an academic year and broken down.

Everything the breakdown sheets show derives from the form declarations: a form's choice, multi-choice and
yes/no fields are its breakdowns (labels from the declaration and the reference data), its links bring in
the linked form's breakdowns. ``PROFILES`` only adds what a declaration cannot say: which numbers add up
(places, enrolled…), how a record belongs to a year, a cross-tabulation worth a table. A form without a
profile (a new one) still gets its sheet: a count of its live records by each of its choice fields, by
year when it has an academic-year field. Free-text fields are never shown, except those a profile names
as harmless categories (an internship's host sector); withheld fields never reach the national store, and
a pseudonymised one is only ever counted (``COUNT(DISTINCT …)``).

Measures are SQL expressions over a ``Scope`` (the form's table ``t`` and its linked tables), computed by
``sync.ministry.aggregates`` with conditional aggregation, one query per form and grouping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, true

from forms.definitions import ACADEMIC_YEAR_PATTERN, FORMS
from forms.i18n import NO_TEXT, Text
from forms.schema import FieldType

COUNT, SUM, DISTINCT, MEDIAN = "count", "sum", "distinct", "median"
NUMBER, RATE, MONEY, MONTHS = "#,##0", "0.0%", "#,##0.00", "0.0"
MOROCCO = ("maroc", "morocco", "المغرب", "ma")
"""Country names that mean « in Morocco » (as the internship form's host-place rule reads them)."""


@dataclass(frozen=True)
class Scope:
    """The tables a measure may read: ``t`` the form's own, ``links[field]`` the record a link points to."""

    t: Any
    links: dict[str, Any] = field(default_factory=dict)
    year: str | None = None
    dialect: str = "sqlite"

    @property
    def o(self) -> Any:
        return self.links["offering"]


Expr = Callable[[Scope], Any]


@dataclass(frozen=True)
class Measure:
    """One aggregate over a form's live records of the year: ``COUNT`` of records where ``where`` holds,
    ``SUM`` or ``MEDIAN`` of ``expr``, ``DISTINCT`` count of ``expr``."""

    key: str
    label: Text
    agg: str
    expr: Expr | None = None
    where: Expr | None = None
    fmt: str = NUMBER
    links: tuple[str, ...] = ()
    """Links the measure reads through (joined when it is computed)."""
    shown: bool = True
    """False for a helper (the denominator of a rate): in the notes, not as a column of the breakdowns."""


@dataclass(frozen=True)
class Indicator:
    key: str
    form: str
    label: Text
    numerator: str
    denominator: str | None
    fmt: str
    definition: Text
    exclusions: Text = NO_TEXT
    headline: bool = True


@dataclass(frozen=True)
class YearRule:
    """How a record belongs to academic year Y: ``equal`` (field = Y), ``since`` (field ≤ Y: an offering is
    open every year from its first one), ``date`` (the date falls between 1 September Y and 31 August Y+1)."""

    kind: str
    field: str


@dataclass(frozen=True)
class Profile:
    form: str
    year: YearRule | None
    measures: tuple[Measure, ...]
    links: tuple[str, ...] = ()
    """Link fields whose target's breakdowns apply to this form too (a cohort by its offering's domains)."""
    crosstabs: tuple[tuple[str, str], ...] = ()
    text_breakdowns: tuple[str, ...] = ()
    inherited: tuple[tuple[str, str], ...] = ()
    """Breakdowns by a field of the record a link points to: (link field, its field)."""
    trend_by: str | None = None
    """A breakdown (field, or ``link.field``) shown by academic year on the trends sheet."""


def _t(fr: str, ar: str, en: str) -> Text:
    return Text(fr, ar, en)


RECORDS = _t("Nombre", "العدد", "Number")


def _count(key: str = "records", label: Text = RECORDS, where: Expr | None = None, shown: bool = True) -> Measure:
    return Measure(key, label, COUNT, where=where, shown=shown)


def _sum(key: str, label: Text, expr: Expr, where: Expr | None = None, links: tuple[str, ...] = (),
         shown: bool = True) -> Measure:
    return Measure(key, label, SUM, expr, where, links=links, shown=shown)


def _known(column: str) -> Expr:
    return lambda s: s.t.c[column].isnot(None)


def _abroad(s: Scope) -> Any:
    country = func.lower(func.trim(s.t.c.host_country))
    return and_(s.t.c.host_country.isnot(None), func.trim(s.t.c.host_country) != "", country.notin_(MOROCCO))


def months(s: Scope) -> Any:
    """An internship's length in months (days ÷ 30.4375, as the form's own rule counts them)."""
    if s.dialect == "sqlite":
        days = func.julianday(s.t.c.end_date) - func.julianday(s.t.c.start_date)
    else:
        days = s.t.c.end_date - s.t.c.start_date
    return days * 1.0 / 30.4375


OFFERING_PROFILE = Profile(
    form="offering",
    year=YearRule("since", "first_academic_year"),
    measures=(
        _count("offerings", _t("Offres", "العروض", "Offerings")),
        _sum("places", _t("Places", "المقاعد", "Places"), lambda s: s.t.c.capacity),
        _count("new_offerings", _t("Nouvelles offres", "عروض جديدة", "New offerings"),
               where=lambda s: s.t.c.first_academic_year == s.year),
        _count("co_constructed", _t("Co-construites", "بشراكة", "Co-built"),
               where=lambda s: s.t.c.industry_partnered.is_(True)),
        _count("accredited", _t("Accréditées", "معتمدة", "Accredited"),
               where=lambda s: s.t.c.accreditation_status == "ACCREDITED"),
    ),
    crosstabs=(("domains", "training_type"),),
)

COHORT_PROFILE = Profile(
    form="cohort",
    year=YearRule("equal", "academic_year"),
    links=("offering",),
    measures=(
        _count("cohorts", _t("Cohortes", "الأفواج", "Cohorts")),
        _sum("enrolled", _t("Inscrits", "المسجلون", "Enrolled"), lambda s: s.t.c.enrolled),
        _sum("women", _t("Femmes", "الإناث", "Women"), lambda s: s.t.c.women),
        _sum("men", _t("Hommes", "الذكور", "Men"), lambda s: s.t.c.men),
        _sum("work_study", _t("Alternants", "المتناوبون", "Work-study"), lambda s: s.t.c.work_study),
        _sum("enrolled_ws", _t("Inscrits (alternance renseignée)", "المسجلون (التناوب معروف)",
                               "Enrolled (work-study known)"), lambda s: s.t.c.enrolled, _known("work_study"), shown=False),
        _sum("scholarship", _t("Boursiers", "الممنوحون", "Scholarship holders"), lambda s: s.t.c.scholarship),
        _sum("enrolled_sch", _t("Inscrits (bourses renseignées)", "المسجلون (المنح معروفة)",
                                "Enrolled (scholarships known)"), lambda s: s.t.c.enrolled, _known("scholarship"), shown=False),
        _sum("foreign", _t("Étrangers", "الأجانب", "Foreign"), lambda s: s.t.c.foreign),
        _sum("enrolled_for", _t("Inscrits (nationalité renseignée)", "المسجلون (الجنسية معروفة)",
                                "Enrolled (nationality known)"), lambda s: s.t.c.enrolled, _known("foreign"), shown=False),
        _sum("first_year_enrolled", _t("Inscrits en 1re année", "المسجلون في السنة الأولى", "First-year enrolled"),
             lambda s: s.t.c.enrolled, lambda s: s.t.c.year_of_study == 1),
        _sum("first_year_places", _t("Places des 1res années", "مقاعد السنة الأولى", "First-year places"),
             lambda s: s.o.c.capacity, lambda s: s.t.c.year_of_study == 1, links=("offering",)),
        _sum("graduates", _t("Diplômés", "الخريجون", "Graduates"), lambda s: s.t.c.graduates),
        _sum("dropouts", _t("Abandons", "المنقطعون", "Drop-outs"), lambda s: s.t.c.dropouts),
        _sum("enrolled_drop", _t("Inscrits (abandons renseignés)", "المسجلون (الانقطاع معروف)",
                                 "Enrolled (drop-outs known)"), lambda s: s.t.c.enrolled, _known("dropouts"), shown=False),
        _sum("employed_6m", _t("Insérés à 6 mois", "المدمجون بعد 6 أشهر", "Employed at 6 months"),
             lambda s: s.t.c.employed_6m, lambda s: s.t.c.graduates.isnot(None)),
        _sum("graduates_followed", _t("Diplômés suivis à 6 mois", "الخريجون المتتبعون", "Graduates followed up"),
             lambda s: s.t.c.graduates, _known("employed_6m"), shown=False),
    ),
    inherited=(("offering", "domains"), ("offering", "training_type"), ("offering", "level")),
    trend_by="offering.domains",
)

INTERNSHIP_PROFILE = Profile(
    form="internship",
    year=YearRule("date", "start_date"),
    links=("offering",),
    measures=(
        _count("internships", _t("Stages", "التداريب", "Internships")),
        Measure("students", _t("Étudiants distincts", "طلبة مختلفون", "Distinct students"), DISTINCT,
                lambda s: s.t.c.student_code),
        _count("women", _t("Femmes", "الإناث", "Women"), where=lambda s: s.t.c.gender == "F"),
        _count("abroad", _t("À l'étranger", "بالخارج", "Abroad"), where=_abroad),
        _count("paid", _t("Rémunérés", "مؤدى عنها", "Paid"), where=lambda s: s.t.c.monthly_stipend > 0),
        _count("completed", _t("Terminés", "منتهية", "Completed"), where=lambda s: s.t.c.outcome == "COMPLETED"),
        _count("ended", _t("Terminés ou abandonnés", "منتهية أو متخلى عنها", "Completed or abandoned"),
               where=lambda s: s.t.c.outcome.in_(("COMPLETED", "ABANDONED")), shown=False),
        _count("hired", _t("Recrutés", "موظفون", "Hired"),
               where=lambda s: and_(s.t.c.outcome == "COMPLETED", s.t.c.hired == "YES")),
        _count("hiring_known", _t("Terminés, recrutement connu", "منتهية، التوظيف معروف",
                                  "Completed, hiring known"),
               where=lambda s: and_(s.t.c.outcome == "COMPLETED", s.t.c.hired.in_(("YES", "NO"))), shown=False),
        Measure("median_months", _t("Durée médiane (mois)", "المدة الوسيطة (أشهر)", "Median length (months)"),
                MEDIAN, months, fmt=MONTHS),
        Measure("median_stipend", _t("Gratification médiane (MAD)", "المنحة الوسيطة (درهم)",
                                     "Median stipend (MAD)"), MEDIAN, lambda s: s.t.c.monthly_stipend,
                lambda s: s.t.c.monthly_stipend > 0, fmt=MONEY),
    ),
    inherited=(("offering", "training_type"), ("offering", "level")),
    text_breakdowns=("host_sector",),
    trend_by="domain",
)

PROFILES: dict[str, Profile] = {p.form: p for p in (OFFERING_PROFILE, COHORT_PROFILE, INTERNSHIP_PROFILE)}


def profile(form_key: str) -> Profile:
    """The form's profile, or one derived from its declaration alone (a form added later)."""
    if form_key in PROFILES:
        return PROFILES[form_key]
    form = FORMS[form_key]
    year = None
    for f in form.fields:
        if f.pattern == ACADEMIC_YEAR_PATTERN:
            year = YearRule("equal", f.key)
            break
    else:
        dates = [f for f in form.fields if f.type is FieldType.DATE and f.required]
        if dates:
            year = YearRule("date", dates[0].key)
    return Profile(form_key, year, (_count(),))


def breakdown_fields(form_key: str, kept: set[str]) -> list[str]:
    """The form's own breakdowns: every choice, multi-choice and yes/no field the ministry receives."""
    out = []
    for f in FORMS[form_key].fields:
        if f.key in kept and (f.is_choice or f.type is FieldType.BOOLEAN):
            out.append(f.key)
    return out


# --------------------------------------------------------------------------------------- indicators
def _ind(key: str, form: str, label: Text, num: str, den: str | None, fmt: str, definition: Text,
         exclusions: Text = Text("")) -> Indicator:
    return Indicator(key, form, label, num, den, fmt, definition, exclusions)


INDICATORS: tuple[Indicator, ...] = (
    _ind("offerings", "offering", _t("Offres de formation ouvertes", "عروض التكوين المفتوحة", "Course offerings open"),
         "offerings", None, NUMBER,
         _t("Offres dont la première année universitaire est l'année du rapport ou une année antérieure.",
            "العروض التي تكون سنتها الجامعية الأولى هي سنة التقرير أو سنة سابقة.",
            "Offerings whose first academic year is the report's year or an earlier one."),
         _t("Offres supprimées ; brouillons (jamais transmis).", "العروض المحذوفة؛ المسودات (لا ترسل أبدا).",
            "Deleted offerings; drafts (never sent).")),
    _ind("places", "offering", _t("Places offertes", "المقاعد المتاحة", "Places offered"), "places", None, NUMBER,
         _t("Somme des capacités (places) des offres ouvertes.", "مجموع الطاقة الاستيعابية للعروض المفتوحة.",
            "Sum of the capacity (places) of the offerings open."),
         _t("Une offre à plusieurs domaines compte dans chacun de ses domaines, une seule fois dans un total.",
            "العرض متعدد المجالات يحسب في كل مجال من مجالاته ومرة واحدة في المجموع.",
            "A multi-domain offering counts in each of its domains, once in a total.")),
    _ind("co_constructed_share", "offering", _t("Part des offres co-construites", "نسبة العروض المبنية بشراكة",
                                                "Share of co-built offerings"), "co_constructed", "offerings", RATE,
         _t("Offres co-construites avec un partenaire industriel ÷ offres ouvertes.",
            "العروض المبنية بشراكة مع فاعل صناعي ÷ العروض المفتوحة.",
            "Offerings co-built with an industry partner ÷ offerings open.")),
    _ind("accredited_share", "offering", _t("Part des offres accréditées", "نسبة العروض المعتمدة",
                                            "Share of accredited offerings"), "accredited", "offerings", RATE,
         _t("Offres au statut « accréditée » ÷ offres ouvertes.", "العروض المعتمدة ÷ العروض المفتوحة.",
            "Offerings with status « accredited » ÷ offerings open.")),
    _ind("enrolled", "cohort", _t("Étudiants inscrits", "الطلبة المسجلون", "Students enrolled"), "enrolled", None,
         NUMBER, _t("Somme des effectifs inscrits des cohortes de l'année universitaire.",
                    "مجموع المسجلين في أفواج السنة الجامعية.", "Sum of enrolled of the academic year's cohorts."),
         _t("Cohortes supprimées.", "الأفواج المحذوفة.", "Deleted cohorts.")),
    _ind("women_share", "cohort", _t("Part des femmes (inscrits)", "نسبة الإناث (المسجلون)",
                                     "Share of women (enrolled)"), "women", "enrolled", RATE,
         _t("Femmes ÷ inscrits, cohortes de l'année.", "الإناث ÷ المسجلون، أفواج السنة.",
            "Women ÷ enrolled, the year's cohorts.")),
    _ind("work_study_share", "cohort", _t("Part des alternants", "نسبة المتناوبين", "Share in work-study"),
         "work_study", "enrolled_ws", RATE,
         _t("Alternants ÷ inscrits des cohortes où le nombre d'alternants est renseigné.",
            "المتناوبون ÷ المسجلون في الأفواج التي يعرف فيها عدد المتناوبين.",
            "Work-study students ÷ enrolled, in cohorts where the number is given."),
         _t("Cohortes sans le nombre d'alternants (numérateur et dénominateur).",
            "الأفواج بدون عدد المتناوبين (البسط والمقام).", "Cohorts without the number (both terms).")),
    _ind("scholarship_share", "cohort", _t("Part des boursiers", "نسبة الممنوحين", "Share of scholarship holders"),
         "scholarship", "enrolled_sch", RATE,
         _t("Boursiers ÷ inscrits des cohortes où le nombre de boursiers est renseigné.",
            "الممنوحون ÷ المسجلون في الأفواج التي يعرف فيها عدد الممنوحين.",
            "Scholarship holders ÷ enrolled, in cohorts where the number is given."),
         _t("Cohortes sans le nombre de boursiers.", "الأفواج بدون عدد الممنوحين.", "Cohorts without the number.")),
    _ind("foreign_share", "cohort", _t("Part des étudiants étrangers", "نسبة الطلبة الأجانب",
                                       "Share of foreign students"), "foreign", "enrolled_for", RATE,
         _t("Étudiants étrangers ÷ inscrits des cohortes où ce nombre est renseigné.",
            "الطلبة الأجانب ÷ المسجلون في الأفواج التي يعرف فيها هذا العدد.",
            "Foreign students ÷ enrolled, in cohorts where the number is given."),
         _t("Cohortes sans ce nombre.", "الأفواج بدون هذا العدد.", "Cohorts without the number.")),
    _ind("fill_rate", "cohort", _t("Taux de remplissage en 1re année", "نسبة ملء السنة الأولى", "First-year fill rate"),
         "first_year_enrolled", "first_year_places", RATE,
         _t("Inscrits des cohortes de 1re année ÷ places (capacité) de leurs offres.",
            "المسجلون في أفواج السنة الأولى ÷ مقاعد عروضها.",
            "Enrolled in first-year cohorts ÷ the places (capacity) of their offerings."),
         _t("Offres sans cohorte de 1re année cette année.", "العروض بدون فوج سنة أولى هذه السنة.",
            "Offerings with no first-year cohort this year.")),
    _ind("graduates", "cohort", _t("Diplômés", "الخريجون", "Graduates"), "graduates", None, NUMBER,
         _t("Somme des diplômés des cohortes de l'année.", "مجموع خريجي أفواج السنة.",
            "Sum of graduates of the year's cohorts."),
         _t("Cohortes où le nombre de diplômés n'est pas encore connu.", "الأفواج التي لم يعرف عدد خريجيها بعد.",
            "Cohorts whose graduates are not known yet.")),
    _ind("dropout_rate", "cohort", _t("Taux d'abandon", "نسبة الانقطاع", "Drop-out rate"), "dropouts",
         "enrolled_drop", RATE,
         _t("Abandons ÷ inscrits des cohortes où les abandons sont renseignés.",
            "المنقطعون ÷ المسجلون في الأفواج التي يعرف فيها الانقطاع.",
            "Drop-outs ÷ enrolled, in cohorts where drop-outs are given."),
         _t("Cohortes sans le nombre d'abandons.", "الأفواج بدون عدد المنقطعين.", "Cohorts without the number.")),
    _ind("insertion_rate", "cohort", _t("Insertion professionnelle à 6 mois", "الإدماج المهني بعد 6 أشهر",
                                        "Employment at 6 months"), "employed_6m", "graduates_followed", RATE,
         _t("Diplômés en emploi 6 mois après le diplôme ÷ diplômés, cohortes de l'année où les deux sont connus.",
            "الخريجون العاملون بعد 6 أشهر ÷ الخريجون، في أفواج السنة التي يعرف فيها العددان.",
            "Graduates employed 6 months after graduating ÷ graduates, the year's cohorts where both are known."),
         _t("Cohortes dont l'insertion n'est pas encore mesurée (l'année en cours, le plus souvent).",
            "الأفواج التي لم يقس إدماجها بعد (غالبا السنة الجارية).",
            "Cohorts whose employment is not measured yet (usually the current year).")),
    _ind("internships", "internship", _t("Stages", "التداريب", "Internships"), "internships", None, NUMBER,
         _t("Stages commencés entre le 1er septembre et le 31 août de l'année universitaire.",
            "التداريب التي بدأت بين 1 شتنبر و31 غشت من السنة الجامعية.",
            "Internships starting between 1 September and 31 August of the academic year."),
         _t("Stages supprimés.", "التداريب المحذوفة.", "Deleted internships.")),
    _ind("students", "internship", _t("Étudiants distincts en stage", "طلبة مختلفون في التدريب",
                                      "Distinct students in internships"), "students", None, NUMBER,
         _t("Nombre de pseudonymes d'étudiants distincts : un étudiant qui fait deux stages compte une fois.",
            "عدد الأسماء المستعارة المختلفة للطلبة: الطالب الذي يقوم بتدريبين يحسب مرة واحدة.",
            "Number of distinct student pseudonyms: a student with two internships counts once."),
         _t("Stages sans code d'étudiant ; les codes eux-mêmes ne figurent nulle part dans ce classeur.",
            "التداريب بدون رمز الطالب؛ الرموز نفسها لا تظهر في هذا المصنف.",
            "Internships without a student code; the codes themselves appear nowhere in this workbook.")),
    _ind("internship_women_share", "internship", _t("Part des femmes (stages)", "نسبة الإناث (التداريب)",
                                                    "Share of women (internships)"), "women", "internships", RATE,
         _t("Stages d'étudiantes ÷ stages.", "تداريب الطالبات ÷ التداريب.", "Internships by women ÷ internships.")),
    _ind("abroad_share", "internship", _t("Part des stages à l'étranger", "نسبة التداريب بالخارج",
                                          "Share abroad"), "abroad", "internships", RATE,
         _t("Stages dont le pays d'accueil n'est pas le Maroc ÷ stages.",
            "التداريب التي بلدها ليس المغرب ÷ التداريب.", "Internships hosted outside Morocco ÷ internships.")),
    _ind("median_months", "internship", _t("Durée médiane d'un stage (mois)", "المدة الوسيطة للتدريب (أشهر)",
                                           "Median internship length (months)"), "median_months", None, MONTHS,
         _t("Médiane de (fin − début) en jours ÷ 30,4375.", "وسيط (النهاية − البداية) بالأيام ÷ 30.4375.",
            "Median of (end − start) in days ÷ 30.4375.")),
    _ind("paid_share", "internship", _t("Part des stages rémunérés", "نسبة التداريب المؤدى عنها",
                                        "Share of paid internships"), "paid", "internships", RATE,
         _t("Stages avec une gratification mensuelle > 0 ÷ stages.", "التداريب بمنحة شهرية > 0 ÷ التداريب.",
            "Internships with a monthly stipend > 0 ÷ internships."),
         _t("Une gratification non renseignée compte comme non rémunérée.", "المنحة غير المذكورة تعتبر بدون أجر.",
            "A stipend not given counts as unpaid.")),
    _ind("median_stipend", "internship", _t("Gratification médiane (MAD)", "المنحة الوسيطة (درهم)",
                                            "Median stipend (MAD)"), "median_stipend", None, MONEY,
         _t("Médiane des gratifications mensuelles des stages rémunérés.", "وسيط المنح الشهرية للتداريب المؤدى عنها.",
            "Median monthly stipend of paid internships."),
         _t("Stages non rémunérés.", "التداريب بدون أجر.", "Unpaid internships.")),
    _ind("completion_rate", "internship", _t("Taux d'achèvement des stages", "نسبة إتمام التداريب",
                                             "Internship completion rate"), "completed", "ended", RATE,
         _t("Stages terminés ÷ stages terminés ou abandonnés.", "التداريب المنتهية ÷ المنتهية أو المتخلى عنها.",
            "Completed ÷ completed or abandoned internships."),
         _t("Stages en cours.", "التداريب الجارية.", "Ongoing internships.")),
    _ind("hired_share", "internship", _t("Part des stagiaires recrutés", "نسبة المتدربين الموظفين",
                                         "Share of interns hired"), "hired", "hiring_known", RATE,
         _t("Stages terminés suivis d'un recrutement par l'organisme ÷ stages terminés dont l'issue est connue.",
            "التداريب المنتهية المتبوعة بتوظيف ÷ التداريب المنتهية المعروفة النتيجة.",
            "Completed internships followed by hiring by the host ÷ completed ones whose answer is known."),
         _t("Recrutement « inconnu » ; stages en cours ou abandonnés.", "التوظيف « غير معروف »؛ التداريب الجارية أو المتخلى عنها.",
            "Hiring « unknown »; ongoing or abandoned internships.")),
)
"""The headline indicators, in the order of the summary sheet; each a ratio of two measures of one form's
profile (or a measure alone)."""


def indicator_value(ind: Indicator, values: dict[str, Any]) -> float | int | None:
    """The indicator from its measures (None when the denominator is 0 or unknown)."""
    num = values.get(ind.numerator)
    if ind.denominator is None:
        return num if num is not None else (None if ind.fmt in (MONTHS, MONEY) else 0)
    den = values.get(ind.denominator) or 0
    return (num or 0) / den if den else None


def measure_where(m: Measure, scope: Scope) -> Any:
    return m.where(scope) if m.where is not None else true()


