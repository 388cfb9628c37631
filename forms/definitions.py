"""The forms of the programme, each declared once.

Everything else (store tables, validation, the command line, the editor, Excel, bundles, the ministry's
tables) is derived from these declarations. Adding a field is one ``Field(...)`` here plus one Alembic
migration.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from forms.i18n import Text
from forms.reference import Choice, reference
from forms.schema import (
    AppliesWhen,
    Field,
    FieldType,
    Form,
    Issue,
    LinkCondition,
    LinkRule,
    Rule,
    Severity,
    Sharing,
)

T = FieldType
WITHHELD, PSEUDONYMISED = Sharing.WITHHELD, Sharing.PSEUDONYMISED

ACADEMIC_YEAR_PATTERN = r"(19|20)\d{2}-(19|20)\d{2}"
ACADEMIC_YEAR_HINT = Text("année universitaire de la forme 2025-2026", "سنة جامعية على شكل 2025-2026",
                          "academic year such as 2025-2026")
STUDENT_CODE_PATTERN = r"[A-Za-z0-9][A-Za-z0-9-]{4,19}"
ICE_PATTERN = r"\d{15}"
OFFERING_CODE_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}"

MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2100, 12, 31)


def _options(*rows: tuple[str, str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(code, Text(fr, ar, en)) for code, fr, ar, en in rows)


DURATION_UNITS = _options(
    ("MONTHS", "Mois", "أشهر", "Months"),
    ("HOURS", "Heures", "ساعات", "Hours"),
)
DELIVERY_MODES = _options(
    ("ONSITE", "Présentiel", "حضوري", "On site"),
    ("HYBRID", "Hybride", "مختلط", "Hybrid"),
    ("REMOTE", "À distance", "عن بعد", "Remote"),
)
LANGUAGES = _options(
    ("FR", "Français", "الفرنسية", "French"),
    ("AR", "Arabe", "العربية", "Arabic"),
    ("EN", "Anglais", "الإنجليزية", "English"),
    ("ES", "Espagnol", "الإسبانية", "Spanish"),
    ("ZGH", "Amazighe", "الأمازيغية", "Amazigh"),
)
ACCREDITATION_STATUSES = _options(
    ("ACCREDITED", "Accréditée", "معتمدة", "Accredited"),
    ("PENDING", "En cours d'accréditation", "قيد الاعتماد", "Accreditation pending"),
    ("NOT_REQUIRED", "Non soumise à accréditation", "غير خاضعة للاعتماد", "Not subject to accreditation"),
    ("EXPIRED", "Accréditation expirée", "اعتماد منتهي", "Accreditation expired"),
)
GENDERS = _options(
    ("F", "Femme", "أنثى", "Female"),
    ("M", "Homme", "ذكر", "Male"),
)
OUTCOMES = _options(
    ("ONGOING", "En cours", "جارٍ", "Ongoing"),
    ("COMPLETED", "Terminé", "منتهٍ", "Completed"),
    ("ABANDONED", "Abandonné", "متخلى عنه", "Abandoned"),
)
HIRED = _options(
    ("YES", "Oui", "نعم", "Yes"),
    ("NO", "Non", "لا", "No"),
    ("UNKNOWN", "Inconnu", "غير معروف", "Unknown"),
)

S_IDENT = Text("Identification", "التعريف", "Identification")
S_CONTENT = Text("Contenu de la formation", "محتوى التكوين", "Programme")
S_ORG = Text("Organisation", "التنظيم", "Organisation")
S_PARTNER = Text("Partenariat et accréditation", "الشراكة والاعتماد", "Partnership and accreditation")
S_COUNTS = Text("Effectifs", "الأعداد", "Headcounts")
S_OUTCOMES = Text("Résultats", "النتائج", "Outcomes")
S_STUDENT = Text("Étudiant", "الطالب", "Student")
S_TRAINING = Text("Formation", "التكوين", "Training")
S_HOST = Text("Organisme d'accueil", "الجهة المستقبلة", "Host organisation")
S_PERIOD = Text("Période et conditions", "المدة والشروط", "Period and terms")
S_FOLLOW = Text("Encadrement et résultat", "التأطير والنتيجة", "Supervision and outcome")


def issue(fields: tuple[str, ...], fr: str, ar: str, en: str, severity: Severity = Severity.ERROR,
          code: str = "", **kw: Any) -> Issue:
    return Issue(fields, Text(fr, ar, en).format(**kw), severity, code)


def _academic_year_consecutive(key: str) -> Rule:
    def check(v: Mapping[str, Any]) -> Iterator[Issue]:
        parts = str(v[key]).split("-")
        if len(parts) != 2 or not all(part.isdecimal() for part in parts):
            return  # not of the form AAAA-AAAA: the field's own pattern check reports it
        start, end = (int(part) for part in parts)
        if end != start + 1:
            yield issue((key,), "l'année universitaire doit couvrir deux années consécutives ({value})",
                        "يجب أن تغطي السنة الجامعية سنتين متتاليتين ({value})",
                        "the academic year must span two consecutive years ({value})",
                        code="academic_year", value=v[key])
    return Rule(f"{key}_consecutive", (key,), check,
                Text("Année universitaire AAAA-AAAA+1", "سنة جامعية AAAA-AAAA+1", "Academic year YYYY-YYYY+1"))


# --------------------------------------------------------------------------------------------------
# Course offering
# --------------------------------------------------------------------------------------------------

def _offering_duration(v: Mapping[str, Any]) -> Iterator[Issue]:
    unit, duration = v["duration_unit"], v["duration"]
    if unit == "MONTHS" and duration > 72:
        yield issue(("duration", "duration_unit"), "une durée de {d} mois dépasse 72 mois : vérifiez l'unité",
                    "مدة {d} شهرا تتجاوز 72 شهرا: تحقق من الوحدة",
                    "a duration of {d} months exceeds 72 months: check the unit", code="duration", d=duration)
    if unit == "HOURS" and duration > 3000:
        yield issue(("duration", "duration_unit"), "une durée de {d} heures dépasse 3000 heures",
                    "مدة {d} ساعة تتجاوز 3000 ساعة", "a duration of {d} hours exceeds 3000 hours",
                    code="duration", d=duration)


def _offering_unit_for_continuing(v: Mapping[str, Any]) -> Iterator[Issue]:
    if v["training_type"] == "CONTINUING" and v["duration_unit"] != "HOURS":
        yield issue(("duration_unit",), "la durée d'une formation continue s'exprime d'habitude en heures",
                    "تُحسب مدة التكوين المستمر عادة بالساعات",
                    "continuing education is usually measured in hours", Severity.WARNING, "duration_unit")
    if v["training_type"] != "CONTINUING" and v["duration_unit"] == "HOURS":
        yield issue(("duration_unit",), "la durée d'une formation initiale s'exprime d'habitude en mois",
                    "تُحسب مدة التكوين الأساسي عادة بالأشهر",
                    "initial training is usually measured in months", Severity.WARNING, "duration_unit")


def _offering_partner(v: Mapping[str, Any]) -> Iterator[Issue]:
    if v["industry_partnered"] and not v.get("partner_name"):
        yield issue(("partner_name",), "le nom du partenaire est obligatoire pour une offre co-construite",
                    "اسم الشريك إلزامي لعرض مبني بشراكة", "the partner's name is required for a co-built offering",
                    code="required")
    if not v["industry_partnered"] and v.get("partner_name"):
        yield issue(("partner_name", "industry_partnered"),
                    "un partenaire est nommé mais l'offre n'est pas indiquée comme co-construite",
                    "تم ذكر شريك لكن العرض غير مشار إليه كمبني بشراكة",
                    "a partner is named but the offering is not marked as co-built", Severity.WARNING, "partner")


def _offering_accreditation(v: Mapping[str, Any]) -> Iterator[Issue]:
    status, when = v["accreditation_status"], v.get("accreditation_date")
    if status in ("ACCREDITED", "EXPIRED") and when is None:
        yield issue(("accreditation_date",), "la date d'accréditation est obligatoire pour ce statut",
                    "تاريخ الاعتماد إلزامي لهذه الحالة", "the accreditation date is required for this status",
                    code="required")
    if when is not None and when > date.today():
        yield issue(("accreditation_date",), "la date d'accréditation est dans le futur",
                    "تاريخ الاعتماد في المستقبل", "the accreditation date is in the future", code="future")


OFFERING = Form(
    key="offering",
    icon="SP_FileDialogDetailedView",
    label=Text("Offre de formation", "عرض التكوين", "Course offering"),
    plural=Text("Offres de formation", "عروض التكوين", "Course offerings"),
    natural_key=("code",),
    title=lambda v: f"{v.get('code') or ''} — {v.get('title') or ''}",
    search=("code", "title", "first_academic_year"),
    fields=(
        Field("code", T.IDENTIFIER, Text("Code de l'offre", "رمز العرض", "Offering code"),
              Text("Code interne unique dans l'établissement (ex. : MS-CYBER)", "رمز داخلي فريد داخل المؤسسة",
                   "Internal code, unique in the establishment"),
              required=True, pattern=OFFERING_CODE_PATTERN,
              pattern_hint=Text("lettres, chiffres, « . _ / - », 40 caractères au plus",
                                "حروف وأرقام و« . _ / - »، 40 حرفا على الأكثر",
                                "letters, digits, '. _ / -', at most 40 characters"),
              max_length=40, section=S_IDENT, list_column=True),
        Field("title", T.TEXT, Text("Intitulé", "العنوان", "Title"), required=True, max_length=250,
              section=S_IDENT, list_column=True),
        Field("domains", T.MULTI_CHOICE, Text("Domaine(s)", "المجال (المجالات)", "Domain(s)"),
              Text("Un ou plusieurs domaines du programme", "مجال أو أكثر من مجالات البرنامج",
                   "One or more of the programme's domains"),
              required=True, reference="domains", section=S_CONTENT, list_column=True),
        Field("training_type", T.CHOICE, Text("Type de formation", "نوع التكوين", "Training type"),
              required=True, reference="training_types", section=S_CONTENT, list_column=True),
        Field("level", T.CHOICE, Text("Niveau", "المستوى", "Level"), required=True, reference="levels",
              section=S_CONTENT, list_column=True),
        Field("duration", T.INTEGER, Text("Durée", "المدة", "Duration"),
              Text("En mois (ou en heures pour la formation continue)", "بالأشهر (أو بالساعات للتكوين المستمر)",
                   "In months (or hours for continuing education)"),
              required=True, min=1, max=6000, section=S_CONTENT),
        Field("duration_unit", T.CHOICE, Text("Unité de durée", "وحدة المدة", "Duration unit"), required=True,
              options=DURATION_UNITS, section=S_CONTENT),
        Field("capacity", T.INTEGER, Text("Capacité (places)", "الطاقة الاستيعابية (مقاعد)", "Capacity (places)"),
              required=True, min=1, max=10000, section=S_ORG, list_column=True),
        Field("first_academic_year", T.IDENTIFIER,
              Text("Première année universitaire", "السنة الجامعية الأولى", "First academic year"),
              Text("Ex. : 2025-2026", "مثال: 2025-2026", "E.g. 2025-2026"), required=True,
              pattern=ACADEMIC_YEAR_PATTERN, pattern_hint=ACADEMIC_YEAR_HINT, max_length=9, section=S_ORG,
              list_column=True),
        Field("delivery_mode", T.CHOICE, Text("Mode d'enseignement", "نمط التدريس", "Delivery mode"),
              required=True, options=DELIVERY_MODES, section=S_ORG),
        Field("languages", T.MULTI_CHOICE, Text("Langue(s) d'enseignement", "لغة (لغات) التدريس",
                                               "Language(s) of instruction"),
              required=True, options=LANGUAGES, section=S_ORG),
        Field("campus_city", T.TEXT, Text("Ville du campus", "مدينة الحرم", "Campus city"), required=True,
              max_length=100, section=S_ORG),
        Field("region", T.CHOICE, Text("Région", "الجهة", "Region"), required=True, reference="regions",
              section=S_ORG, list_column=True),
        Field("industry_partnered", T.BOOLEAN,
              Text("Co-construite avec un partenaire industriel", "مبنية بشراكة مع فاعل صناعي",
                   "Co-built with an industry partner"),
              required=True, section=S_PARTNER),
        Field("partner_name", T.TEXT, Text("Nom du partenaire", "اسم الشريك", "Partner name"), max_length=200,
              section=S_PARTNER),
        Field("accreditation_status", T.CHOICE, Text("Statut d'accréditation", "حالة الاعتماد",
                                                    "Accreditation status"),
              required=True, options=ACCREDITATION_STATUSES, section=S_PARTNER),
        Field("accreditation_date", T.DATE, Text("Date d'accréditation", "تاريخ الاعتماد", "Accreditation date"),
              min=date(1990, 1, 1), max=MAX_DATE, section=S_PARTNER,
              applies_when=AppliesWhen("accreditation_status", unless=("NOT_REQUIRED",))),
        Field("contact_email", T.EMAIL, Text("E-mail de contact", "البريد الإلكتروني للاتصال", "Contact e-mail"),
              required=True, max_length=254, section=S_PARTNER, sharing=WITHHELD),
    ),
    rules=(
        _academic_year_consecutive("first_academic_year"),
        Rule("duration_bounds", ("duration", "duration_unit"), _offering_duration,
             Text("Durée plausible pour son unité", "مدة معقولة حسب وحدتها", "Plausible duration for its unit")),
        Rule("duration_unit_type", ("training_type", "duration_unit"), _offering_unit_for_continuing,
             Text("Unité habituelle selon le type de formation", "الوحدة المعتادة حسب نوع التكوين",
                  "Usual unit for the training type")),
        Rule("partner", ("industry_partnered",), _offering_partner,
             Text("Partenaire nommé si et seulement si co-construite", "ذكر الشريك عند الشراكة فقط",
                  "Partner named if and only if co-built")),
        Rule("accreditation", ("accreditation_status",), _offering_accreditation,
             Text("Date d'accréditation cohérente avec le statut", "تاريخ اعتماد متسق مع الحالة",
                  "Accreditation date consistent with status")),
    ),
)

# --------------------------------------------------------------------------------------------------
# Cohort
# --------------------------------------------------------------------------------------------------

def _cohort_gender_sum(v: Mapping[str, Any]) -> Iterator[Issue]:
    if v["women"] + v["men"] != v["enrolled"]:
        yield issue(("women", "men", "enrolled"),
                    "femmes ({w}) + hommes ({m}) = {s}, différent de l'effectif inscrit ({e})",
                    "الإناث ({w}) + الذكور ({m}) = {s}، يختلف عن عدد المسجلين ({e})",
                    "women ({w}) + men ({m}) = {s}, not the enrolled total ({e})",
                    code="gender_sum", w=v["women"], m=v["men"], s=v["women"] + v["men"], e=v["enrolled"])


def _not_above_enrolled(key: str, fr: str, ar: str, en: str) -> Rule:
    def check(v: Mapping[str, Any]) -> Iterator[Issue]:
        if v[key] > v["enrolled"]:
            yield issue((key, "enrolled"), f"{fr} ({{n}}) dépasse l'effectif inscrit ({{e}})",
                        f"{ar} ({{n}}) يتجاوز عدد المسجلين ({{e}})", f"{en} ({{n}}) exceed the enrolled total ({{e}})",
                        code="above_enrolled", n=v[key], e=v["enrolled"])
    return Rule(f"{key}_le_enrolled", (key, "enrolled"), check,
                Text(f"{fr} ≤ inscrits", f"{ar} ≤ المسجلون", f"{en} ≤ enrolled"))


def _cohort_exits(v: Mapping[str, Any]) -> Iterator[Issue]:
    graduates, dropouts = v.get("graduates") or 0, v.get("dropouts") or 0
    if graduates + dropouts > v["enrolled"]:
        yield issue(("graduates", "dropouts", "enrolled"),
                    "diplômés ({g}) + abandons ({d}) dépassent l'effectif inscrit ({e})",
                    "الخريجون ({g}) + المنقطعون ({d}) يتجاوزون عدد المسجلين ({e})",
                    "graduates ({g}) + drop-outs ({d}) exceed the enrolled total ({e})",
                    code="exits", g=graduates, d=dropouts, e=v["enrolled"])


def _cohort_employed(v: Mapping[str, Any]) -> Iterator[Issue]:
    graduates = v.get("graduates")
    if graduates is None:
        yield issue(("employed_6m", "graduates"), "des diplômés insérés sont indiqués sans nombre de diplômés",
                    "تم ذكر خريجين مدمجين دون عدد الخريجين", "employed graduates given without a number of graduates",
                    code="employed")
    elif v["employed_6m"] > graduates:
        yield issue(("employed_6m", "graduates"), "diplômés insérés ({n}) supérieurs au nombre de diplômés ({g})",
                    "الخريجون المدمجون ({n}) أكثر من عدد الخريجين ({g})",
                    "employed graduates ({n}) exceed graduates ({g})", code="employed", n=v["employed_6m"],
                    g=graduates)


def _cohort_final_year(v: Mapping[str, Any]) -> Iterator[Issue]:
    if not v["final_year"] and (v.get("graduates") or 0) > 0:
        yield issue(("graduates", "final_year"), "des diplômés sont indiqués pour une cohorte qui n'est pas en "
                    "année terminale", "تم ذكر خريجين لفوج ليس في السنة النهائية",
                    "graduates are given for a cohort that is not in its final year", Severity.WARNING,
                    "final_year")
    if v["final_year"] and v.get("graduates") is None:
        yield issue(("graduates",), "cohorte en année terminale : indiquez le nombre de diplômés dès qu'il est "
                    "connu", "فوج في السنة النهائية: أدخل عدد الخريجين عند معرفته",
                    "final-year cohort: give the number of graduates once known", Severity.WARNING, "final_year")


def _cohort_against_offering(v: Mapping[str, Any], linked: Mapping[str, Mapping[str, Any]]) -> Iterator[Issue]:
    offering = linked["offering"]
    level = reference("levels").get(offering.get("level") or "")
    years = int(level.extra.get("typical_years") or 0) if level else 0
    if years and v.get("year_of_study") and v["year_of_study"] > years:
        yield issue(("year_of_study",), "année d'études {y} au-delà de la durée habituelle du niveau ({n} ans)",
                    "سنة الدراسة {y} تتجاوز المدة المعتادة للمستوى ({n} سنوات)",
                    "year of study {y} beyond the level's usual length ({n} years)", Severity.WARNING,
                    "year_of_study", y=v["year_of_study"], n=years)
    first = offering.get("first_academic_year")
    year = v.get("academic_year")
    if first and year and year[:4].isdigit() and first[:4].isdigit() and year[:4] < first[:4]:
        yield issue(("academic_year",), "année {y} antérieure à la première année de l'offre ({f})",
                    "السنة {y} سابقة للسنة الأولى للعرض ({f})", "year {y} is before the offering's first year ({f})",
                    Severity.WARNING, "before_first_year", y=year, f=first)


COHORT = Form(
    key="cohort",
    icon="SP_DirIcon",
    label=Text("Cohorte", "فوج", "Cohort"),
    plural=Text("Cohortes", "الأفواج", "Cohorts"),
    natural_key=("offering", "academic_year", "year_of_study"),
    title=lambda v: f"{v.get('academic_year') or ''} — {v.get('year_of_study') or ''}",
    fields=(
        Field("offering", T.LINK, Text("Offre de formation", "عرض التكوين", "Course offering"), required=True,
              link="offering", section=S_IDENT, list_column=True),
        Field("academic_year", T.IDENTIFIER, Text("Année universitaire", "السنة الجامعية", "Academic year"),
              Text("Ex. : 2025-2026", "مثال: 2025-2026", "E.g. 2025-2026"), required=True,
              pattern=ACADEMIC_YEAR_PATTERN, pattern_hint=ACADEMIC_YEAR_HINT, max_length=9, section=S_IDENT,
              list_column=True),
        Field("year_of_study", T.INTEGER, Text("Année d'études", "سنة الدراسة", "Year of study"), required=True,
              min=1, max=5, section=S_IDENT, list_column=True),
        Field("final_year", T.BOOLEAN, Text("Année terminale", "السنة النهائية", "Final year"), required=True,
              section=S_IDENT),
        Field("enrolled", T.INTEGER, Text("Effectif inscrit", "عدد المسجلين", "Enrolled"), required=True,
              min=0, max=100000, section=S_COUNTS, list_column=True),
        Field("women", T.INTEGER, Text("Femmes", "الإناث", "Women"), required=True, min=0, max=100000,
              section=S_COUNTS, list_column=True),
        Field("men", T.INTEGER, Text("Hommes", "الذكور", "Men"), required=True, min=0, max=100000,
              section=S_COUNTS, list_column=True),
        Field("work_study", T.INTEGER, Text("En alternance", "بالتناوب", "Work-study"), min=0, max=100000,
              section=S_COUNTS),
        Field("scholarship", T.INTEGER, Text("Boursiers", "الممنوحون", "Scholarship holders"), min=0, max=100000,
              section=S_COUNTS),
        Field("foreign", T.INTEGER, Text("Étudiants étrangers", "الطلبة الأجانب", "Foreign students"), min=0,
              max=100000, section=S_COUNTS),
        Field("graduates", T.INTEGER, Text("Diplômés", "الخريجون", "Graduates"),
              Text("Pour les cohortes en année terminale", "لأفواج السنة النهائية", "For final-year cohorts"),
              min=0, max=100000, section=S_OUTCOMES),
        Field("dropouts", T.INTEGER, Text("Abandons", "المنقطعون", "Drop-outs"), min=0, max=100000,
              section=S_OUTCOMES),
        Field("employed_6m", T.INTEGER, Text("Diplômés insérés à 6 mois", "الخريجون المدمجون بعد 6 أشهر",
                                            "Graduates employed at 6 months"),
              min=0, max=100000, section=S_OUTCOMES),
    ),
    rules=(
        _academic_year_consecutive("academic_year"),
        Rule("gender_sum", ("women", "men", "enrolled"), _cohort_gender_sum,
             Text("Femmes + hommes = inscrits", "الإناث + الذكور = المسجلون", "Women + men = enrolled")),
        Rule("exits", ("enrolled",), _cohort_exits,
             Text("Diplômés + abandons ≤ inscrits", "الخريجون + المنقطعون ≤ المسجلون",
                  "Graduates + drop-outs ≤ enrolled")),
        _not_above_enrolled("work_study", "les alternants", "المتناوبون", "work-study students"),
        _not_above_enrolled("scholarship", "les boursiers", "الممنوحون", "scholarship holders"),
        _not_above_enrolled("foreign", "les étudiants étrangers", "الطلبة الأجانب", "foreign students"),
        Rule("employed", ("employed_6m",), _cohort_employed,
             Text("Insérés ≤ diplômés", "المدمجون ≤ الخريجون", "Employed ≤ graduates")),
        Rule("final_year", ("final_year",), _cohort_final_year,
             Text("Diplômés pour les cohortes terminales", "الخريجون لأفواج السنة النهائية",
                  "Graduates for final-year cohorts")),
    ),
    link_rules=(
        LinkRule("offering_years", ("offering",), _cohort_against_offering,
                 Text("Année d'études et année universitaire cohérentes avec l'offre (avertissement)",
                      "سنة الدراسة والسنة الجامعية متسقتان مع العرض (تنبيه)",
                      "Year of study and academic year consistent with the offering (warning)")),
    ),
    search=("academic_year",),
)

# --------------------------------------------------------------------------------------------------
# Internship
# --------------------------------------------------------------------------------------------------

def _months_between(start: date, end: date) -> float:
    return (end - start).days / 30.4375


def _internship_dates(v: Mapping[str, Any]) -> Iterator[Issue]:
    start, end = v["start_date"], v["end_date"]
    if end < start:
        yield issue(("end_date", "start_date"), "la date de fin ({e}) précède la date de début ({s})",
                    "تاريخ النهاية ({e}) يسبق تاريخ البداية ({s})", "the end date ({e}) is before the start date ({s})",
                    code="end_before_start", e=end.strftime("%d/%m/%Y"), s=start.strftime("%d/%m/%Y"))
    elif _months_between(start, end) > 12:
        yield issue(("end_date", "start_date"), "un stage ne peut pas durer plus de 12 mois ({m:.1f} mois)",
                    "لا يمكن أن يتجاوز التدريب 12 شهرا ({m:.1f} شهرا)",
                    "an internship cannot last more than 12 months ({m:.1f} months)", code="too_long",
                    m=_months_between(start, end))


def _internship_pfe_length(v: Mapping[str, Any]) -> Iterator[Issue]:
    if v["internship_type"] != "PFE" or v["end_date"] < v["start_date"]:
        return
    months = _months_between(v["start_date"], v["end_date"])
    if not 3.5 <= months <= 6.5:
        yield issue(("end_date",), "un PFE dure d'habitude de 4 à 6 mois (ici {m:.1f} mois)",
                    "يدوم مشروع نهاية الدراسة عادة من 4 إلى 6 أشهر (هنا {m:.1f} شهرا)",
                    "a final-year project usually lasts 4 to 6 months (here {m:.1f} months)", Severity.WARNING,
                    "pfe_length", m=months)


def _internship_host_place(v: Mapping[str, Any]) -> Iterator[Issue]:
    country = (v.get("host_country") or "").strip()
    abroad = bool(country) and country.casefold() not in ("maroc", "morocco", "المغرب", "ma")
    if not abroad and not v.get("host_region"):
        yield issue(("host_region",), "la région de l'organisme d'accueil est obligatoire au Maroc",
                    "جهة الجهة المستقبلة إلزامية داخل المغرب", "the host's region is required in Morocco",
                    code="required")
    if abroad and v.get("host_region"):
        yield issue(("host_region", "host_country"), "une région marocaine est indiquée pour un stage à l'étranger",
                    "تم ذكر جهة مغربية لتدريب بالخارج", "a Moroccan region is given for an internship abroad",
                    Severity.WARNING, "abroad_region")


def _internship_outcome(v: Mapping[str, Any]) -> Iterator[Issue]:
    outcome = v["outcome"]
    if v.get("final_mark") is not None and outcome != "COMPLETED":
        yield issue(("final_mark", "outcome"), "une note finale est indiquée pour un stage non terminé",
                    "تم ذكر نقطة نهائية لتدريب غير منتهٍ", "a final mark is given for an internship not completed",
                    Severity.WARNING, "mark_not_completed")
    if outcome == "COMPLETED" and v.get("end_date") and v["end_date"] > date.today():
        yield issue(("outcome", "end_date"), "stage indiqué terminé alors que sa date de fin est à venir",
                    "تدريب مشار إليه كمنتهٍ وتاريخ نهايته لم يحن بعد",
                    "internship marked completed although its end date is still to come", Severity.WARNING,
                    "completed_future")
    if v.get("hired") == "YES" and outcome == "ABANDONED":
        yield issue(("hired", "outcome"), "recrutement indiqué pour un stage abandonné",
                    "توظيف مذكور لتدريب متخلى عنه", "hiring recorded for an abandoned internship", Severity.WARNING,
                    "hired_abandoned")


def _domain_of_offering(v: Mapping[str, Any], linked: Mapping[str, Mapping[str, Any]]) -> Iterator[Issue]:
    domains = linked["offering"].get("domains")
    if v.get("domain") and domains and v["domain"] not in domains:
        yield issue(("domain",), "le domaine ne fait pas partie des domaines de l'offre",
                    "المجال ليس من مجالات العرض", "the domain is not one of the offering's", Severity.WARNING,
                    "domain")


DOMAIN_OF_OFFERING = LinkRule(
    "domain_of_offering", ("offering",), _domain_of_offering,
    Text("Domaine parmi ceux de l'offre (avertissement)", "المجال من مجالات العرض (تنبيه)",
         "Domain among the offering's (warning)"))

COHORT_OF_OFFERING = LinkCondition(
    "offering", Text("la cohorte choisie n'appartient pas à cette offre de formation",
                     "الفوج المختار لا ينتمي إلى عرض التكوين هذا",
                     "the chosen cohort does not belong to this course offering"), same_as="offering")


INTERNSHIP = Form(
    key="internship",
    icon="SP_FileIcon",
    label=Text("Stage", "تدريب", "Internship"),
    plural=Text("Stages", "التداريب", "Internships"),
    natural_key=("student_code", "offering", "start_date"),
    title=lambda v: f"{v.get('last_name') or ''} {v.get('first_name') or ''} — {v.get('host_name') or ''}",
    fields=(
        Field("student_code", T.IDENTIFIER, Text("Code national de l'étudiant (CNE / Massar)",
                                                "الرمز الوطني للطالب (مسار)", "National student code (CNE / Massar)"),
              Text("Tel qu'il figure dans le système de gestion des étudiants", "كما هو في نظام تدبير الطلبة",
                   "As in the student-management system"),
              required=True, pattern=STUDENT_CODE_PATTERN,
              pattern_hint=Text("5 à 20 lettres ou chiffres", "من 5 إلى 20 حرفا أو رقما", "5 to 20 letters or digits"),
              max_length=20, section=S_STUDENT, list_column=True, sharing=PSEUDONYMISED),
        Field("last_name", T.TEXT, Text("Nom", "الاسم العائلي", "Last name"), required=True, max_length=100,
              section=S_STUDENT, list_column=True, sharing=WITHHELD),
        Field("first_name", T.TEXT, Text("Prénom", "الاسم الشخصي", "First name"), required=True, max_length=100,
              section=S_STUDENT, list_column=True, sharing=WITHHELD),
        Field("gender", T.CHOICE, Text("Genre", "الجنس", "Gender"), required=True, options=GENDERS,
              section=S_STUDENT),
        Field("offering", T.LINK, Text("Offre de formation", "عرض التكوين", "Course offering"), required=True,
              link="offering", section=S_TRAINING, list_column=True),
        Field("cohort", T.LINK, Text("Cohorte", "الفوج", "Cohort"), link="cohort", section=S_TRAINING,
              link_conditions=(COHORT_OF_OFFERING,)),
        Field("internship_type", T.CHOICE, Text("Type de stage", "نوع التدريب", "Internship type"), required=True,
              reference="internship_types", section=S_TRAINING, list_column=True),
        Field("domain", T.CHOICE, Text("Domaine", "المجال", "Domain"), required=True, reference="domains",
              section=S_TRAINING),
        Field("host_name", T.TEXT, Text("Organisme d'accueil", "الجهة المستقبلة", "Host organisation"),
              required=True, max_length=200, section=S_HOST, list_column=True),
        Field("host_ice", T.IDENTIFIER, Text("ICE de l'organisme", "المعرف الموحد للمقاولة", "Host ICE"),
              Text("Identifiant commun de l'entreprise, 15 chiffres (facultatif)", "15 رقما (اختياري)",
                   "Common company identifier, 15 digits (optional)"),
              pattern=ICE_PATTERN, pattern_hint=Text("15 chiffres", "15 رقما", "15 digits"), max_length=15,
              section=S_HOST),
        Field("host_sector", T.TEXT, Text("Secteur d'activité", "قطاع النشاط", "Sector"), max_length=100,
              section=S_HOST),
        Field("host_city", T.TEXT, Text("Ville", "المدينة", "City"), required=True, max_length=100,
              section=S_HOST),
        Field("host_region", T.CHOICE, Text("Région", "الجهة", "Region"),
              Text("Au Maroc", "داخل المغرب", "In Morocco"), reference="regions", section=S_HOST),
        Field("host_country", T.TEXT, Text("Pays (si à l'étranger)", "البلد (إذا كان بالخارج)",
                                          "Country (if abroad)"), max_length=100, section=S_HOST),
        Field("start_date", T.DATE, Text("Date de début", "تاريخ البداية", "Start date"), required=True,
              min=MIN_DATE, max=MAX_DATE, section=S_PERIOD, list_column=True),
        Field("end_date", T.DATE, Text("Date de fin", "تاريخ النهاية", "End date"), required=True, min=MIN_DATE,
              max=MAX_DATE, section=S_PERIOD, list_column=True),
        Field("weekly_hours", T.INTEGER, Text("Heures par semaine", "ساعات في الأسبوع", "Weekly hours"), min=1,
              max=60, section=S_PERIOD),
        Field("monthly_stipend", T.DECIMAL, Text("Gratification mensuelle (MAD)", "المنحة الشهرية (درهم)",
                                                "Monthly stipend (MAD)"),
              min=Decimal(0), max=Decimal(100000), section=S_PERIOD),
        Field("tutor_name", T.TEXT, Text("Tuteur en entreprise", "المؤطر في المقاولة", "Company tutor"),
              max_length=150, section=S_FOLLOW, sharing=WITHHELD),
        Field("tutor_email", T.EMAIL, Text("E-mail du tuteur", "البريد الإلكتروني للمؤطر", "Tutor e-mail"),
              max_length=254, section=S_FOLLOW, sharing=WITHHELD),
        Field("supervisor", T.TEXT, Text("Encadrant académique", "المؤطر الأكاديمي", "Academic supervisor"),
              max_length=150, section=S_FOLLOW, sharing=WITHHELD),
        Field("outcome", T.CHOICE, Text("Issue du stage", "نتيجة التدريب", "Outcome"), required=True,
              options=OUTCOMES, section=S_FOLLOW, list_column=True),
        Field("final_mark", T.DECIMAL, Text("Note finale (/20)", "النقطة النهائية (/20)", "Final mark (/20)"),
              min=Decimal(0), max=Decimal(20), section=S_FOLLOW),
        Field("hired", T.CHOICE, Text("Recruté par l'organisme", "تم توظيفه من طرف الجهة",
                                      "Hired by the host"), options=HIRED, section=S_FOLLOW),
    ),
    rules=(
        Rule("dates", ("start_date", "end_date"), _internship_dates,
             Text("Fin ≥ début ; 12 mois au plus", "النهاية ≥ البداية؛ 12 شهرا على الأكثر",
                  "End ≥ start; at most 12 months")),
        Rule("pfe_length", ("internship_type", "start_date", "end_date"), _internship_pfe_length,
             Text("Un PFE dure de 4 à 6 mois (avertissement)", "مشروع نهاية الدراسة من 4 إلى 6 أشهر (تنبيه)",
                  "A final-year project lasts 4 to 6 months (warning)")),
        Rule("host_place", (), _internship_host_place,
             Text("Région au Maroc, pays à l'étranger", "الجهة داخل المغرب، البلد بالخارج",
                  "Region in Morocco, country abroad")),
        Rule("outcome", ("outcome",), _internship_outcome,
             Text("Note, recrutement et issue cohérents", "النقطة والتوظيف والنتيجة متسقة",
                  "Mark, hiring and outcome consistent")),
    ),
    link_rules=(DOMAIN_OF_OFFERING,),
    search=("student_code", "last_name", "first_name", "host_name"),
    # 0003: the first four; 0007: the rest of the list's columns (codes followed by the last change)
    sort_indexes=("updated_at", "last_name", "start_date", "host_name", "first_name", "end_date",
                  ("internship_type", "updated_at"), ("outcome", "updated_at"), ("status", "updated_at")),
)

# --------------------------------------------------------------------------------------------------
# Applied R&D project
# --------------------------------------------------------------------------------------------------

RD_STATUSES = _options(
    ("PROPOSED", "Proposé", "مقترح", "Proposed"),
    ("ONGOING", "En cours", "جارٍ", "Ongoing"),
    ("COMPLETED", "Achevé", "منجز", "Completed"),
    ("STOPPED", "Arrêté", "متوقف", "Stopped"),
)
ICE_LIST_PATTERN = r"\d{15}( ?; ?\d{15}){0,9}"
ICE_LIST_HINT = Text("15 chiffres ; plusieurs ICE séparés par « ; »", "15 رقما؛ عدة معرفات مفصولة بـ« ; »",
                     "15 digits; several ICEs separated by ';'")
NAMES_HELP = Text("Un ou plusieurs noms, séparés par « ; »", "اسم أو أكثر، مفصولة بـ« ; »",
                  "One or more names, separated by ';'")
TEAM_FIELDS = ("researchers", "doctoral_students", "master_students")

S_PROJECT = Text("Projet", "المشروع", "Project")
S_PARTNERS = Text("Partenaires et financement", "الشركاء والتمويل", "Partners and funding")
S_TEAM = Text("Équipe", "الفريق", "Team")
S_RESULTS = Text("Productions", "الحصيلة", "Outputs")


def _end_not_before_start(v: Mapping[str, Any]) -> Iterator[Issue]:
    start, end = v["start_date"], v["end_date"]
    if end < start:
        yield issue(("end_date", "start_date"), "la date de fin ({e}) précède la date de début ({s})",
                    "تاريخ النهاية ({e}) يسبق تاريخ البداية ({s})", "the end date ({e}) is before the start date ({s})",
                    code="end_before_start", e=end.strftime("%d/%m/%Y"), s=start.strftime("%d/%m/%Y"))


END_NOT_BEFORE_START = Rule("dates", ("start_date", "end_date"), _end_not_before_start,
                            Text("Fin ≥ début", "النهاية ≥ البداية", "End ≥ start"))


def _rd_partner_contribution(v: Mapping[str, Any]) -> Iterator[Issue]:
    share, budget = v["partner_contribution"], v["budget_total"]
    if share > budget:
        yield issue(("partner_contribution", "budget_total"),
                    "la contribution du partenaire ({c} MAD) dépasse le budget total ({b} MAD)",
                    "مساهمة الشريك ({c} درهم) تتجاوز الميزانية الإجمالية ({b} درهم)",
                    "the partner's contribution ({c} MAD) exceeds the total budget ({b} MAD)",
                    code="above_budget", c=share, b=budget)
    if share > 0 and "PARTNER" not in (v.get("funding_sources") or ()):
        yield issue(("funding_sources", "partner_contribution"),
                    "le partenaire contribue au budget mais « Partenaire industriel » n'est pas parmi les sources "
                    "de financement", "الشريك يساهم في الميزانية لكن « الشريك الصناعي » ليس ضمن مصادر التمويل",
                    "the partner contributes to the budget but 'Industry partner' is not among the funding sources",
                    Severity.WARNING, "funding_partner")


def _rd_partners(v: Mapping[str, Any]) -> Iterator[Issue]:
    named = bool(v.get("partners"))
    if named and not v.get("partner_type"):
        yield issue(("partner_type",), "le type de partenaire est obligatoire quand un partenaire est nommé",
                    "نوع الشريك إلزامي عند ذكر شريك", "the partner type is required when a partner is named",
                    code="required")
    if not named and (v.get("partner_type") or v.get("partner_ices")):
        yield issue(("partners",), "un type ou un ICE de partenaire est indiqué sans nom de partenaire",
                    "تم ذكر نوع أو معرف شريك دون اسمه", "a partner type or ICE is given without a partner's name",
                    code="required")
    if not named and (v.get("partner_contribution") or 0) > 0:
        yield issue(("partners", "partner_contribution"),
                    "une contribution de partenaire est indiquée sans nom de partenaire",
                    "تم ذكر مساهمة شريك دون اسمه", "a partner contribution is given without a partner's name",
                    code="required")


def _rd_women(v: Mapping[str, Any]) -> Iterator[Issue]:
    team = sum(v[k] for k in TEAM_FIELDS)
    if v["team_women"] > team:
        yield issue(("team_women", *TEAM_FIELDS),
                    "les femmes de l'équipe ({w}) dépassent l'effectif de l'équipe ({t})",
                    "عدد النساء في الفريق ({w}) يتجاوز عدد أعضاء الفريق ({t})",
                    "women in the team ({w}) exceed the team's size ({t})", code="women_team", w=v["team_women"],
                    t=team)
    if team == 0:
        yield issue(TEAM_FIELDS, "l'équipe du projet ne compte personne", "فريق المشروع لا يضم أحدا",
                    "the project's team has nobody in it", Severity.WARNING, "empty_team")


def _rd_status(v: Mapping[str, Any]) -> Iterator[Issue]:
    status, today = v["project_status"], date.today()
    if status == "COMPLETED" and v.get("end_date") and v["end_date"] > today:
        yield issue(("project_status", "end_date"), "projet indiqué achevé alors que sa date de fin est à venir",
                    "مشروع مشار إليه كمنجز وتاريخ نهايته لم يحن بعد",
                    "project marked completed although its end date is still to come", Severity.WARNING,
                    "completed_future")
    if status in ("ONGOING", "COMPLETED") and v.get("start_date") and v["start_date"] > today:
        yield issue(("project_status", "start_date"), "projet indiqué en cours ou achevé alors qu'il n'a pas commencé",
                    "مشروع مشار إليه كجارٍ أو منجز ولم يبدأ بعد",
                    "project marked ongoing or completed although it has not started", Severity.WARNING,
                    "not_started")
    outputs = sum(v.get(k) or 0 for k in ("publications", "patents", "prototypes", "startups"))
    if status == "PROPOSED" and outputs:
        yield issue(("project_status",), "des productions sont indiquées pour un projet seulement proposé",
                    "تم ذكر حصيلة لمشروع مقترح فقط", "outputs are given for a project that is only proposed",
                    Severity.WARNING, "proposed_outputs")


RD_PROJECT = Form(
    key="rd_project",
    icon="SP_ComputerIcon",
    label=Text("Projet de R&D appliquée", "مشروع بحث وتطوير تطبيقي", "Applied R&D project"),
    plural=Text("Projets de R&D", "مشاريع البحث والتطوير", "R&D projects"),
    natural_key=("code",),
    title=lambda v: f"{v.get('code') or ''} — {v.get('title') or ''}",
    search=("code", "title", "partners"),
    fields=(
        Field("code", T.IDENTIFIER, Text("Code du projet", "رمز المشروع", "Project code"),
              Text("Code interne unique dans l'établissement (ex. : RD-2025-01)", "رمز داخلي فريد داخل المؤسسة",
                   "Internal code, unique in the establishment"),
              required=True, pattern=OFFERING_CODE_PATTERN,
              pattern_hint=Text("lettres, chiffres, « . _ / - », 40 caractères au plus",
                                "حروف وأرقام و« . _ / - »، 40 حرفا على الأكثر",
                                "letters, digits, '. _ / -', at most 40 characters"),
              max_length=40, section=S_PROJECT, list_column=True),
        Field("title", T.TEXT, Text("Intitulé", "العنوان", "Title"), required=True, max_length=250,
              section=S_PROJECT, list_column=True),
        Field("domains", T.MULTI_CHOICE, Text("Domaine(s)", "المجال (المجالات)", "Domain(s)"),
              Text("Un ou plusieurs domaines du programme", "مجال أو أكثر من مجالات البرنامج",
                   "One or more of the programme's domains"),
              required=True, reference="domains", section=S_PROJECT, list_column=True),
        Field("project_status", T.CHOICE, Text("État du projet", "حالة المشروع", "Project status"), required=True,
              options=RD_STATUSES, section=S_PROJECT, list_column=True),
        Field("start_date", T.DATE, Text("Date de début", "تاريخ البداية", "Start date"), required=True,
              min=MIN_DATE, max=MAX_DATE, section=S_PROJECT, list_column=True),
        Field("end_date", T.DATE, Text("Date de fin (prévue ou effective)", "تاريخ النهاية (المتوقع أو الفعلي)",
                                       "End date (planned or actual)"),
              required=True, min=MIN_DATE, max=MAX_DATE, section=S_PROJECT),
        Field("offering", T.LINK, Text("Offre de formation liée", "عرض التكوين المرتبط", "Linked course offering"),
              Text("Facultatif : l'offre dont le projet relève", "اختياري: العرض الذي يندرج فيه المشروع",
                   "Optional: the offering the project belongs to"),
              link="offering", section=S_PROJECT),
        Field("lead_name", T.TEXT, Text("Porteur du projet", "حامل المشروع", "Project lead"),
              Text("Enseignant-chercheur responsable", "الأستاذ الباحث المسؤول", "Responsible lecturer-researcher"),
              max_length=150, section=S_PROJECT, sharing=WITHHELD),
        Field("lead_email", T.EMAIL, Text("E-mail du porteur", "البريد الإلكتروني لحامل المشروع",
                                          "Project lead's e-mail"),
              max_length=254, section=S_PROJECT, sharing=WITHHELD),
        Field("partners", T.TEXT, Text("Partenaire(s) industriel(s)", "الشريك (الشركاء) الصناعي(ون)",
                                       "Industry partner(s)"),
              NAMES_HELP, max_length=500, section=S_PARTNERS, list_column=True),
        Field("partner_ices", T.IDENTIFIER, Text("ICE du (des) partenaire(s)", "المعرف الموحد للشريك (الشركاء)",
                                                 "Partner ICE(s)"),
              Text("Identifiant commun de l'entreprise, 15 chiffres (facultatif)", "15 رقما (اختياري)",
                   "Common company identifier, 15 digits (optional)"),
              pattern=ICE_LIST_PATTERN, pattern_hint=ICE_LIST_HINT, max_length=170, section=S_PARTNERS),
        Field("partner_type", T.CHOICE, Text("Type de partenaire", "نوع الشريك", "Partner type"),
              Text("Celui du partenaire principal", "نوع الشريك الرئيسي", "That of the main partner"),
              reference="partner_types", section=S_PARTNERS),
        Field("budget_total", T.DECIMAL, Text("Budget total (MAD)", "الميزانية الإجمالية (درهم)", "Total budget (MAD)"),
              required=True, min=Decimal(0), max=Decimal(10_000_000_000), section=S_PARTNERS, list_column=True),
        Field("partner_contribution", T.DECIMAL, Text("Contribution du partenaire (MAD)", "مساهمة الشريك (درهم)",
                                                      "Partner's contribution (MAD)"),
              min=Decimal(0), max=Decimal(10_000_000_000), section=S_PARTNERS),
        Field("funding_sources", T.MULTI_CHOICE, Text("Source(s) de financement", "مصدر (مصادر) التمويل",
                                                      "Funding source(s)"),
              required=True, reference="funding_sources", section=S_PARTNERS),
        Field("researchers", T.INTEGER, Text("Enseignants-chercheurs", "الأساتذة الباحثون", "Researchers"),
              required=True, min=0, max=10000, section=S_TEAM),
        Field("doctoral_students", T.INTEGER, Text("Doctorants", "طلبة الدكتوراه", "Doctoral students"),
              required=True, min=0, max=10000, section=S_TEAM),
        Field("master_students", T.INTEGER, Text("Étudiants de master", "طلبة الماستر", "Master's students"),
              required=True, min=0, max=10000, section=S_TEAM),
        Field("team_women", T.INTEGER, Text("Dont femmes", "منهم نساء", "Of whom women"),
              Text("Parmi les chercheurs, doctorants et étudiants de master", "من بين الباحثين وطلبة الدكتوراه والماستر",
                   "Among researchers, doctoral and master's students"),
              required=True, min=0, max=30000, section=S_TEAM),
        Field("publications", T.INTEGER, Text("Publications", "المنشورات", "Publications"), min=0, max=10000,
              section=S_RESULTS),
        Field("patents", T.INTEGER, Text("Brevets déposés", "براءات الاختراع المودعة", "Patents filed"), min=0,
              max=1000, section=S_RESULTS),
        Field("prototypes", T.INTEGER, Text("Prototypes ou produits", "نماذج أولية أو منتجات", "Prototypes or products"),
              min=0, max=1000, section=S_RESULTS),
        Field("startups", T.INTEGER, Text("Start-ups créées", "مقاولات ناشئة محدثة", "Start-ups created"), min=0,
              max=1000, section=S_RESULTS),
    ),
    rules=(
        END_NOT_BEFORE_START,
        Rule("partner_contribution", ("partner_contribution", "budget_total"), _rd_partner_contribution,
             Text("Contribution du partenaire ≤ budget total", "مساهمة الشريك ≤ الميزانية الإجمالية",
                  "Partner's contribution ≤ total budget")),
        Rule("partners", (), _rd_partners,
             Text("Type, ICE et contribution seulement pour un partenaire nommé", "النوع والمعرف والمساهمة لشريك مذكور",
                  "Type, ICE and contribution only for a named partner")),
        Rule("team_women", ("team_women", *TEAM_FIELDS), _rd_women,
             Text("Femmes ≤ équipe", "النساء ≤ الفريق", "Women ≤ team")),
        Rule("project_status", ("project_status",), _rd_status,
             Text("État cohérent avec les dates et les productions (avertissement)",
                  "حالة متسقة مع التواريخ والحصيلة (تنبيه)", "Status consistent with dates and outputs (warning)")),
    ),
)

# --------------------------------------------------------------------------------------------------
# Continuing-education session
# --------------------------------------------------------------------------------------------------

S_SESSION = Text("Session", "الدورة", "Session")
S_EMPLOYERS = Text("Employeurs", "المشغلون", "Employers")
S_TRAINEES = Text("Participants et résultats", "المستفيدون والنتائج", "Trainees and results")

CONTINUING_OFFERING = LinkCondition(
    "training_type", Text("l'offre choisie n'est pas une formation continue : une session de formation continue "
                          "se rattache à une offre de type « Formation continue »",
                          "العرض المختار ليس تكوينا مستمرا: تُربط دورة التكوين المستمر بعرض من نوع « التكوين المستمر »",
                          "the chosen offering is not continuing education: a continuing-education session belongs to "
                          "an offering of type 'Continuing education'"),
    codes=("CONTINUING",), code="continuing_offering")


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value or "")


def _ce_gender_sum(v: Mapping[str, Any]) -> Iterator[Issue]:
    if v["women"] + v["men"] != v["enrolled"]:
        yield issue(("women", "men", "enrolled"),
                    "femmes ({w}) + hommes ({m}) = {s}, différent du nombre d'inscrits ({e})",
                    "الإناث ({w}) + الذكور ({m}) = {s}، يختلف عن عدد المسجلين ({e})",
                    "women ({w}) + men ({m}) = {s}, not the number enrolled ({e})",
                    code="gender_sum", w=v["women"], m=v["men"], s=v["women"] + v["men"], e=v["enrolled"])


def _ce_completed(v: Mapping[str, Any]) -> Iterator[Issue]:
    if v["completed"] > v["enrolled"]:
        yield issue(("completed", "enrolled"), "les participants ayant achevé ({c}) dépassent les inscrits ({e})",
                    "عدد من أتموا ({c}) يتجاوز عدد المسجلين ({e})", "trainees who completed ({c}) exceed those enrolled ({e})",
                    code="above_enrolled", c=v["completed"], e=v["enrolled"])


def _ce_certified(v: Mapping[str, Any]) -> Iterator[Issue]:
    completed = v.get("completed")
    if completed is not None and v["certified"] > completed:
        yield issue(("certified", "completed"), "les certifications obtenues ({n}) dépassent les participants ayant "
                    "achevé ({c})", "الشهادات المحصلة ({n}) تتجاوز عدد من أتموا ({c})",
                    "certifications obtained ({n}) exceed trainees who completed ({c})", code="above_completed",
                    n=v["certified"], c=completed)
    elif completed is None and v["certified"] > v["enrolled"]:
        yield issue(("certified", "enrolled"), "les certifications obtenues ({n}) dépassent les inscrits ({e})",
                    "الشهادات المحصلة ({n}) تتجاوز عدد المسجلين ({e})",
                    "certifications obtained ({n}) exceed trainees enrolled ({e})", code="above_enrolled",
                    n=v["certified"], e=v["enrolled"])


def _ce_period(v: Mapping[str, Any]) -> Iterator[Issue]:
    start, end = v["start_date"], v["end_date"]
    if end < start:
        return  # the dates rule reports it
    days = (end - start).days + 1
    if v["hours"] > days * 10:
        yield issue(("hours", "start_date", "end_date"),
                    "{h} heures, soit plus de 10 heures par jour entre le début et la fin : vérifiez les heures ou "
                    "les dates",
                    "{h} ساعة، أي أكثر من 10 ساعات يوميا بين البداية والنهاية: تحقق من الساعات أو التواريخ",
                    "{h} hours, more than 10 hours a day between start and end: check the hours or the dates",
                    Severity.WARNING, "hours_per_day", h=v["hours"], d=days)
    if end > date.today() and (v.get("completed") is not None or v.get("certified") is not None):
        yield issue(("completed", "end_date"), "des résultats sont indiqués pour une session qui n'est pas finie",
                    "تم ذكر نتائج لدورة لم تنته بعد", "results are given for a session that has not ended",
                    Severity.WARNING, "results_before_end")


def _ce_hours_of_offering(v: Mapping[str, Any], linked: Mapping[str, Mapping[str, Any]]) -> Iterator[Issue]:
    offering = linked["offering"]
    duration = offering.get("duration")
    if offering.get("duration_unit") != "HOURS" or not duration or not v.get("hours"):
        return
    hours = v["hours"]
    if hours > duration * 1.1 or hours < duration * 0.5:
        yield issue(("hours",), "la session compte {h} heures alors que l'offre en prévoit {d}",
                    "تضم الدورة {h} ساعة بينما يتوقع العرض {d} ساعة",
                    "the session has {h} hours whereas the offering plans {d}", Severity.WARNING, "hours_offering",
                    h=hours, d=duration)


CE_SESSION = Form(
    key="ce_session",
    icon="SP_FileDialogListView",
    label=Text("Session de formation continue", "دورة تكوين مستمر", "Continuing-education session"),
    plural=Text("Sessions de formation continue", "دورات التكوين المستمر", "Continuing-education sessions"),
    natural_key=("offering", "code"),
    title=lambda v: f"{v.get('code') or ''} — {_day(v.get('start_date'))}",
    search=("code", "employers", "city"),
    fields=(
        Field("offering", T.LINK, Text("Offre de formation continue", "عرض التكوين المستمر",
                                       "Continuing-education offering"),
              Text("Une offre dont le type est « Formation continue »", "عرض من نوع « التكوين المستمر »",
                   "An offering whose type is 'Continuing education'"),
              required=True, link="offering", section=S_SESSION, list_column=True,
              link_conditions=(CONTINUING_OFFERING,)),
        Field("code", T.IDENTIFIER, Text("Code de la session", "رمز الدورة", "Session code"),
              Text("Unique pour l'offre (ex. : FC-IA-2026-1)", "فريد داخل العرض", "Unique for the offering"),
              required=True, pattern=OFFERING_CODE_PATTERN,
              pattern_hint=Text("lettres, chiffres, « . _ / - », 40 caractères au plus",
                                "حروف وأرقام و« . _ / - »، 40 حرفا على الأكثر",
                                "letters, digits, '. _ / -', at most 40 characters"),
              max_length=40, section=S_SESSION, list_column=True),
        Field("domain", T.CHOICE, Text("Domaine", "المجال", "Domain"), required=True, reference="domains",
              section=S_SESSION, list_column=True),
        Field("start_date", T.DATE, Text("Date de début", "تاريخ البداية", "Start date"), required=True,
              min=MIN_DATE, max=MAX_DATE, section=S_SESSION, list_column=True),
        Field("end_date", T.DATE, Text("Date de fin", "تاريخ النهاية", "End date"), required=True, min=MIN_DATE,
              max=MAX_DATE, section=S_SESSION, list_column=True),
        Field("hours", T.INTEGER, Text("Volume horaire", "الحجم الساعي", "Hours"), required=True, min=1, max=3000,
              section=S_SESSION),
        Field("delivery_mode", T.CHOICE, Text("Mode d'enseignement", "نمط التدريس", "Delivery mode"),
              required=True, options=DELIVERY_MODES, section=S_SESSION),
        Field("city", T.TEXT, Text("Ville", "المدينة", "City"), Text("Lieu de la session (sauf à distance)",
                                                                     "مكان الدورة (إلا عن بعد)",
                                                                     "Where the session takes place (unless remote)"),
              max_length=100, section=S_SESSION),
        Field("employers", T.TEXT, Text("Employeur(s) commanditaire(s)", "المشغل (المشغلون) الممول(ون)",
                                        "Sponsoring employer(s)"),
              NAMES_HELP, max_length=500, section=S_EMPLOYERS, list_column=True),
        Field("employer_ices", T.IDENTIFIER, Text("ICE du (des) employeur(s)", "المعرف الموحد للمشغل (المشغلين)",
                                                  "Employer ICE(s)"),
              Text("Identifiant commun de l'entreprise, 15 chiffres (facultatif)", "15 رقما (اختياري)",
                   "Common company identifier, 15 digits (optional)"),
              pattern=ICE_LIST_PATTERN, pattern_hint=ICE_LIST_HINT, max_length=170, section=S_EMPLOYERS),
        Field("enrolled", T.INTEGER, Text("Participants inscrits", "المشاركون المسجلون", "Trainees enrolled"),
              required=True, min=0, max=100000, section=S_TRAINEES, list_column=True),
        Field("women", T.INTEGER, Text("Femmes", "الإناث", "Women"), required=True, min=0, max=100000,
              section=S_TRAINEES),
        Field("men", T.INTEGER, Text("Hommes", "الذكور", "Men"), required=True, min=0, max=100000,
              section=S_TRAINEES),
        Field("completed", T.INTEGER, Text("Participants ayant achevé", "المشاركون الذين أتموا", "Trainees who completed"),
              Text("Une fois la session finie", "بعد انتهاء الدورة", "Once the session has ended"),
              min=0, max=100000, section=S_TRAINEES),
        Field("certified", T.INTEGER, Text("Certifications obtenues", "الشهادات المحصلة", "Certifications obtained"),
              min=0, max=100000, section=S_TRAINEES),
        Field("satisfaction", T.DECIMAL, Text("Taux de satisfaction (%)", "نسبة الرضا (%)", "Satisfaction rate (%)"),
              Text("Facultatif, de 0 à 100", "اختياري، من 0 إلى 100", "Optional, 0 to 100"),
              min=Decimal(0), max=Decimal(100), section=S_TRAINEES),
    ),
    rules=(
        END_NOT_BEFORE_START,
        Rule("gender_sum", ("women", "men", "enrolled"), _ce_gender_sum,
             Text("Femmes + hommes = inscrits", "الإناث + الذكور = المسجلون", "Women + men = enrolled")),
        Rule("completed", ("completed", "enrolled"), _ce_completed,
             Text("Ayant achevé ≤ inscrits", "من أتموا ≤ المسجلون", "Completed ≤ enrolled")),
        Rule("certified", ("certified", "enrolled"), _ce_certified,
             Text("Certifications ≤ ayant achevé", "الشهادات ≤ من أتموا", "Certifications ≤ completed")),
        Rule("period", ("start_date", "end_date", "hours"), _ce_period,
             Text("Heures plausibles pour les dates ; résultats après la fin (avertissement)",
                  "ساعات معقولة حسب التواريخ؛ النتائج بعد النهاية (تنبيه)",
                  "Hours plausible for the dates; results after the end (warning)")),
    ),
    link_rules=(
        LinkRule("hours_of_offering", ("offering",), _ce_hours_of_offering,
                 Text("Heures cohérentes avec la durée de l'offre (avertissement)",
                      "ساعات متسقة مع مدة العرض (تنبيه)", "Hours consistent with the offering's duration (warning)")),
        DOMAIN_OF_OFFERING,
    ),
)

FORMS: dict[str, Form] = {f.key: f for f in (OFFERING, COHORT, INTERNSHIP, RD_PROJECT, CE_SESSION)}
"""Every form, in dependency order (a form only links to forms before it)."""


def get_form(key: str) -> Form:
    try:
        return FORMS[key]
    except KeyError:
        raise KeyError(key) from None
