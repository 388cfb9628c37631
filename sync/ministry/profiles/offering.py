"""The committee workbook's profile of the « offering » form. Course offerings: open every year from their first academic year; places, co-built and accredited ones."""

from __future__ import annotations

from sync.ministry.measures import NUMBER, RATE, Chart, Profile, YearRule, count, indicator, t, total

FORM = "offering"

INDICATORS = (
    indicator(FORM, "offerings", t("Offres de formation ouvertes", "عروض التكوين المفتوحة", "Course offerings open"),
        "offerings", None, NUMBER,
        t("Offres dont la première année universitaire est l'année du rapport ou une année antérieure.",
          "العروض التي تكون سنتها الجامعية الأولى هي سنة التقرير أو سنة سابقة.",
          "Offerings whose first academic year is the report's year or an earlier one."),
        t("Offres supprimées ; brouillons (jamais transmis).", "العروض المحذوفة؛ المسودات (لا ترسل أبدا).",
          "Deleted offerings; drafts (never sent).")),
    indicator(FORM, "places", t("Places offertes", "المقاعد المتاحة", "Places offered"), "places", None, NUMBER,
        t("Somme des capacités (places) des offres ouvertes.", "مجموع الطاقة الاستيعابية للعروض المفتوحة.",
          "Sum of the capacity (places) of the offerings open."),
        t("Une offre à plusieurs domaines compte dans chacun de ses domaines, une seule fois dans un total.",
          "العرض متعدد المجالات يحسب في كل مجال من مجالاته ومرة واحدة في المجموع.",
          "A multi-domain offering counts in each of its domains, once in a total.")),
    indicator(FORM, "co_constructed_share", t("Part des offres co-construites", "نسبة العروض المبنية بشراكة",
                                                "Share of co-built offerings"), "co_constructed", "offerings", RATE,
        t("Offres co-construites avec un partenaire industriel ÷ offres ouvertes.",
          "العروض المبنية بشراكة مع فاعل صناعي ÷ العروض المفتوحة.",
          "Offerings co-built with an industry partner ÷ offerings open.")),
    indicator(FORM, "accredited_share", t("Part des offres accréditées", "نسبة العروض المعتمدة",
                                            "Share of accredited offerings"), "accredited", "offerings", RATE,
        t("Offres au statut « accréditée » ÷ offres ouvertes.", "العروض المعتمدة ÷ العروض المفتوحة.",
          "Offerings with status « accredited » ÷ offerings open.")),
)

PROFILE = Profile(
    form=FORM,
    indicators=INDICATORS,
    year=YearRule("since", "first_academic_year"),
    measures=(
        count("offerings", t("Offres", "العروض", "Offerings")),
        total("places", t("Places", "المقاعد", "Places"), lambda s: s.t.c.capacity),
        count("new_offerings", t("Nouvelles offres", "عروض جديدة", "New offerings"),
               where=lambda s: s.t.c.first_academic_year == s.year),
        count("co_constructed", t("Co-construites", "بشراكة", "Co-built"),
               where=lambda s: s.t.c.industry_partnered.is_(True)),
        count("accredited", t("Accréditées", "معتمدة", "Accredited"),
               where=lambda s: s.t.c.accreditation_status == "ACCREDITED"),
    ),
    crosstabs=(("domains", "training_type"),),
    summary=(Chart("places_by_domain", t("Places par domaine", "المقاعد حسب المجال", "Places by domain"), "domains",
                   ("places", "offerings"), series=("places",)),),
    region_measures=("offerings", "places"),
)
