"""The command line end to end, in temporary folders, with real keys and files."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from desktop.cli import main
from tests.conftest import OFFERING

SECRET = "phrase de passe du test CLI"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folders(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("KAFAAT_PASSPHRASE", SECRET)
    est, mic = tmp_path / "ecc", tmp_path / "mic"
    assert run(capsys, "--data-dir", str(est), "init", "--role", "establishment", "--establishment", "ECC")[0] == 0
    assert run(capsys, "--data-dir", str(mic), "init", "--role", "ministry", "--ministry", "MIC")[0] == 0
    return est, mic


def test_the_whole_loop(folders, tmp_path, capsys) -> None:
    est, mic = folders
    e, m = ("--data-dir", str(est)), ("--data-dir", str(mic))
    code, out, _ = run(capsys, *e, "keys", "show")
    assert code == 0 and "Empreinte (à lire au téléphone)" in out
    fingerprint = out.split("téléphone) : ")[1].splitlines()[0]
    pub, req = tmp_path / "mic.pub.json", tmp_path / "ecc.req.json"
    assert run(capsys, *m, "ministry", "public-key", str(pub))[0] == 0
    assert run(capsys, *e, "keys", "enrollment-request", str(req))[0] == 0

    code, _, err = run(capsys, *e, "recipients", "add", str(pub))
    assert code == 1 and "--yes" in err  # no terminal: the fingerprint must be confirmed explicitly
    code, out, _ = run(capsys, *e, "recipients", "add", str(pub), "--yes")
    assert code == 0 and "MIC ajouté" in out
    code, out, _ = run(capsys, *m, "ministry", "enroll", str(req), "--yes")
    assert code == 0 and fingerprint in out and "ECC enregistré" in out

    (tmp_path / "o.json").write_bytes(orjson.dumps(OFFERING))
    assert run(capsys, *e, "records", "add", "offering", "--json", f"@{tmp_path / 'o.json'}")[0] == 0
    code, out, _ = run(capsys, *e, "bundle", "preview", "--json")
    assert orjson.loads(out)["counts"]["offering"] == {"records": 1, "tombstones": 0}
    usb = tmp_path / "usb"
    code, out, _ = run(capsys, *e, "bundle", "export", str(usb), "--json")
    assert code == 0
    exported = orjson.loads(out)
    assert exported["sequence"] == 1 and Path(exported["path"]).exists()

    receipt = tmp_path / "receipt.json"
    code, out, _ = run(capsys, *m, "ministry", "verify", exported["path"], "--json", "--receipt", str(receipt))
    assert code == 0
    verified = orjson.loads(out)
    assert verified["manifest"]["establishment"] == "ECC" and verified["records"]["offering"] == 1
    assert verified["file_hash"] == exported["file_hash"]

    code, out, _ = run(capsys, *e, "receipt", "import", str(receipt))
    assert code == 0 and "lot n° 1 marqué comme reçu" in out
    code, out, _ = run(capsys, *e, "bundle", "outbox", "--json")
    assert [b["state"] for b in orjson.loads(out)["bundles"]] == ["acknowledged"]

    # a changed byte: exit 1 with the precise reason
    bad = tmp_path / "bad.kfb"
    data = bytearray(Path(exported["path"]).read_bytes())
    data[-5] ^= 0xFF
    bad.write_bytes(bytes(data))
    code, _, err = run(capsys, *m, "ministry", "verify", str(bad))
    assert code == 1 and "modifié après la signature" in err


def test_wrong_passphrase_is_a_clear_refusal(folders, tmp_path, capsys, monkeypatch) -> None:
    est, _mic = folders
    key = est / "keys" / "identity.json"
    before = key.read_bytes()
    monkeypatch.setenv("KAFAAT_PASSPHRASE", "pas la bonne phrase")
    monkeypatch.setenv("KAFAAT_NEW_PASSPHRASE", "une nouvelle phrase")
    code, _, err = run(capsys, "--data-dir", str(est), "keys", "passphrase")
    assert code == 1 and "phrase de passe incorrecte" in err
    assert key.read_bytes() == before
    monkeypatch.setenv("KAFAAT_PASSPHRASE", SECRET)
    assert run(capsys, "--data-dir", str(est), "keys", "passphrase")[0] == 0
    assert key.read_bytes() != before


def test_init_without_a_passphrase_warns_and_export_waits_for_keys(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("KAFAAT_PASSPHRASE", raising=False)
    folder = tmp_path / "ecc"
    code, _, err = run(capsys, "--data-dir", str(folder), "init", "--role", "establishment", "--establishment", "ECC")
    assert code == 0 and "clés ne sont pas encore créées" in err and "kafaat keys create" in err
    code, _, err = run(capsys, "--data-dir", str(folder), "bundle", "export", str(tmp_path / "usb"))
    assert code == 1 and "kafaat keys create" in err
    monkeypatch.setenv("KAFAAT_PASSPHRASE", SECRET)
    code, out, _ = run(capsys, "--data-dir", str(folder), "keys", "create")
    assert code == 0 and "Empreinte" in out
    code, _, err = run(capsys, "--data-dir", str(folder), "bundle", "export", str(tmp_path / "usb"))
    assert code == 1 and "aucun ministère destinataire" in err


def test_documents_of_the_wrong_kind_are_refused(folders, tmp_path, capsys) -> None:
    est, mic = folders
    req = tmp_path / "ecc.req.json"
    run(capsys, "--data-dir", str(est), "keys", "enrollment-request", str(req))
    code, _, err = run(capsys, "--data-dir", str(est), "recipients", "add", str(req), "--yes")
    assert code == 1 and "n'est pas celui d'un ministère" in err
    code, _, err = run(capsys, "--data-dir", str(mic), "ministry", "verify", str(req))
    assert code == 1 and "pas un lot Kafaat" in err
    code, _, err = run(capsys, "--data-dir", str(est), "ministry", "enroll", str(req), "--yes")
    assert code == 1 and "d'un ministère" in err


def test_reminder_period(folders, capsys) -> None:
    est, _mic = folders
    code, out, _ = run(capsys, "--data-dir", str(est), "bundle", "reminder")
    assert code == 0 and "30 jours" in out and "aucun lot" in out
    code, out, _ = run(capsys, "--data-dir", str(est), "bundle", "reminder", "--days", "90")
    assert code == 0 and "90 jours" in out
    assert orjson.loads((est / "settings.json").read_bytes())["reporting_period_days"] == 90
    code, _, err = run(capsys, "--data-dir", str(est), "bundle", "reminder", "--days", "0")
    assert code == 1 and "entre 1 et 366" in err


@pytest.mark.parametrize("value", ["abc", 0, -5, 400, 12.5, True, "45", [30]])
def test_a_bad_reporting_period_in_settings_is_refused_with_where_and_what(folders, capsys, value) -> None:
    """A hand-edited ``reporting_period_days`` that is not a whole number of days from 1 to 366: the commands
    that need it refuse, naming the file, the setting, its value and what is allowed, in the user's
    language; nothing is changed, and ``bundle reminder --days`` still sets a good value."""
    est, mic = folders
    for folder in (est, mic):
        settings = orjson.loads((folder / "settings.json").read_bytes())
        (folder / "settings.json").write_bytes(orjson.dumps({**settings, "reporting_period_days": value}))
    before = {folder: (folder / "settings.json").read_bytes() for folder in (est, mic)}
    shown = orjson.dumps(value).decode()
    for argv in ([*("--data-dir", str(est)), "bundle", "reminder"], [*("--data-dir", str(est)), "bundle", "outbox"],
                 [*("--data-dir", str(mic)), "ministry", "status"],
                 [*("--data-dir", str(mic)), "ministry", "status", "--json"]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "", (argv, out)
        assert "settings.json" in err and "reporting_period_days" in err and shown in err, err
        assert "de 1 à 366" in err and "Traceback" not in err
    code, _, err = run(capsys, "--data-dir", str(mic), "--lang", "en", "ministry", "status")
    assert code == 1 and "a whole number of days from 1 to 366" in err
    code, _, err = run(capsys, "--data-dir", str(mic), "--lang", "ar", "ministry", "status")
    assert code == 1 and "عددا صحيحا من الأيام" in err
    assert {folder: (folder / "settings.json").read_bytes() for folder in (est, mic)} == before
    code, out, _ = run(capsys, "--data-dir", str(est), "bundle", "reminder", "--days", "45")
    assert code == 0 and "45 jours" in out


def test_verify_shows_a_minimal_valid_bundle(folders, tmp_path, capsys) -> None:
    """A signed bundle with nothing but the members the format requires is shown, not a crash."""
    from forms.workspace import Workspace
    from sync.bundle import seal_bundle
    from sync.keys import load_identity

    est, mic = folders
    m = ("--data-dir", str(mic))
    req = tmp_path / "ecc.req.json"
    assert run(capsys, "--data-dir", str(est), "keys", "enrollment-request", str(req))[0] == 0
    assert run(capsys, *m, "ministry", "enroll", str(req), "--yes")[0] == 0
    ecc = load_identity(Workspace.open(est), SECRET)
    ministry = load_identity(Workspace.open(mic), SECRET)
    data = seal_bundle(ecc, [ministry.public], bundle_id="00000000-0000-4000-8000-000000000001", sequence=1,
                       previous_hash=None, created_at="2026-01-01T00:00:00Z",
                       manifest={"counts": {"offering": {"records": 0, "tombstones": 0}}}, records={"offering": []})
    bundle = tmp_path / "minimal.kfb"
    bundle.write_bytes(data)
    code, out, err = run(capsys, *m, "ministry", "verify", str(bundle))
    assert code == 0, err
    assert "Lot valide" in out and "période : début → 2026-01-01T00:00:00Z" in out and "schéma 00" in out


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_verify_counts_are_a_table_aligned_by_display_width(folders, tmp_path, capsys, lang) -> None:
    """``ministry verify``'s counts, one line per form: the figures end in one column and the deletions start
    in one column whatever the labels' lengths (« Sessions de formation continue » is longer than the old
    24 characters) and the figures' digits, in every language."""
    import re

    from desktop.cli.table import display_width
    from forms.definitions import FORMS
    from forms.messages import Message
    from forms.workspace import Workspace
    from tests.conftest import fill_every_form, internship_values

    est, mic = folders
    e, m = ("--data-dir", str(est)), ("--data-dir", str(mic))
    pub, req = tmp_path / "mic.pub.json", tmp_path / "ecc.req.json"
    assert run(capsys, *m, "ministry", "public-key", str(pub))[0] == 0
    assert run(capsys, *e, "keys", "enrollment-request", str(req))[0] == 0
    assert run(capsys, *e, "recipients", "add", str(pub), "--yes")[0] == 0
    assert run(capsys, *m, "ministry", "enroll", str(req), "--yes")[0] == 0
    workspace = Workspace.open(est)
    store = workspace.records()
    ids = fill_every_form(store)
    for i in range(11):
        store.save("internship", internship_values(ids["offering"], ids["cohort"], student_code=f"R{i:09d}"))
    store.delete("rd_project", [ids["rd_project"]])
    workspace.close()
    code, out, err = run(capsys, *e, "bundle", "export", str(tmp_path / "usb"), "--json")
    assert code == 0, err
    code, out, err = run(capsys, *m, "--lang", lang, "ministry", "verify", orjson.loads(out)["path"])
    assert code == 0, err
    labels = [f.plural.get(lang) for f in FORMS.values()]
    lines = [line for line in out.splitlines() if any(line.startswith(f"  {label} ") for label in labels)]
    assert len(lines) == len(FORMS), out
    figures, deletions = set(), set()
    for line in lines:
        label = next(label for label in labels if line.startswith(f"  {label} "))
        figure = re.match(r" +(\d+) ", line[2 + len(label):])
        assert figure is not None, line
        figures.add(display_width(line[:2 + len(label) + figure.end(1)]))
        said = max((Message("count.deletions", n=n).get(lang) for n in range(20)), key=lambda text: (
            line.endswith(text), len(text)))  # « لا حذف » for none: no figure to look for
        assert line.endswith(said), (line, said)
        deletions.add(display_width(line[:len(line) - len(said)]))
    assert len(figures) == 1 and len(deletions) == 1, "\n".join(lines)


