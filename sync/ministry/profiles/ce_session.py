"""The committee workbook's profile of the « ce_session » form.

Continuing-education sessions: of the academic year they start in; sessions, trainees (women, men),
training hours delivered, completion and certification rates, satisfaction weighted by trainees; by the
session's domain and delivery mode, and by the level of its offering. Sponsoring employers' names and ICEs
are never shown (free text).
"""

from __future__ import annotations

from typing import Any

from sync.ministry.measures import (
    NUMBER,
    RATE,
    Chart,
    Profile,
    Scope,
    YearRule,
    both,
    column,
    count,
    indicator,
    known,
    t,
    total,
)

FORM = "ce_session"


def _trainee_hours(s: Scope) -> Any:
    return s.t.c.hours * s.t.c.enrolled


def _satisfied(s: Scope) -> Any:
    """Satisfaction (0–100 %) × trainees ÷ 100: summed, then divided by the trainees of those sessions, the
    satisfaction weighted by the number of trainees."""
    return s.t.c.satisfaction * s.t.c.enrolled / 100.0


INDICATORS = (
    indicator(FORM, "ce_sessions", t("Sessions de formation continue", "دورات التكوين المستمر",
                                     "Continuing-education sessions"), "sessions", None, NUMBER,
              t("Sessions commencées entre le 1er septembre et le 31 août de l'année universitaire.",
                "الدورات التي بدأت بين 1 شتنبر و31 غشت من السنة الجامعية.",
                "Sessions starting between 1 September and 31 August of the academic year."),
              t("Sessions supprimées.", "الدورات المحذوفة.", "Deleted sessions."), trend=True),
    indicator(FORM, "ce_trainees", t("Participants en formation continue", "المشاركون في التكوين المستمر",
                                     "Continuing-education trainees"), "enrolled", None, NUMBER,
              t("Somme des participants inscrits aux sessions de l'année.", "مجموع المشاركين المسجلين في دورات السنة.",
                "Sum of the trainees enrolled in the year's sessions."),
              t("Une personne inscrite à deux sessions compte deux fois.", "الشخص المسجل في دورتين يحسب مرتين.",
                "A person enrolled in two sessions counts twice."), trend=True, dashboard=True),
    indicator(FORM, "ce_women_share", t("Part des femmes (formation continue)", "نسبة النساء (التكوين المستمر)",
                                        "Share of women (continuing education)"), "women", "enrolled", RATE,
              t("Femmes ÷ participants inscrits, sessions de l'année.", "النساء ÷ المشاركون المسجلون، دورات السنة.",
                "Women ÷ trainees enrolled, the year's sessions.")),
    indicator(FORM, "ce_trainee_hours", t("Heures-participants de formation continue", "ساعات-مشارك في التكوين المستمر",
                                          "Continuing-education trainee hours"), "trainee_hours", None, NUMBER,
              t("Somme, sur les sessions de l'année, du volume horaire × participants inscrits.",
                "مجموع الحجم الساعي × المشاركين المسجلين على دورات السنة.",
                "Sum over the year's sessions of hours × trainees enrolled.")),
    indicator(FORM, "ce_completion_rate", t("Taux d'achèvement (formation continue)", "نسبة الإتمام (التكوين المستمر)",
                                            "Completion rate (continuing education)"), "completed",
              "enrolled_completion_known", RATE,
              t("Participants ayant achevé ÷ participants inscrits, sessions où l'achèvement est renseigné.",
                "المشاركون الذين أتموا ÷ المسجلون، في الدورات التي يعرف فيها الإتمام.",
                "Trainees who completed ÷ trainees enrolled, in sessions where completion is given."),
              t("Sessions sans le nombre d'achèvements (en cours, le plus souvent).",
                "الدورات بدون عدد من أتموا (غالبا الجارية).", "Sessions without the number (usually ongoing ones)."),
              trend=True, dashboard=True),
    indicator(FORM, "ce_certification_rate", t("Taux de certification (formation continue)",
                                               "نسبة الإشهاد (التكوين المستمر)",
                                               "Certification rate (continuing education)"), "certified_both_known",
              "completed_certification_known", RATE,
              t("Certifications obtenues ÷ participants ayant achevé, sessions où les deux sont renseignés.",
                "الشهادات المحصلة ÷ المشاركون الذين أتموا، في الدورات التي يعرف فيها العددان.",
                "Certifications obtained ÷ trainees who completed, in sessions where both are given."),
              t("Sessions sans le nombre de certifications ou d'achèvements.", "الدورات بدون عدد الشهادات أو من أتموا.",
                "Sessions without the number of certifications or completions.")),
    indicator(FORM, "ce_satisfaction", t("Satisfaction moyenne (formation continue)", "متوسط الرضا (التكوين المستمر)",
                                         "Average satisfaction (continuing education)"), "satisfied",
              "enrolled_satisfaction_known", RATE,
              t("Moyenne des taux de satisfaction des sessions, pondérée par leurs participants inscrits.",
                "متوسط نسب رضا الدورات مرجحا بعدد المشاركين المسجلين.",
                "Mean of the sessions' satisfaction rates, weighted by their trainees enrolled."),
              t("Sessions sans taux de satisfaction.", "الدورات بدون نسبة رضا.", "Sessions without a satisfaction rate.")),
)

PROFILE = Profile(
    form=FORM,
    indicators=INDICATORS,
    year=YearRule("date", "start_date"),
    links=("offering",),
    measures=(
        count("sessions", t("Sessions", "الدورات", "Sessions")),
        total("enrolled", t("Participants", "المشاركون", "Trainees"), column("enrolled")),
        total("women", t("Femmes", "الإناث", "Women"), column("women")),
        total("men", t("Hommes", "الذكور", "Men"), column("men")),
        total("completed", t("Ayant achevé", "أتموا", "Completed"), column("completed")),
        total("enrolled_completion_known", t("Participants (achèvement renseigné)", "المشاركون (الإتمام معروف)",
                                             "Trainees (completion given)"), column("enrolled"), known("completed"),
              shown=False),
        total("certified", t("Certifiés", "الحاصلون على شهادة", "Certified"), column("certified")),
        total("certified_both_known", t("Certifiés (achèvement renseigné)", "الحاصلون على شهادة (الإتمام معروف)",
                                        "Certified (completion given)"), column("certified"),
              both(known("certified"), known("completed")), shown=False),
        total("completed_certification_known", t("Ayant achevé (certifications renseignées)",
                                                 "من أتموا (الشهادات معروفة)", "Completed (certifications given)"),
              column("completed"), both(known("certified"), known("completed")), shown=False),
        total("hours", t("Heures de formation", "ساعات التكوين", "Training hours"), column("hours")),
        total("trainee_hours", t("Heures-participants", "ساعات-مشارك", "Trainee hours"), _trainee_hours),
        total("satisfied", t("Participants satisfaits (pondéré)", "المشاركون الراضون (مرجح)",
                             "Satisfied trainees (weighted)"), _satisfied, known("satisfaction"), shown=False),
        total("enrolled_satisfaction_known", t("Participants (satisfaction renseignée)", "المشاركون (الرضا معروف)",
                                               "Trainees (satisfaction given)"), column("enrolled"),
              known("satisfaction"), shown=False),
    ),
    inherited=(("offering", "level"),),
    trend_by="domain",
    trend_measure="enrolled",
    summary=(
        Chart("ce_by_domain", t("Formation continue : participants par domaine", "التكوين المستمر: المشاركون حسب المجال",
                                "Continuing education: trainees by domain"), "domain",
              ("enrolled", "completed", "certified")),
    ),
    region_measures=("sessions", "enrolled"),
)
