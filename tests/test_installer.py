"""The Windows installer script (installer/kafaat.iss), the version resource and the Windows workflow, checked
here against the repository: Inno Setup and Windows are not on this machine, so these tests read the files
as the compiler would and check what must hold (the build-output coverage against a real PyInstaller
build is in tests/test_frozen_build.py)."""

from __future__ import annotations

import fnmatch
import importlib.util
import re
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from forms.version import __version__

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "installer" / "kafaat.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"kafaat_{name}", ROOT / "installer" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- a reader for the parts of the Inno Setup syntax the script uses ------------------------------------

def split_params(line: str) -> dict[str, str]:
    """``Name: "x"; Flags: a b`` → {"Name": "x", "Flags": "a b"} (``""`` inside quotes is one quote)."""
    params, key, value, quoted, i = {}, "", "", False, 0
    parts: list[str] = []
    current = ""
    while i < len(line):
        char = line[i]
        if char == '"':
            if quoted and line[i + 1:i + 2] == '"':
                current += '""'
                i += 2
                continue
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
        i += 1
    parts.append(current)
    for part in parts:
        if not part.strip():
            continue
        key, _, value = part.partition(":")
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace('""', '"')
        params[key.strip()] = value
    return params


def read_script(text: str, defines: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Sections → their lines, comments and preprocessor lines left out, ``{#Name}`` replaced."""
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE)) | (defines or {})
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.lstrip("\ufeff").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        line = re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), line)
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return sections


def setup(sections: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections["Setup"])


def entries(sections: dict[str, list[str]], name: str) -> list[dict[str, str]]:
    return [split_params(line) for line in sections.get(name, [])]


def uncovered(text: str, dist: Path) -> list[str]:
    """The files of the onedir output no [Files] entry installs (Inno's wildcard, recursesubdirs, Excludes)."""
    sections = read_script(text)
    base = Path(setup(sections).get("SourceDir", "."))
    missing = []
    for path in sorted(p for p in dist.rglob("*") if p.is_file()):
        for entry in entries(sections, "Files"):
            source = PureWindowsPath(entry["Source"])
            folder = dist.parent.parent / PurePosixPath(*source.parent.parts) if not base.is_absolute() else None
            flags = entry.get("Flags", "").split()
            relative = path.relative_to(folder) if folder and path.is_relative_to(folder) else None
            if relative is None or (len(relative.parts) > 1 and "recursesubdirs" not in flags):
                continue
            if not fnmatch.fnmatch(relative.name, source.name):
                continue
            excludes = [e.strip() for e in entry.get("Excludes", "").split(",") if e.strip()]
            if any(fnmatch.fnmatch(relative.name, e) or fnmatch.fnmatch(str(relative), e) for e in excludes):
                continue
            break
        else:
            missing.append(str(path.relative_to(dist)))
    return missing


@pytest.fixture(scope="module")
def script() -> str:
    return ISS.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="module")
def sections(script: str) -> dict[str, list[str]]:
    return read_script(script, {"AppVersion": __version__})


# --- the script ------------------------------------------------------------------------------------------

def test_per_user_by_default_all_users_when_chosen(sections) -> None:
    values = setup(sections)
    assert values["PrivilegesRequired"] == "lowest"
    assert "dialog" in values["PrivilegesRequiredOverridesAllowed"].split()
    assert values["DefaultDirName"].startswith("{autopf}\\")  # %LOCALAPPDATA%\Programs or Program Files
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", values["AppId"])


def test_three_installer_languages_french_first(sections) -> None:
    languages = entries(sections, "Languages")
    assert [(e["Name"], e["MessagesFile"]) for e in languages] == [
        ("fr", "compiler:Languages\\French.isl"), ("ar", "compiler:Languages\\Arabic.isl"),
        ("en", "compiler:Default.isl")]
    custom = {line.split("=", 1)[0] for line in sections["CustomMessages"]}
    for message in {name.split(".", 1)[1] for name in custom}:
        assert {f"{lang}.{message}" for lang in ("fr", "ar", "en")} <= custom, message


def test_shortcuts_open_the_windowed_program(sections) -> None:
    icons = entries(sections, "Icons")
    start_menu = [e for e in icons if e["Name"].startswith("{autoprograms}")]
    desktop = [e for e in icons if e["Name"].startswith("{autodesktop}")]
    assert len(start_menu) == 1 and "Tasks" not in start_menu[0]
    assert len(desktop) == 1 and desktop[0]["Tasks"] == "desktopicon"
    assert {e["Filename"] for e in icons} == {"{app}\\kafaatw.exe"}
    task = {e["Name"]: e for e in entries(sections, "Tasks")}["desktopicon"]
    assert "unchecked" in task["Flags"].split()  # optional, off unless ticked


def test_kfb_bundles_open_with_kafaat(sections) -> None:
    assert setup(sections)["ChangesAssociations"] == "yes"
    registry = entries(sections, "Registry")
    assert all(e["Root"] == "HKA" for e in registry)  # HKCU per user, HKLM for all users
    by_key = {(e["Subkey"], e["ValueName"]): e for e in registry}
    prog_id = by_key[("Software\\Classes\\.kfb", "")]["ValueData"]
    assert ("Software\\Classes\\.kfb\\OpenWithProgids", prog_id) in by_key
    command = by_key[(f"Software\\Classes\\{prog_id}\\shell\\open\\command", "")]["ValueData"]
    assert command == '"{cmd}" /k ""{app}\\kafaat.exe" ministry verify "%1""'
    # every value the installer writes is removed by the uninstaller
    assert all({"uninsdeletevalue", "uninsdeletekey"} & set(e.get("Flags", "").split())
               or e["Subkey"].startswith(f"Software\\Classes\\{prog_id}\\") for e in registry)