def test_display_width_counts_columns_not_characters() -> None:
    """Combining marks (Arabic vowel signs, a decomposed accent) and format characters take no column, wide
    characters two: the columns after them stay in place."""
    from desktop.cli.table import display_width, table_lines

    voweled, decomposed = "دَوْرَات", "Re\u0301sume\u0301"
    assert (display_width(voweled), display_width(decomposed), display_width("\u2066ECC\u2069")) == (5, 6, 3)
    assert display_width("研修") == 4 and display_width("Stages") == 6
    lines = table_lines([[voweled, "7", "x"], [decomposed, "12", "y"], ["研修", "1", "z"], ["é", "100", "w"]],
                        right=(1,))
    assert {display_width(line[:-1]) for line in lines} == {display_width("  Résumé 100 ")}
    assert all(not line.endswith(" ") for line in lines)


def test_huge_files_from_outside_are_refused_without_being_loaded(folders, tmp_path, capsys) -> None:
    """A key file, request, receipt or bundle larger than its limit is refused before it is read whole
    (sparse files: no disk used; tracemalloc sees what Python allocates)."""
    import tracemalloc

    from sync.bundle import DEFAULT_LIMITS
    from sync.keys import DOCUMENT_MAX_BYTES

    est, mic = folders
    e, m = ("--data-dir", str(est)), ("--data-dir", str(mic))
    document = tmp_path / "enorme.json"
    with open(document, "wb") as handle:
        handle.truncate(256 * DOCUMENT_MAX_BYTES * 16)  # 256 MiB
    bundle = tmp_path / "enorme.kfb"
    with open(bundle, "wb") as handle:
        handle.truncate(DEFAULT_LIMITS.max_file + 1)
    for argv, path in (((*e, "recipients", "add", str(document), "--yes"), document),
                       ((*e, "receipt", "import", str(document)), document),
                       ((*m, "ministry", "enroll", str(document), "--yes"), document),
                       ((*m, "ministry", "verify", str(bundle)), bundle)):
        tracemalloc.start()
        try:
            code, _, err = run(capsys, *argv)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 32 * 1024 * 1024, (argv, peak)
        assert code == 1 and "au-delà de la limite" in err and str(path.stat().st_size) in err, (argv, err)


