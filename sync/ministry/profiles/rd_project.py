"""The committee workbook's profile of the « rd_project » form.

Applied R&D projects: counted in every academic year they run (start before the year ends, end not before
it starts); their number and budget by domain and partner type, the share the partners fund, the team by
gender, and the outputs (publications, patents, prototypes, start-ups). Partner names and ICEs are never
shown (free text), the project lead never reaches the ministry (withheld).
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
    column,
    column_sum,
    count,
    indicator,
    known,
    t,
    total,
)

FORM = "rd_project"
TEAM = ("researchers", "doctoral_students", "master_students")


def _men(s: Scope) -> Any:
    return column_sum(*TEAM)(s) - s.t.c.team_women


INDICATORS = (
    indicator(FORM, "rd_projects", t("Projets de R&D en cours", "مشاريع البحث والتطوير الجارية",
                                     "R&D projects running"), "projects", None, NUMBER,
              t("Projets dont la période (début → fin) rencontre l'année universitaire : un projet de trois ans "
                "compte dans chacune de ses années.",
                "المشاريع التي تتقاطع مدتها (البداية ← النهاية) مع السنة الجامعية: المشروع ذو الثلاث سنوات يحسب "
                "في كل سنة من سنواته.",
                "Projects whose period (start → end) meets the academic year: a three-year project counts in "
                "each of its years."),
              t("Projets supprimés ; projets finis avant l'année ou commençant après.",
                "المشاريع المحذوفة؛ المشاريع المنتهية قبل السنة أو التي تبدأ بعدها.",
                "Deleted projects; projects ended before the year or starting after it."), trend=True, dashboard=True),
    indicator(FORM, "rd_budget", t("Budget total des projets de R&D (MAD)", "الميزانية الإجمالية لمشاريع البحث (درهم)",
                                   "Total budget of R&D projects (MAD)"), "budget", None, NUMBER,
              t("Somme des budgets totaux (sur toute la durée) des projets en cours dans l'année.",
                "مجموع الميزانيات الإجمالية (على كامل المدة) للمشاريع الجارية خلال السنة.",
                "Sum of the total budgets (over their whole length) of the projects running in the year."),
              t("Un budget n'est pas réparti entre les années : il compte entier dans chaque année du projet.",
                "لا توزع الميزانية على السنوات: تحسب كاملة في كل سنة من سنوات المشروع.",
                "A budget is not spread over the years: it counts whole in each year of the project.")),
    indicator(FORM, "partner_funding_share", t("Part du financement des partenaires", "حصة تمويل الشركاء",
                                               "Share funded by partners"), "partner_contribution",
              "budget_partner_known", RATE,
              t("Contributions des partenaires ÷ budgets totaux, projets où la contribution est renseignée.",
                "مساهمات الشركاء ÷ الميزانيات الإجمالية، في المشاريع التي تعرف فيها المساهمة.",
                "Partners' contributions ÷ total budgets, in projects where the contribution is given."),
              t("Projets sans contribution renseignée (numérateur et dénominateur).",
                "المشاريع بدون مساهمة مذكورة (البسط والمقام).",
                "Projects without a contribution given (both terms)."), trend=True, dashboard=True),
    indicator(FORM, "rd_partnered_share", t("Part des projets avec un partenaire industriel",
                                            "نسبة المشاريع مع شريك صناعي", "Share of projects with an industry partner"),
              "partnered", "projects", RATE,
              t("Projets dont le type de partenaire est renseigné (un partenaire est nommé) ÷ projets.",
                "المشاريع التي يعرف نوع شريكها (شريك مذكور) ÷ المشاريع.",
                "Projects with a partner type (a partner is named) ÷ projects.")),
    indicator(FORM, "rd_team", t("Équipe des projets de R&D", "فريق مشاريع البحث والتطوير", "R&D project teams"),
              "team", None, NUMBER,
              t("Enseignants-chercheurs + doctorants + étudiants de master des projets en cours.",
                "الأساتذة الباحثون + طلبة الدكتوراه + طلبة الماستر في المشاريع الجارية.",
                "Researchers + doctoral students + master's students of the projects running."),
              t("Une personne dans deux projets compte deux fois.", "الشخص في مشروعين يحسب مرتين.",
                "A person in two projects counts twice.")),
    indicator(FORM, "rd_team_women_share", t("Part des femmes (équipes de R&D)", "نسبة النساء (فرق البحث)",
                                             "Share of women (R&D teams)"), "team_women", "team", RATE,
              t("Femmes de l'équipe ÷ équipe (chercheurs, doctorants, master).",
                "النساء في الفريق ÷ الفريق (الباحثون، الدكتوراه، الماستر).",
                "Women in the team ÷ team (researchers, doctoral, master's)."), trend=True),
    indicator(FORM, "rd_publications", t("Publications (R&D)", "المنشورات (البحث)", "Publications (R&D)"),
              "publications", None, NUMBER,
              t("Somme des publications déclarées par les projets en cours.", "مجموع المنشورات المصرح بها للمشاريع الجارية.",
                "Sum of the publications reported by the projects running."),
              t("Productions cumulées depuis le début du projet : un projet de plusieurs années les compte chaque "
                "année.", "حصيلة تراكمية منذ بداية المشروع: المشروع متعدد السنوات يحسبها كل سنة.",
                "Outputs are cumulative since the project began: a multi-year project counts them every year.")),
    indicator(FORM, "rd_patents", t("Brevets déposés (R&D)", "براءات الاختراع المودعة (البحث)", "Patents filed (R&D)"),
              "patents", None, NUMBER,
              t("Somme des brevets déposés déclarés par les projets en cours.", "مجموع براءات الاختراع للمشاريع الجارية.",
                "Sum of the patents filed reported by the projects running.")),
    indicator(FORM, "rd_prototypes", t("Prototypes ou produits (R&D)", "نماذج أولية أو منتجات (البحث)",
                                       "Prototypes or products (R&D)"), "prototypes", None, NUMBER,
              t("Somme des prototypes ou produits déclarés par les projets en cours.",
                "مجموع النماذج الأولية أو المنتجات للمشاريع الجارية.",
                "Sum of the prototypes or products reported by the projects running.")),
    indicator(FORM, "rd_startups", t("Start-ups créées (R&D)", "مقاولات ناشئة محدثة (البحث)", "Start-ups created (R&D)"),
              "startups", None, NUMBER,
              t("Somme des start-ups créées déclarées par les projets en cours.", "مجموع المقاولات الناشئة للمشاريع الجارية.",
                "Sum of the start-ups created reported by the projects running.")),
)

PROFILE = Profile(
    form=FORM,
    indicators=INDICATORS,
    year=YearRule("active", "start_date", end="end_date"),
    measures=(
        count("projects", t("Projets", "المشاريع", "Projects")),
        total("budget", t("Budget (MAD)", "الميزانية (درهم)", "Budget (MAD)"), column("budget_total")),
        total("partner_contribution", t("Contribution des partenaires (MAD)", "مساهمة الشركاء (درهم)",
                                        "Partners' contribution (MAD)"), column("partner_contribution")),
        total("budget_partner_known", t("Budget (contribution renseignée)", "الميزانية (المساهمة معروفة)",
                                        "Budget (contribution given)"), column("budget_total"),
              known("partner_contribution"), shown=False),
        count("partnered", t("Avec partenaire", "مع شريك", "With a partner"), where=known("partner_type")),
        total("team", t("Équipe", "الفريق", "Team"), column_sum(*TEAM)),
        total("team_women", t("Femmes de l'équipe", "نساء الفريق", "Women in the team"), column("team_women")),
        total("team_men", t("Hommes de l'équipe", "رجال الفريق", "Men in the team"), _men),
        total("researchers", t("Enseignants-chercheurs", "الأساتذة الباحثون", "Researchers"), column("researchers")),
        total("doctoral_students", t("Doctorants", "طلبة الدكتوراه", "Doctoral students"),
              column("doctoral_students")),
        total("master_students", t("Étudiants de master", "طلبة الماستر", "Master's students"),
              column("master_students")),
        total("publications", t("Publications", "المنشورات", "Publications"), column("publications")),
        total("patents", t("Brevets", "براءات الاختراع", "Patents"), column("patents")),
        total("prototypes", t("Prototypes", "النماذج الأولية", "Prototypes"), column("prototypes")),
        total("startups", t("Start-ups", "المقاولات الناشئة", "Start-ups"), column("startups")),
    ),
    crosstabs=(("domains", "partner_type"),),
    summary=(
        Chart("rd_budget_by_domain", t("R&D : budget et contribution des partenaires par domaine",
                                       "البحث: الميزانية ومساهمة الشركاء حسب المجال",
                                       "R&D: budget and partners' contribution by domain"), "domains",
              ("budget", "partner_contribution")),
        Chart("rd_team_by_domain", t("R&D : équipe par domaine (femmes, hommes)", "البحث: الفريق حسب المجال (نساء، رجال)",
                                     "R&D: team by domain (women, men)"), "domains", ("team_women", "team_men"),
              stacked=True),
    ),
    region_measures=("projects", "budget"),
)