def test_the_data_folder_is_never_touched(script, sections) -> None:
    """Nothing outside the program folder is deleted, at installation (upgrade) or uninstallation."""
    for name in ("InstallDelete", "UninstallDelete"):
        for entry in entries(sections, name):
            assert entry["Name"].startswith("{app}\\"), entry
    assert "[Code]" not in script  # no Pascal code that could delete anything
    for constant in ("{userappdata}", "{localappdata}", "{commonappdata}", "{userdocs}", "%APPDATA%\\Kafaat\""):
        assert constant not in "\n".join(line for lines in sections.values() for line in lines)


def test_data_folder_outside_the_install_folder(monkeypatch, tmp_path) -> None:
    """The frozen program looks for its data in the user's folder, never next to itself."""
    from forms import paths

    install = tmp_path / "AppData" / "Local" / "Programs" / "Kafaat"
    monkeypatch.delenv("KAFAAT_HOME", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(install / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(install / "kafaat.exe"))
    monkeypatch.chdir(tmp_path)
    assert paths.resources_dir() == install / "_internal" / "resources"
    data = paths.default_data_dir()
    assert data.is_absolute() and not data.is_relative_to(install) and not install.is_relative_to(data)


def test_the_script_names_no_version(script) -> None:
    """One version source: the script has none of its own; the workflow passes the built program's."""
    assert __version__ not in script
    assert re.search(r"^AppVersion=\{#AppVersion\}$", script, re.MULTILINE)
    assert re.search(r"^#ifndef AppVersion\s*\n\s*#error", script, re.MULTILINE)
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"kafaat\.exe --version", workflow) and "/DAppVersion=" in workflow


def test_coverage_check_sees_a_file_left_out(script, tmp_path) -> None:
    """The coverage check used on the real build (tests/test_frozen_build.py) can fail."""
    dist = tmp_path / "dist" / "kafaat"
    for name in ("kafaat.exe", "_internal/base_library.zip", "_internal/PySide6/plugins/platforms/qwindows.dll"):
        (dist / name).parent.mkdir(parents=True, exist_ok=True)
        (dist / name).write_bytes(b"x")
    assert uncovered(script, dist) == []
    flat = script.replace("recursesubdirs createallsubdirs", "")
    assert uncovered(flat, dist) == ["_internal/PySide6/plugins/platforms/qwindows.dll",
                                     "_internal/base_library.zip"]
    excluding = script.replace("Flags: ignoreversion", 'Excludes: "*.zip"; Flags: ignoreversion')
    assert uncovered(excluding, dist) == ["_internal/base_library.zip"]


# --- the version ---------------------------------------------------------------------------------------

def test_kafaat_version_is_the_package_version(capsys) -> None:
    from desktop.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0 and capsys.readouterr().out.strip() == f"Kafaat {__version__}"


class _Recorder:
    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs


def test_windows_version_file_is_generated_from_the_package_version() -> None:
    version_info = load("version_info")
    assert version_info.source_version() == __version__
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    namespace = {name: type(name, (_Recorder,), {}) for name in names}
    info = eval(version_info.render(__version__), namespace)  # how PyInstaller reads the file
    numbers = version_info.numeric_version(__version__)
    assert info.kwargs["ffi"].kwargs["filevers"] == numbers == info.kwargs["ffi"].kwargs["prodvers"]
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "kafaat.exe"
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "version=version_file" in spec and "installer\" / \"version_info.py\"" in spec


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("2.10", (2, 10, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)), ("1.2.0rc1", (1, 2, 0, 0))])
def test_numeric_version(version: str, numbers: tuple[int, ...]) -> None:
    assert load("version_info").numeric_version(version) == numbers


def test_numeric_version_refuses_what_windows_cannot_hold() -> None:
    version_info = load("version_info")
    with pytest.raises(ValueError):
        version_info.numeric_version("v-next")
    with pytest.raises(ValueError):
        version_info.numeric_version("2026.70000")


# --- the workflow --------------------------------------------------------------------------------------

def test_windows_workflow_builds_checks_installs_and_checks_again() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"runs-on: windows-\d{4}", workflow)
    steps = ["-c constraints.txt", "PyInstaller --noconfirm build.spec", "installer\\check_build.py dist\\kafaat\\kafaat.exe",
             "choco install innosetup", "installer\\kafaat.iss", "/VERYSILENT", "/CURRENTUSER",
             "Programs\\Kafaat\\kafaat.exe", "unins000.exe"]
    positions = [workflow.find(step) for step in steps]
    assert -1 not in positions, [s for s, p in zip(steps, positions, strict=True) if p == -1]
    assert positions == sorted(positions)  # in this order
    for path in re.findall(r"(?:installer|scripts|tests)[\\/][\w/\\.-]+\.(?:py|iss)", workflow):
        assert (ROOT / path.replace("\\", "/")).exists(), path