def test_verify_checks_the_records_shows_the_enrolled_name_and_never_signs_unchecked_records(
        folders, tmp_path, capsys) -> None:
    """A validly signed bundle whose records break the form's rules: the receipt of « verify » says refused
    (format 1 signed « accepted: 1 »), the enrolled name is shown rather than the one the manifest claims."""
    from forms.workspace import Workspace
    from sync.keys import load_identity
    from sync.receipts import read_receipt
    from tests.sync.helpers import craft, end, manifest_for, record_row

    est, mic = folders
    m = ("--data-dir", str(mic))
    req = tmp_path / "ecc.req.json"
    assert run(capsys, "--data-dir", str(est), "keys", "enrollment-request", str(req))[0] == 0
    assert run(capsys, *m, "ministry", "enroll", str(req), "--yes")[0] == 0
    ecc = load_identity(Workspace.open(est), SECRET)
    ministry = load_identity(Workspace.open(mic), SECRET).public
    good = {k: v for k, v in OFFERING.items()}
    bad = {**good, "code": "NEGATIF", "capacity": -5, "domains": ["INCONNU"]}
    manifest = manifest_for(ecc, [ministry], establishment_name="Université Hassan II (pas vraiment)")
    rows = [record_row(1, **good), record_row(2, **bad)]
    data = craft(ecc, [ministry], [orjson.dumps(manifest), orjson.dumps(["rows", "offering", rows]),
                                   end({"offering": {"records": 2, "tombstones": 0}})])
    bundle, receipt = tmp_path / "b.kfb", tmp_path / "accuse.json"
    bundle.write_bytes(data)
    code, out, err = run(capsys, *m, "ministry", "verify", str(bundle), "--receipt", str(receipt))
    assert code == 0, err
    assert "École Centrale Casablanca" in out and "pas vraiment" not in out
    assert "dont 1 invalide," in out and "capacity" in out
    body, _signed, _sigs = read_receipt(receipt.read_bytes(), "accusé")
    assert body["accepted"] == {"offering": 1} and body["refused"] == {"offering": 1}
    assert any("00000000-0000-4000-8000-000000000002" in p for p in body["problems"])


