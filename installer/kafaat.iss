; Kafaat — the Windows installer (Inno Setup 6.5 or later: Arabic is among its translations from 6.5 on).
;
; Compile from anywhere after the PyInstaller build (dist\kafaat\ at the repository root):
;   iscc /DAppVersion=X.Y.Z installer\kafaat.iss        ->  dist\installer\kafaat-X.Y.Z-setup.exe
; The version is never written here: .github/workflows/windows.yml passes what the built program prints
; (dist\kafaat\kafaat.exe --version), itself read from forms/version.py.
;
; What it does (checked by tests/test_installer.py against this file and the build output):
; - installs for the current user without administrator rights ({autopf} = %LOCALAPPDATA%\Programs);
;   run as administrator, the first page offers "all users" (C:\Program Files) instead;
; - the whole onedir output, file list taken from dist\kafaat\ at compile time (nothing listed by hand);
; - Start-menu shortcut, optional desktop shortcut, both to kafaatw.exe (no console window);
; - French, Arabic and English pages; .kfb bundles opened with Kafaat (kafaat ministry verify);
; - the data folder (%APPDATA%\Kafaat, or the one chosen at first run) is outside the program folder:
;   no line below touches it, so uninstalling never deletes it and an upgrade (same AppId, installed over
;   the old version) keeps it; the new version migrates the database itself when it opens it (a backup is
;   taken before every migration).

#ifndef AppVersion
  #error AppVersion is missing: compile with iscc /DAppVersion=X.Y.Z (what dist\kafaat\kafaat.exe --version prints)
#endif
#if !FileExists(AddBackslash(CompilerPath) + "Languages\Arabic.isl")
  #error This Inno Setup has no Arabic translation (Languages\Arabic.isl): install Inno Setup 6.5 or later
#endif
#define AppName "Kafaat"
#define AppExe "kafaat.exe"
#define AppGuiExe "kafaatw.exe"
#define BundleProgId "Kafaat.Bundle"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6C2F4D7A-1B8E-4F3C-9A5D-0E7B2C8F4A61}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kafaat
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename=kafaat-{#AppVersion}-setup
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=resources\icons\kafaat.ico
UninstallDisplayIcon={app}\{#AppGuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; French first: the default when Windows' language is none of the three.
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "ar"; MessagesFile: "compiler:Languages\Arabic.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.BundleFileType=Lot Kafaat signé et chiffré
ar.BundleFileType=حزمة كفاءات موقعة ومشفرة
en.BundleFileType=Kafaat signed and encrypted bundle

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's private folder whole: a library the older version had and this one has
; not must not linger next to the new ones. Only {app} is named here; the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\kafaat\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppGuiExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppGuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; .kfb files: Kafaat's type, opened in a console that stays open on the verification's result
; (kafaat ministry verify: a ministry's data folder; an establishment's folder gets a clear refusal).
Root: HKA; Subkey: "Software\Classes\.kfb"; ValueType: string; ValueName: ""; ValueData: "{#BundleProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.kfb\OpenWithProgids"; ValueType: string; ValueName: "{#BundleProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BundleFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#BundleProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{cmd}"" /k """"{app}\{#AppExe}"" ministry verify ""%1"""""

[Run]
Filename: "{app}\{#AppGuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
