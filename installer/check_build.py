"""Check a built or installed Kafaat program: version, self-test, and a short session of the command line in a
data folder whose path looks like a real Windows profile (spaces, accents, Arabic letters).

    python installer/check_build.py dist/kafaat/kafaat[.exe]                       # after PyInstaller
    python installer/check_build.py "%LOCALAPPDATA%\\Programs\\Kafaat\\kafaat.exe"    # after the installer

Used by the Windows workflow (.github/workflows/windows.yml) on the frozen and on the installed program, and
by tests/test_frozen_build.py on this machine's build. Prints one line per step; exit 1 at the first failure.
On Windows it also checks the executable's version resource and the private key file's access list.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "une phrase de passe assez longue"
PROFILE = ("Prénom Nom", "Données كفاءات 2026")  # C:\Users\Prénom Nom\…
OFFERING = {  # a valid course offering (the same as tests/conftest.py's)
    "code": "MS-CYBER", "title": "Master spécialisé en cybersécurité", "domains": ["CYBER", "CLOUD"],
    "training_type": "INITIAL", "level": "MASTER", "duration": 24, "duration_unit": "MONTHS", "capacity": 30,
    "first_academic_year": "2024-2025", "delivery_mode": "ONSITE", "languages": ["FR", "EN"],
    "campus_city": "Casablanca", "region": "06", "industry_partnered": True,
    "partner_name": "Partenaire Industriel SA", "accreditation_status": "ACCREDITED",
    "accreditation_date": "2024-06-15", "contact_email": "scolarite@centrale-casablanca.ma",
}


class CheckFailed(Exception):
    pass


def source_version() -> str:
    text = (ROOT / "forms" / "version.py").read_text(encoding="utf-8")
    return re.search(r"""__version__\s*=\s*["']([^"']+)""", text).group(1)  # type: ignore[union-attr]


def run(exe: Path, *args: str, expect: int = 0, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "KAFAAT"))}
    result = subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8",
                            errors="replace", timeout=300, cwd=exe.parent,
                            env=clean | {"QT_QPA_PLATFORM": "offscreen"} | env)
    if result.returncode != expect:
        raise CheckFailed(f"kafaat {' '.join(args)} : code {result.returncode} (attendu {expect})\n"
                          f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return result


def step(title: str) -> None:
    print(f"- {title}", flush=True)


def check(exe: Path, work: Path) -> None:
    version = source_version()
    step(f"version {version}")
    shown = run(exe, "--version").stdout.strip()
    if shown != f"Kafaat {version}":
        raise CheckFailed(f"kafaat --version affiche {shown!r}, forms/version.py dit {version!r}")
    if sys.platform == "win32":
        check_version_resource(exe, version)

    step("selftest")
    tested = run(exe, "selftest").stdout
    if "ÉCHEC" in tested:
        raise CheckFailed(tested)

    data = work.joinpath(*PROFILE) / "Kafaat"
    usb = work / "Clé USB" / "envoi à la tutelle"
    step(f"init in {data}")
    run(exe, "--data-dir", str(data), "init", "--role", "establishment", "--establishment", "ECC",
        "--operator", "Amina El Idrissi", KAFAAT_PASSPHRASE=PASSPHRASE)
    if sys.platform == "win32":
        check_private_acl(data / "keys" / "identity.json")
    step("records add, template, export-xlsx, import")
    run(exe, "--data-dir", str(data), "records", "add", "offering", "--json", json.dumps(OFFERING))
    run(exe, "--data-dir", str(data), "template", "internship", str(data.parent / "modèle stages.xlsx"))
    exported = data.parent / "offres exportées.xlsx"
    run(exe, "--data-dir", str(data), "export-xlsx", "offering", str(exported))
    run(exe, "--data-dir", str(data), "import", "offering", str(exported))
    listed = json.loads(run(exe, "--data-dir", str(data), "records", "list", "offering", "--json").stdout)
    if [record["code"] for record in listed] != ["MS-CYBER"]:
        raise CheckFailed(f"records list offering : {listed!r}")
    step("refusal in Arabic, on a console that cannot show Arabic")
    refused = run(exe, "--data-dir", str(data), "--lang", "ar", "records", "add", "offering", "--json", "{}",
                  expect=1, PYTHONIOENCODING="cp850")
    if "Traceback" in refused.stderr:
        raise CheckFailed(refused.stderr)
    step(f"recipients add, bundle export to {usb}")
    run(exe, "--data-dir", str(data), "recipients", "add", str(ROOT / "tests" / "vectors" / "ministry-MIC.pub.json"),
        "--yes")
    run(exe, "--data-dir", str(data), "bundle", "export", str(usb), KAFAAT_PASSPHRASE=PASSPHRASE)
    bundles = sorted(usb.glob("*.kfb"))
    if len(bundles) != 1:
        raise CheckFailed(f"bundle export : {bundles!r} dans {usb}")


def check_version_resource(exe: Path, version: str) -> None:
    """Windows: the version resource generated from forms/version.py (installer/version_info.py)."""
    literal = str(exe).replace("'", "''")
    shown = subprocess.run(["powershell", "-NoProfile", "-Command",
                            f"(Get-Item -LiteralPath '{literal}').VersionInfo.ProductVersion"],
                           capture_output=True, text=True, timeout=60).stdout.strip()
    if shown != version:
        raise CheckFailed(f"ressource de version de {exe.name} : {shown!r}, attendu {version!r}")


def check_private_acl(path: Path) -> None:
    """Windows: the sealed key file lists the current user only, nothing inherited (forms/windows_acl.py)."""
    listing = subprocess.run(["icacls", str(path)], capture_output=True, timeout=60).stdout.decode("mbcs", "replace")
    entries = [line for line in listing.splitlines() if ":(" in line]
    if len(entries) != 1 or "(I)" in listing:
        raise CheckFailed(f"droits du fichier de clé {path} :\n{listing}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("utilisation : python installer/check_build.py CHEMIN/kafaat[.exe]", file=sys.stderr)
        return 2
    exe = Path(args[0]).resolve()
    with tempfile.TemporaryDirectory(prefix="kafaat-check-") as work:
        try:
            check(exe, Path(work))
        except (CheckFailed, subprocess.TimeoutExpired, OSError) as exc:
            print(f"ÉCHEC : {exc}", file=sys.stderr)
            return 1
    print(f"{exe} : tout est en ordre")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