def test_programme_key_commands_and_what_the_preview_says(folders, tmp_path, capsys) -> None:
    est, mic = folders
    e = ("--data-dir", str(est))
    key = tmp_path / "cle-programme.json"
    code, out, err = run(capsys, "programme-key", "create", str(key))
    assert code == 0 and "Empreinte" in out, err
    assert run(capsys, "programme-key", "create", str(key))[0] == 1  # never overwritten
    code, out, _ = run(capsys, *e, "bundle", "preview")
    assert "restent à l'établissement" in out and "Nom, Prénom" in out and "n'est pas envoyé" in out
    code, _, err = run(capsys, *e, "programme-key", "import", str(key))
    assert code == 1 and "--yes" in err
    assert run(capsys, *e, "programme-key", "import", str(key), "--yes")[0] == 0
    code, out, _ = run(capsys, *e, "programme-key", "show", "--json")
    assert code == 0 and orjson.loads(out)["version"] == 1
    code, out, _ = run(capsys, *e, "bundle", "preview", "--json")
    plan = orjson.loads(out)
    assert plan["pseudonym_key"] == 1 and plan["sharing"]["internship"]["pseudonymised"]
    code, _, err = run(capsys, "--data-dir", str(mic), "programme-key", "import", str(key), "--yes")
    assert code == 1
