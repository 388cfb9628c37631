"""The committee workbook's profile of the « internship » form.

Internships: of the academic year they start in; students (pseudonyms, only counted), women, abroad,
paid, length and stipend medians, completion and hiring."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func

from sync.ministry.measures import (
    DISTINCT,
    MEDIAN,
    MONEY,
    MONTHS,
    NUMBER,
    RATE,
    Chart,
    Measure,
    Profile,
    YearRule,
    count,
    indicator,
    t,
)

FORM = "internship"

MOROCCO = ("maroc", "morocco", "المغرب", "ma")
"""Country names that mean « in Morocco » (as the internship form's host-place rule reads them)."""


def _abroad(s: Any) -> Any:
    country = func.lower(func.trim(s.t.c.host_country))
    return and_(s.t.c.host_country.isnot(None), func.trim(s.t.c.host_country) != "", country.notin_(MOROCCO))


def months(s: Any) -> Any:
    """An internship's length in months (days ÷ 30.4375, as the form's own rule counts them)."""
    if s.dialect == "sqlite":
        days = func.julianday(s.t.c.end_date) - func.julianday(s.t.c.start_date)
    else:
        days = s.t.c.end_date - s.t.c.start_date
    return days * 1.0 / 30.4375


INDICATORS = (
    indicator(FORM, "internships", t("Stages", "التداريب", "Internships"), "internships", None, NUMBER,
        t("Stages commencés entre le 1er septembre et le 31 août de l'année universitaire.",
          "التداريب التي بدأت بين 1 شتنبر و31 غشت من السنة الجامعية.",
          "Internships starting between 1 September and 31 August of the academic year."),
        t("Stages supprimés.", "التداريب المحذوفة.", "Deleted internships."), trend=True),
    indicator(FORM, "students", t("Étudiants distincts en stage", "طلبة مختلفون في التدريب",
                                      "Distinct students in internships"), "students", None, NUMBER,
        t("Nombre de pseudonymes d'étudiants distincts : un étudiant qui fait deux stages compte une fois.",
          "عدد الأسماء المستعارة المختلفة للطلبة: الطالب الذي يقوم بتدريبين يحسب مرة واحدة.",
          "Number of distinct student pseudonyms: a student with two internships counts once."),
        t("Stages sans code d'étudiant ; les codes eux-mêmes ne figurent nulle part dans ce classeur.",
          "التداريب بدون رمز الطالب؛ الرموز نفسها لا تظهر في هذا المصنف.",
          "Internships without a student code; the codes themselves appear nowhere in this workbook.")),
    indicator(FORM, "internship_women_share", t("Part des femmes (stages)", "نسبة الإناث (التداريب)",
                                                    "Share of women (internships)"), "women", "internships", RATE,
        t("Stages d'étudiantes ÷ stages.", "تداريب الطالبات ÷ التداريب.", "Internships by women ÷ internships.")),
    indicator(FORM, "abroad_share", t("Part des stages à l'étranger", "نسبة التداريب بالخارج",
                                          "Share abroad"), "abroad", "internships", RATE,
        t("Stages dont le pays d'accueil n'est pas le Maroc ÷ stages.",
          "التداريب التي بلدها ليس المغرب ÷ التداريب.", "Internships hosted outside Morocco ÷ internships.")),
    indicator(FORM, "median_months", t("Durée médiane d'un stage (mois)", "المدة الوسيطة للتدريب (أشهر)",
                                           "Median internship length (months)"), "median_months", None, MONTHS,
        t("Médiane de (fin − début) en jours ÷ 30,4375.", "وسيط (النهاية − البداية) بالأيام ÷ 30.4375.",
          "Median of (end − start) in days ÷ 30.4375.")),
    indicator(FORM, "paid_share", t("Part des stages rémunérés", "نسبة التداريب المؤدى عنها",
                                        "Share of paid internships"), "paid", "internships", RATE,
        t("Stages avec une gratification mensuelle > 0 ÷ stages.", "التداريب بمنحة شهرية > 0 ÷ التداريب.",
          "Internships with a monthly stipend > 0 ÷ internships."),
        t("Une gratification non renseignée compte comme non rémunérée.", "المنحة غير المذكورة تعتبر بدون أجر.",
          "A stipend not given counts as unpaid.")),
    indicator(FORM, "median_stipend", t("Gratification médiane (MAD)", "المنحة الوسيطة (درهم)",
                                            "Median stipend (MAD)"), "median_stipend", None, MONEY,
        t("Médiane des gratifications mensuelles des stages rémunérés.", "وسيط المنح الشهرية للتداريب المؤدى عنها.",
          "Median monthly stipend of paid internships."),
        t("Stages non rémunérés.", "التداريب بدون أجر.", "Unpaid internships.")),
    indicator(FORM, "completion_rate", t("Taux d'achèvement des stages", "نسبة إتمام التداريب",
                                             "Internship completion rate"), "completed", "ended", RATE,
        t("Stages terminés ÷ stages terminés ou abandonnés.", "التداريب المنتهية ÷ المنتهية أو المتخلى عنها.",
          "Completed ÷ completed or abandoned internships."),
        t("Stages en cours.", "التداريب الجارية.", "Ongoing internships.")),
    indicator(FORM, "hired_share", t("Part des stagiaires recrutés", "نسبة المتدربين الموظفين",
                                         "Share of interns hired"), "hired", "hiring_known", RATE,
        t("Stages terminés suivis d'un recrutement par l'organisme ÷ stages terminés dont l'issue est connue.",
          "التداريب المنتهية المتبوعة بتوظيف ÷ التداريب المنتهية المعروفة النتيجة.",
          "Completed internships followed by hiring by the host ÷ completed ones whose answer is known."),
        t("Recrutement « inconnu » ; stages en cours ou abandonnés.", "التوظيف « غير معروف »؛ التداريب الجارية أو المتخلى عنها.",
          "Hiring « unknown »; ongoing or abandoned internships."), trend=True),
)

PROFILE = Profile(
    form=FORM,
    indicators=INDICATORS,
    year=YearRule("date", "start_date"),
    links=("offering",),
    measures=(
        count("internships", t("Stages", "التداريب", "Internships")),
        Measure("students", t("Étudiants distincts", "طلبة مختلفون", "Distinct students"), DISTINCT,
                lambda s: s.t.c.student_code),
        count("women", t("Femmes", "الإناث", "Women"), where=lambda s: s.t.c.gender == "F"),
        count("abroad", t("À l'étranger", "بالخارج", "Abroad"), where=_abroad),
        count("paid", t("Rémunérés", "مؤدى عنها", "Paid"), where=lambda s: s.t.c.monthly_stipend > 0),
        count("completed", t("Terminés", "منتهية", "Completed"), where=lambda s: s.t.c.outcome == "COMPLETED"),
        count("ended", t("Terminés ou abandonnés", "منتهية أو متخلى عنها", "Completed or abandoned"),
               where=lambda s: s.t.c.outcome.in_(("COMPLETED", "ABANDONED")), shown=False),
        count("hired", t("Recrutés", "موظفون", "Hired"),
               where=lambda s: and_(s.t.c.outcome == "COMPLETED", s.t.c.hired == "YES")),
        count("hiring_known", t("Terminés, recrutement connu", "منتهية، التوظيف معروف",
                                  "Completed, hiring known"),
               where=lambda s: and_(s.t.c.outcome == "COMPLETED", s.t.c.hired.in_(("YES", "NO"))), shown=False),
        Measure("median_months", t("Durée médiane (mois)", "المدة الوسيطة (أشهر)", "Median length (months)"),
                MEDIAN, months, fmt=MONTHS),
        Measure("median_stipend", t("Gratification médiane (MAD)", "المنحة الوسيطة (درهم)",
                                     "Median stipend (MAD)"), MEDIAN, lambda s: s.t.c.monthly_stipend,
                lambda s: s.t.c.monthly_stipend > 0, fmt=MONEY),
    ),
    inherited=(("offering", "training_type"), ("offering", "level")),
    text_breakdowns=("host_sector",),
    trend_by="domain",
    summary=(Chart("internships_by_type", t("Stages par type", "التداريب حسب النوع", "Internships by type"),
                   "internship_type", ("internships",)),),
    region_measures=("internships",),
)
