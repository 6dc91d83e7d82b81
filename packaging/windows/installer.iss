; Inno Setup 6 script for the Windows installer: IntimacyDesktop-Setup-<version>.exe.
;
; packaging/build.py compiles it after PyInstaller with
;   iscc /DAppVersion=<version> /DSourceDir=<dist\intimacy-desktop> /DOutputDir=<dist>
;        /DIconFile=<intimacy-desktop.ico> /DLicenseFile=<LICENSE> packaging\windows\installer.iss
; Every define has a default below (paths relative to this script), so `iscc installer.iss` also works on its own
; once the onedir bundle exists.
;
; The install is per user and needs no administrator rights: {autopf} is %LOCALAPPDATA%\Programs in that mode, so
; the programs land in %LOCALAPPDATA%\Programs\Intimacy Desktop. The "for all users" choice of the privileges
; dialog (or /ALLUSERS) installs under Program Files instead, asking for elevation then.
;
; USER DATA IS NEVER TOUCHED. The journals live in the user's data folder (%APPDATA%\IntimacyDesktop, see
; src/intimacy_desktop/paths.py), outside {app}. The installer writes nothing there and the uninstaller removes
; only what the installer put in {app} and the Start menu. There is deliberately no [UninstallDelete] section and
; no [Code] that deletes folders: losing someone's encrypted journal on uninstall would be unrecoverable.
; tests/packaging/test_release_windows_installer.py checks this.
;
; Kept to ASCII so that the compiler reads it the same whatever the code page.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (for ArchitecturesAllowed=x64compatible)
#endif

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\..\dist\intimacy-desktop"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile AddBackslash(SourcePath) + "..\..\src\intimacy_desktop\gui\_generated\icons\intimacy-desktop.ico"
#endif
#ifndef LicenseFile
  #define LicenseFile AddBackslash(SourcePath) + "..\..\LICENSE"
#endif

; The same names as packaging/release_info.py.
#define AppName "Intimacy Desktop"
#define AppPublisher "Intimacy Desktop contributors"
#define AppURL "https://github.com/intimacy-desktop/intimacy-desktop"
; The windowed program (Start menu, desktop) and the console one (command line), see packaging/intimacy-desktop.spec.
#define GuiExe "IntimacyDesktop.exe"
#define CliExe "intimacy-desktop.exe"

; Windows' version resource wants four numbers, which a version such as 1.2.0rc1 is not. PyInstaller already
; stamped the program with them (bundle_plan.windows_version_resource), so take them from there.
#ifndef NumericVersion
  #if FileExists(AddBackslash(SourceDir) + CliExe)
    #define NumericVersion GetVersionNumbersString(AddBackslash(SourceDir) + CliExe)
  #else
    #define NumericVersion "0.0.0.0"
  #endif
#endif

[Setup]
; Fixed for ever: Windows finds an earlier install (to upgrade or uninstall it) by this id. Never change it.
AppId={{F641D90F-A716-46D2-AC30-E57190128E8A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}
AppUpdatesURL={#AppURL}/releases
AppCopyright=Copyright (C) {#AppPublisher}. GPL-3.0-or-later.

; Per user, without administrator rights; the dialog still lets an administrator install for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; 64-bit Python and Qt only. Qt 6 needs Windows 10 1809 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763

LicenseFile={#LicenseFile}
SetupIconFile={#IconFile}
WizardStyle=modern
; Close a running Intimacy Desktop (through the Restart Manager) before replacing its files.
CloseApplications=yes
; Always write a log to %TEMP% (Setup Log <date>.txt): the first thing to ask for when an install fails.
SetupLogging=yes

Uninstallable=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#GuiExe}

OutputDir={#OutputDir}
OutputBaseFilename=IntimacyDesktop-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes

VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
VersionInfoCompany={#AppPublisher}
VersionInfoCopyright=Copyright (C) {#AppPublisher}. GPL-3.0-or-later.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's library folder as a whole, so no module of an older version is left beside the
; new ones (PyInstaller's onedir layout keeps everything but the programs in _internal). This is inside {app}: the
; user's data folder is elsewhere and never listed here.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole PyInstaller onedir bundle, both programs and _internal\ with everything they load.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "Grow closeness as a couple, privately and offline"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
; The "Launch Intimacy Desktop" checkbox on the last page; never in a silent install.
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
