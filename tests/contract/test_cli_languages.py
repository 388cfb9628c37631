"""``kafaat --lang en|ar``: every message of the commands people use most is in that language — refusals
(what, where, what to do), success lines and argparse's usage errors — with no French word left in it and
Arabic's plural forms. Fresh processes on a real pair of folders (``conftest.Pair``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.contract.conftest import Pair, kafaat, ok, refused

FRENCH = re.compile(r"\b(le|la|les|des|du|est|sont|rien|été|n'a|n'est|pas|fichier|dossier|lot|lots|"
                    r"enregistrements?|établissements?|ministère|refusée?s?|écrite?s?|clés?|empreinte|ligne|"
                    r"appliquée?s?|doublon|attente|aucune?|vérifiez|relancez|accusé|séparateur|ignorée?|feuille)\b", re.I)
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN_WORD = re.compile(r"\b[a-zA-Zéèàç]{4,}\b")


def french_left(text: str) -> list[str]:
    """French words in ``text`` outside « kafaat … » command examples, paths, codes and hashes."""
    text = re.sub(r"«[^»]*»", "", text)            # commands and values quoted « … »
    text = re.sub(r"\S*[/\\]\S*", "", text)         # paths
    return FRENCH.findall(text)


def in_english(text: str) -> None:
    assert text.strip() and not french_left(text) and not ARABIC.search(text), text


def in_arabic(text: str) -> None:
    """Arabic sentences, with no French word; Latin only for commands, options, paths, codes, names."""
    assert ARABIC.search(text) and not french_left(text), text


def test_refusals_and_outcomes_in_english_and_arabic(pair: Pair, tmp_path: Path) -> None:
    est, mini = pair.est, pair.min
    for lang, check in (("en", in_english), ("ar", in_arabic)):
        # records add: refused (every problem listed), then saved
        run = refused("records", "add", "cohort", "--json", json.dumps({"academic_year": "2025"}), data=est,
                      lang=lang)
        check(run.err.splitlines()[0])
        run = refused("records", "delete", "offering", "00000000-0000-4000-8000-000000000000", data=est, lang=lang)
        check(run.err)
        check(ok("records", "list", "offering", data=est, lang=lang).out.splitlines()[-1])
        # import: a missing file, then a real one (export, re-import: unchanged rows)
        check(refused("import", "offering", tmp_path / "absent.xlsx", data=est, lang=lang).err)
        out = tmp_path / f"offres-{lang}.xlsx"
        check(ok("export-xlsx", "offering", out, data=est, lang=lang).out)
        check(ok("import", "offering", out, "--dry-run", data=est, lang=lang).out)
        # keys, recipients, the outbox
        check(ok("keys", "show", data=est, lang=lang).out)
        check(ok("bundle", "outbox", data=est, lang=lang).out)
        check(ok("bundle", "preview", data=est, lang=lang).out)
        # the ministry: a file that is not a bundle, then verify, consolidate, status
        junk = tmp_path / "pas-un-lot.kfb"
        junk.write_bytes(b"ceci n'est pas un lot" * 10)
        check(refused("ministry", "verify", junk, data=mini, lang=lang).err)
        check(ok("ministry", "verify", pair.bundle1, data=mini, lang=lang).out)
        check(ok("ministry", "status", data=mini, lang=lang).out)
        check(ok("ministry", "enrolled", data=mini, lang=lang).out)
        # wrong folder for the command
        check(refused("ministry", "status", data=est, lang=lang).err)
        check(refused("bundle", "outbox", data=mini, lang=lang).err)
    # consolidation: applied the first time, a duplicate the second; receipts written; then imported
    receipts = tmp_path / "accuses"
    run = ok("ministry", "consolidate", pair.bundle1, "--receipts", receipts, data=mini, lang="en")
    in_english(run.out)
    assert "applied" in run.out and "1 bundle: 1 applied" in run.out, run.out
    run = ok("ministry", "consolidate", pair.bundle1, data=mini, lang="ar")
    in_arabic(run.out)
    assert "مدمجة من قبل" in run.out and "حزمة واحدة" in run.out, run.out
    (receipt,) = receipts.glob("*.json")
    run = ok("receipt", "import", receipt, data=est, lang="ar")
    in_arabic(run.out)
    assert "الحزمة رقم 1" in run.out
    run = ok("bundle", "export", tmp_path / "usb", data=est, lang="en")
    in_english(run.out.replace(str(tmp_path), ""))
    assert "Bundle no. 2 written" in run.out
    check_ar = refused("ministry", "consolidate", tmp_path / "absent", data=mini, lang="ar")
    in_arabic(check_ar.err)


def test_arabic_plural_forms_in_messages(pair: Pair, tmp_path: Path) -> None:
    """« سجل واحد », « سجلان », « 3 سجلات », « 11 سجلا »: the six CLDR forms, not « (s) »."""
    run = ok("ministry", "records", "offering", data=pair.min, lang="ar")
    assert run.out.strip().endswith("لا سجلات"), run.out  # nothing consolidated yet: the zero form
    ok("ministry", "consolidate", pair.bundle1, data=pair.min)
    run = ok("ministry", "records", "offering", data=pair.min, lang="ar")
    assert run.out.strip().splitlines()[-1] == "سجلان", run.out  # two offerings: the dual
    run = ok("records", "list", "cohort", data=pair.est, lang="ar")
    assert run.out.strip().splitlines()[-1] == "سجل واحد.", run.out
    run = refused("records", "add", "cohort", "--json", json.dumps({"academic_year": "2025"}), data=pair.est,
                  lang="ar")
    count = len(run.err.strip().splitlines()) - 1  # one line per problem after the first
    expected = f"{count} مشاكل" if 3 <= count <= 10 else f"{count} مشكلة"
    assert count >= 3 and expected in run.err.splitlines()[0], run.err


@pytest.mark.parametrize(("lang", "usage", "error"), [("en", "usage:", "invalid choice"),
                                                      ("ar", "الاستعمال:", "اختيار غير صالح"),
                                                      ("fr", "utilisation :", "choix invalide")])
def test_usage_errors_in_the_language(tmp_path: Path, lang: str, usage: str, error: str) -> None:
    run = kafaat("records", "list", "inconnu", data=tmp_path, lang=lang)
    assert run.code == 2 and usage in run.err and error in run.err, run.err
    help_run = kafaat("--help", lang=lang)
    assert help_run.code == 0 and usage in help_run.out, help_run.out


def test_ministry_records_of_an_unknown_establishment_is_wrong_usage(pair: Pair, tmp_path: Path) -> None:
    """It used to print an empty list (exit 0), as if the establishment had sent nothing."""
    for command in (("ministry", "records", "offering", "--establishment", "NOPE"),
                    ("ministry", "export-xlsx", "offering", tmp_path / "x.xlsx", "--establishment", "NOPE")):
        run = kafaat(*command, data=pair.min)
        assert run.code == 2 and "établissement inconnu « NOPE »" in run.err and "ECC" in run.err, run.err
        assert not (tmp_path / "x.xlsx").exists()
    run = kafaat("ministry", "records", "offering", "--establishment", "NOPE", data=pair.min, lang="en")
    assert run.code == 2 and run.err.startswith("unknown establishment « NOPE » (known codes: "), run.err
    run = kafaat("ministry", "records", "offering", "--establishment", "ecc", "--json", data=pair.min)
    assert run.code == 0 and run.json() == []  # a known code with nothing consolidated yet: an empty list


def test_key_document_and_import_refusals_say_what_to_do_in_the_language(pair: Pair, tmp_path: Path) -> None:
    sheet = tmp_path / "offres.csv"
    sheet.write_text("Intitulé;Ville\nLicence;Rabat\n", encoding="utf-8")
    for lang, check, todo in (("en", in_english, "ask the ministry"), ("ar", in_arabic, "اطلبوا من الوزارة")):
        run = refused("recipients", "add", pair.root / "request.json", "--yes", data=pair.est, lang=lang)
        check(run.err)
        assert todo in run.err and "kafaat ministry public-key" in run.err, run.err
        check(refused("keys", "create", data=pair.est, lang=lang).err)
        run = refused("import", "offering", sheet, data=pair.est, lang=lang)
        check(run.err)
        assert "kafaat template offering" in run.err, run.err
        check(refused("restore", tmp_path / "absente.db", data=pair.est, lang=lang).err)
        run = refused("ministry", "receipt", "ECC", "9", tmp_path, data=pair.min, lang=lang)
        check(run.err)
        assert "kafaat ministry status" in run.err, run.err


def test_row_problems_of_an_import_in_the_language(pair: Pair, tmp_path: Path) -> None:
    """The import's own findings on columns (two columns for one field, merged cells) and on rows (a row
    repeating another, an unknown status, a text of « ? ») are told in the language of ``--lang``, not in French."""
    from openpyxl import load_workbook

    exported = tmp_path / "offres.xlsx"
    ok("export-xlsx", "offering", exported, data=pair.est, lang="fr")
    book = load_workbook(exported)
    sheet = book.active
    headers = [c.value for c in sheet[1]]  # « Code de l'offre [code] »…

    def column(key: str) -> int:
        return next(i for i, h in enumerate(headers, start=1) if h.endswith(f"[{key}]"))

    rows = tmp_path / "lignes.xlsx"
    sheet.append([c.value for c in sheet[2]])  # the same record twice, the copy without its identifier
    last = sheet.max_row
    sheet.cell(last, column("id"), None)
    sheet.cell(last, column("status"), "peut-être")
    sheet.cell(2, column("title"), "????? ???")
    book.save(rows)
    columns = tmp_path / "colonnes.xlsx"
    width = sheet.max_column
    sheet.cell(1, width + 1, headers[column("code") - 1])  # a second column for the code
    sheet.merge_cells(start_row=2, start_column=width + 2, end_row=3, end_column=width + 2)
    book.save(columns)
    for lang, check in (("en", in_english), ("ar", in_arabic)):
        for path, least in ((rows, 3), (columns, 2)):
            run = refused("import", "offering", path, "--dry-run", data=pair.est, lang=lang)
            lines = [line for line in run.err.splitlines() if line.strip()]
            assert len(lines) >= least + 1, run.err
            for line in lines:
                check(line)
    said = refused("import", "offering", rows, "--dry-run", data=pair.est, lang="fr").err
    said += refused("import", "offering", columns, "--dry-run", data=pair.est, lang="fr").err
    for french in ("deux colonnes pour le même champ", "statut inconnu", "le texte n'est fait que de « ? »",
                   "cellules fusionnées", "que la ligne 2"):
        assert french in said, said
