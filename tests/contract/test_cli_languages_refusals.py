"""``kafaat --lang en|ar`` on the rarer refusals: damaged or crafted workbooks and CSV files, a key file
weakened by hand, a public key file missing a signature, damaged bundles and receipts, a malformed
establishments list, a bad national store address — each built for real and given to a fresh process — and
the page of import rules (``kafaat import --help``) and the ``--errors`` report, written in the language.
Nothing French may be left in them (outside « quoted » values and commands, paths and codes)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.contract.conftest import Pair, kafaat, ok, refused
from tests.contract.test_cli_languages import ARABIC, french_left, in_arabic, in_english

CHECKS = (("en", in_english), ("ar", in_arabic))


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _damaged_files(tmp: Path) -> dict[str, Path]:
    """One real file per refusal of the workbook and CSV readers."""
    good = _workbook(tmp / "offres.xlsx", [["Code de l'offre", "Intitulé"], ["LP-1", "Licence"]])
    data = good.read_bytes()
    (tmp / "tronque.xlsx").write_bytes(data[: len(data) // 2])  # a copy cut short: a damaged archive
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in members if name.startswith("xl/worksheets/"))
    body = members[sheet]
    body = body[body.index(b"?>") + 2:] if body.startswith(b"<?xml") else body
    files = {
        "xlsx.damaged_archive": tmp / "tronque.xlsx",
        "xlsx.not_excel": _zip(tmp / "not-excel.xlsx", {"docProps/app.xml": b"<x/>", "lisez-moi.txt": b"rien"}),
        "xlsx.doctype": _zip(tmp / "entites.xlsx",
                             members | {sheet: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + body}),
        "xlsx.ods": _zip(tmp / "calc.xlsx", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                             "content.xml": b"<x/>"}),
    }
    hidden = Workbook()
    hidden.active.append(["Code de l'offre"])
    hidden.active.sheet_state = "hidden"
    hidden.create_sheet("Instructions")
    hidden.save(tmp / "masquee.xlsx")
    files["xlsx.no_visible_sheet"] = tmp / "masquee.xlsx"
    csv = tmp / "guillemet.csv"
    csv.write_text('Intitulé;Ville\n"' + "x" * 200_000 + ';Rabat\n', encoding="utf-8")
    files["csv.unreadable_line"] = csv
    return files


def test_damaged_and_crafted_workbooks_are_refused_in_the_language(pair: Pair, tmp_path: Path) -> None:
    files = _damaged_files(tmp_path)
    for lang, check in CHECKS:
        for what, path in files.items():
            run = refused("import", "offering", path, "--dry-run", data=pair.est, lang=lang)
            check(run.err)
            assert path.name in run.err, (what, run.err)
    # French is unchanged
    run = refused("import", "offering", files["xlsx.damaged_archive"], data=pair.est)
    assert "archive .xlsx endommagée ou incomplète : ouvrez-le dans Excel" in run.err, run.err


def test_key_files_documents_and_receipts_refused_in_the_language(pair: Pair, tmp_path: Path) -> None:
    key_file = pair.est / "keys" / "identity.json"
    original = key_file.read_bytes()
    weak = json.loads(original)
    weak["kdf"]["log2_n"] = 14
    key_file.write_text(json.dumps(weak), encoding="utf-8")
    public = json.loads((pair.root / "ministry.pub.json").read_text(encoding="utf-8"))
    public["signatures"].pop(sorted(public["signatures"])[-1])
    one_signature = tmp_path / "ministere-une-signature.json"
    one_signature.write_text(json.dumps(public), encoding="utf-8")
    for lang, check in CHECKS:
        run = refused("bundle", "export", tmp_path / "usb", data=pair.est, lang=lang)
        check(run.err)
        assert "log2_n = 14" in run.err and "identity.json" in run.err, run.err
        run = refused("recipients", "add", one_signature, "--yes", data=pair.est, lang=lang)
        check(run.err)
        assert "Ed25519" in run.err and "ML-DSA-65" in run.err, run.err
    key_file.write_bytes(original)
    # a receipt whose signed content lacks a member, another with a malformed hash
    receipts = tmp_path / "accuses"
    ok("ministry", "consolidate", pair.bundle1, "--receipts", receipts, data=pair.min)
    (receipt,) = receipts.glob("*.json")
    doc = json.loads(receipt.read_text(encoding="utf-8"))
    body = json.loads(doc["signed"])
    lacking = tmp_path / "accuse-incomplet.json"
    lacking.write_text(json.dumps(dict(doc, signed=json.dumps({k: v for k, v in body.items() if k != "issued_at"}))),
                       encoding="utf-8")
    malformed = tmp_path / "accuse-empreinte.json"
    malformed.write_text(json.dumps(dict(doc, signed=json.dumps(body | {"bundle_hash": "xyz"}))), encoding="utf-8")
    for lang, check in CHECKS:
        for path in (lacking, malformed):
            run = refused("receipt", "import", path, data=pair.est, lang=lang)
            check(run.err)
            assert path.name in run.err, run.err
    assert "membres inattendus ou manquants dans l'accusé" in refused("receipt", "import", lacking, data=pair.est).err


@pytest.mark.parametrize(("old", "new"), [(b'"establishment":"ECC"', b'"establishment":"e!C"'),
                                          (b'"format_version":2', b'"format_version":3'),
                                          (b'"aead":"AES-256-GCM"', b'"aead":"AES-256-XXX"')])
def test_damaged_bundle_headers_are_told_in_the_language(pair: Pair, tmp_path: Path, old: bytes, new: bytes) -> None:
    data = pair.bundle1.read_bytes()
    assert old in data
    damaged = tmp_path / "abime.kfb"
    damaged.write_bytes(data.replace(old, new, 1))
    for lang, check in CHECKS:
        run = refused("ministry", "verify", damaged, data=pair.min, lang=lang)
        check(run.err)
        assert ("header: " if lang == "en" else "الترويسة: ") in run.err, run.err
    assert "en-tête : " in refused("ministry", "verify", damaged, data=pair.min).err


def test_the_establishments_list_is_refused_line_by_line_in_the_language(pair: Pair, tmp_path: Path) -> None:
    bad = tmp_path / "etablissements.csv"
    bad.write_text("code,label_fr,label_ar,label_en,city,region,supervising_ministry\n"
                   "bad code,École X,م,X,Rabat,99,XYZ\nENSAK,,,,,04,MESRSI\n", encoding="utf-8")
    short = tmp_path / "colonnes.csv"
    short.write_text("code;label_fr\nA;B\n", encoding="utf-8")
    for lang, check in CHECKS:
        run = refused("ministry", "establishments", "import", bad, data=pair.min, lang=lang)
        lines = run.err.strip().splitlines()
        assert len(lines) == 6, run.err  # the summary, then each of the five problems
        for line in lines:
            check(line)
        assert "etablissements.csv" in lines[0] and ("5 problems" if lang == "en" else "5 مشاكل") in lines[0]
        run = refused("ministry", "establishments", "import", short, data=pair.min, lang=lang)
        check(run.err)
        assert "supervising_ministry" in run.err
    run = refused("ministry", "establishments", "import", bad, data=pair.min)
    assert "5 problèmes, rien n'a été importé" in run.err and "  ligne 2 : région « 99 » inconnue" in run.err


@pytest.mark.parametrize("url", ["postgresql+psycopg://kafaat:secret@serveur/national", "mysql://serveur/national",
                                 "pas une adresse"])
def test_a_bad_national_store_address_is_told_in_the_language(tmp_path: Path, url: str) -> None:
    for lang, check in CHECKS:
        run = refused("init", "--role", "ministry", "--ministry", "MIC", "--db", url, data=tmp_path / lang, lang=lang)
        check(run.err)
        assert "secret" not in run.err


def test_the_import_rules_and_the_error_report_are_in_the_language(pair: Pair, tmp_path: Path) -> None:
    for lang, check in CHECKS:
        page = ok("import", "--help", lang=lang).out
        rules = page[page.index("rules:" if lang == "en" else "القواعد:"):]
        check(rules)
        assert "kafaat template" in rules and "--errors" in rules
    assert "tout ou rien" in ok("import", "--help").out
    sheet = tmp_path / "offres.xlsx"
    ok("template", "offering", sheet, data=pair.est)
    wb = load_workbook(sheet)
    wb.worksheets[0].append(["LP-1", "Licence"])  # every other required cell empty: a row with problems
    wb.save(sheet)
    for lang, headers, severity in (("en", ("File", "Row", "Column"), "error"),
                                    ("ar", ("الملف", "السطر", "العمود"), "خطأ")):
        report = tmp_path / f"rapport-{lang}.xlsx"
        refused("import", "offering", sheet, "--errors", report, data=pair.est, lang=lang)
        wb = load_workbook(report)
        data, problems = wb.worksheets
        head = [c.value for c in problems[1]]
        assert tuple(head[:3]) == headers and not french_left(" ".join(map(str, head))), head
        first = [c.value for c in problems[2]]
        assert first[5] == severity, first
        column = [c.value for c in data[1]][-1]
        texts = [row[-1].value for row in data.iter_rows(min_row=2) if row[-1].value]
        assert texts and all(not french_left(t) for t in texts), texts
        if lang == "ar":
            assert column == "المشاكل" and problems.title == "المشاكل" and ARABIC.search(texts[0])
            # the report is corrected and imported again as it is: its problems column and sheet are ours
            again = kafaat("import", "offering", report, "--dry-run", data=pair.est, lang=lang)
            assert "المشاكل" not in again.err, again.err


def test_the_templates_instructions_are_in_the_language(pair: Pair, tmp_path: Path) -> None:
    """« kafaat --lang en template »: the Instructions sheet (what to fill in, the status column, partial
    updates, CSV, each field's format and whether it is required, the rules) and the cells' checks."""
    for lang in ("en", "ar"):
        out = tmp_path / f"modele-{lang}.xlsx"
        ok("template", "internship", out, data=pair.est, lang=lang)
        wb = load_workbook(out)
        sheet = wb["Instructions"]
        texts = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if isinstance(v, str)]
        sentences = [t for t in texts if len(t) > 25]
        assert len(sentences) >= 5, texts
        assert not [t for t in sentences if french_left(t)], [t for t in sentences if french_left(t)]
        arabic = [t for t in sentences if ARABIC.search(t)]
        assert len(arabic) >= 5 if lang == "ar" else not arabic, arabic
        titles = {d.errorTitle for d in wb.worksheets[0].data_validations.dataValidation}
        assert titles and not french_left(" ".join(map(str, titles))), titles
    sheet = load_workbook(tmp_path / "modele-en.xlsx")["Instructions"]
    assert "yes" in [c.value for c in sheet["D"]], [c.value for c in sheet["D"]]
