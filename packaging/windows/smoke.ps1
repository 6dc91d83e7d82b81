#Requires -Version 7.2
<#
.SYNOPSIS
    Installs IntimacyDesktop-Setup-<version>.exe silently for the current user, runs packaging/smoke_test.py
    against the installed program, uninstalls it, and checks that the programs went and the user's data stayed.

.DESCRIPTION
    Used by .github/workflows/release.yml on Windows. Refuses to run where Intimacy Desktop is already installed
    for this user, since it uninstalls what it installed. Exits non-zero, saying which step failed, on any problem.

.EXAMPLE
    pwsh packaging/windows/smoke.ps1 -Installer (Get-Item dist/IntimacyDesktop-Setup-*.exe).FullName
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $Installer,
    # Passed on to smoke_test.py: the Windows Credential Manager must work in the packaged program.
    [switch] $ExpectKeyring,
    # Where smoke_test.py keeps its test profile. By default the app's real data folder, %APPDATA%\IntimacyDesktop
    # (src/intimacy_desktop/paths.py), when it does not exist yet: that is the folder an uninstaller must not
    # delete. It is removed again at the end, after the check. If it exists, smoke_test.py's temporary folder.
    [string] $DataDir = ''
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
# Native programs' exit codes are checked by hand, with a message naming the step that failed.
$PSNativeCommandUseErrorActionPreference = $false

$Me = 'smoke.ps1'
$AppName = 'Intimacy Desktop'   # packaging/release_info.py APP_NAME: the install folder and the shortcuts' name

function Say([string] $Message) { Write-Host "${Me}: $Message" }
function Fail([string] $Message) { throw "${Me}: $Message" }

function Show-Log([string] $Path) {
    if (Test-Path -LiteralPath $Path) {
        Write-Host "----- $Path -----"
        Get-Content -LiteralPath $Path | Write-Host
        Write-Host "----- end of $Path -----"
    }
}

function Wait-Until([scriptblock] $Condition, [int] $Seconds, [string] $What) {
    $deadline = (Get-Date).AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ((Get-Date) -gt $deadline) { Fail "gave up after $Seconds s waiting for $What" }
        Start-Sleep -Milliseconds 500
    }
}

# Setup and the uninstaller are GUI programs: PowerShell would not wait for them when called with &.
function Invoke-Setup([string] $Path, [string[]] $Arguments, [string] $What, [int] $TimeoutSeconds) {
    Say "$What`: $Path $($Arguments -join ' ')"
    $process = Start-Process -FilePath $Path -ArgumentList $Arguments -PassThru
    $null = $process.Handle   # hold a handle, or ExitCode reads as empty once the process has gone
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        Fail "$What did not finish within $TimeoutSeconds s"
    }
    if ($process.ExitCode -ne 0) { Fail "$What failed with exit code $($process.ExitCode)" }
}

function Get-UninstallEntry {
    # A per-user install registers itself under HKCU; found by name so the AppId GUID lives only in installer.iss.
    $root = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall'
    if (-not (Test-Path -LiteralPath $root)) { return $null }
    Get-ChildItem -LiteralPath $root | Get-ItemProperty |
        Where-Object { $_.PSObject.Properties['DisplayName'] -and $_.DisplayName -eq $AppName } |
        Select-Object -First 1
}

function Get-Snapshot([string] $Folder) {
    # Every file's relative path and size: what "the uninstaller left the data alone" is checked against.
    # (Callers wrap the call in @(): PowerShell hands back $null, not an empty array, for an empty folder.)
    @(Get-ChildItem -LiteralPath $Folder -Recurse -Force -File |
        ForEach-Object { '{0}|{1}' -f $_.FullName.Substring($Folder.Length), $_.Length } |
        Sort-Object)
}

$Installer = (Resolve-Path -LiteralPath $Installer).Path
$installDir = Join-Path $env:LOCALAPPDATA "Programs\$AppName"
$cli = Join-Path $installDir 'intimacy-desktop.exe'
$gui = Join-Path $installDir 'IntimacyDesktop.exe'
$uninstaller = Join-Path $installDir 'unins000.exe'
$startMenuLink = Join-Path ([Environment]::GetFolderPath('Programs')) "$AppName.lnk"
$desktopLink = Join-Path ([Environment]::GetFolderPath('Desktop')) "$AppName.lnk"
$smokeTest = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..\smoke_test.py')).Path
$python = if ($env:PYTHON) { $env:PYTHON } else { (Get-Command python).Source }

$logDir = Join-Path ([IO.Path]::GetTempPath()) "intimacy-desktop-smoke-$PID"
$null = New-Item -ItemType Directory -Force -Path $logDir
$installLog = Join-Path $logDir 'install.log'
$uninstallLog = Join-Path $logDir 'uninstall.log'

$removeDataDir = $false
if (-not $DataDir) {
    $realDataDir = Join-Path $env:APPDATA 'IntimacyDesktop'
    if (Test-Path -LiteralPath $realDataDir) {
        Say "$realDataDir exists already, so the smoke test keeps its profile in a temporary folder instead"
    } else {
        $DataDir = $realDataDir
        $removeDataDir = $true
    }
}

if ((Test-Path -LiteralPath $installDir) -or (Get-UninstallEntry)) {
    Fail "$AppName is already installed for this user ($installDir); uninstall it first, this test removes it"
}

try {
    # --- install -------------------------------------------------------------------------------------------
    Invoke-Setup $Installer @('/VERYSILENT', '/SUPPRESSMSGBOXES', '/CURRENTUSER', '/NORESTART', "/LOG=`"$installLog`"") `
        'the installer' 600
    foreach ($file in @($cli, $gui, $uninstaller)) {
        if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { Fail "the installer did not create $file" }
    }
    if (-not (Test-Path -LiteralPath $startMenuLink -PathType Leaf)) {
        Fail "the installer did not create the Start menu entry $startMenuLink"
    }
    if (Test-Path -LiteralPath $desktopLink) {
        Fail "the installer created $desktopLink although the desktop icon task is unchecked by default"
    }
    $entry = Get-UninstallEntry
    if (-not $entry) { Fail "no per-user uninstall entry named '$AppName' under HKCU after installing" }
    $shownVersion = if ($entry.PSObject.Properties['DisplayVersion']) { $entry.DisplayVersion } else { '' }
    if ((Split-Path -Leaf $Installer) -match '^IntimacyDesktop-Setup-(.+)\.exe$' -and $shownVersion -ne $Matches[1]) {
        Fail "the uninstall entry says version '$shownVersion', the installer's name '$($Matches[1])'"
    }
    Say "installed in $installDir"

    # --- run the installed program ---------------------------------------------------------------------------
    $smokeArgs = @($smokeTest, '--exe', $cli)
    if ($ExpectKeyring) { $smokeArgs += '--expect-keyring' }
    if ($DataDir) { $smokeArgs += @('--data-dir', $DataDir) }
    Say "$python $($smokeArgs -join ' ')"
    # Echo each line as it comes and keep it: the data-dir line is parsed below. "$_" turns stderr records to text.
    $smokeOutput = @(& $python @smokeArgs 2>&1 | ForEach-Object { $line = "$_"; Write-Host $line; $line })
    $smokeExit = $LASTEXITCODE
    if ($smokeExit -ne 0) { Fail "smoke_test.py failed with exit code $smokeExit" }

    $usedDataDir = $null
    foreach ($line in $smokeOutput) {
        if ($line -match '^\s*data-dir:\s*(.+?)\s*$') { $usedDataDir = $Matches[1] }
    }
    if (-not $usedDataDir) { Fail "smoke_test.py printed no 'data-dir: <path>' line" }
    if (-not (Test-Path -LiteralPath $usedDataDir -PathType Container)) {
        Fail "the smoke test's data folder $usedDataDir is gone before uninstalling, so keeping it cannot be checked"
    }
    $dataBefore = @(Get-Snapshot $usedDataDir)
    Say "the smoke test used the data folder $usedDataDir ($($dataBefore.Count) files)"

    # --- uninstall ---------------------------------------------------------------------------------------------
    Invoke-Setup $uninstaller @('/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART', "/LOG=`"$uninstallLog`"") `
        'the uninstaller' 300
    # Its exit code comes back while its copy in %TEMP% may still be deleting files and the folder (Inno Setup's
    # "Uninstaller Exit Codes"), so wait for the folder to go rather than check at once.
    try {
        Wait-Until { -not (Test-Path -LiteralPath $installDir) } 120 "the uninstaller to remove $installDir"
    } catch {
        $left = @(Get-ChildItem -LiteralPath $installDir -Recurse -Force -ErrorAction SilentlyContinue |
            ForEach-Object { $_.FullName })
        Fail "the uninstaller left $installDir behind, with: $($left -join ', ')"
    }
    foreach ($path in @($cli, $gui, $uninstaller, $startMenuLink)) {
        if (Test-Path -LiteralPath $path) { Fail "the uninstaller left $path" }
    }
    if (Get-UninstallEntry) { Fail "the uninstaller left its entry under HKCU" }

    # --- the user's data stays ---------------------------------------------------------------------------------
    if (-not (Test-Path -LiteralPath $usedDataDir -PathType Container)) {
        Fail "the uninstaller removed the user's data folder $usedDataDir"
    }
    $dataAfter = @(Get-Snapshot $usedDataDir)
    $gone = @($dataBefore | Where-Object { $_ -notin $dataAfter })
    $added = @($dataAfter | Where-Object { $_ -notin $dataBefore })
    if ($gone.Count -ne 0 -or $added.Count -ne 0) {
        Fail "the uninstaller changed the user's data folder $usedDataDir; gone or changed: $($gone -join ', '); new: $($added -join ', ')"
    }
    Say "uninstalled; the data folder $usedDataDir and its $($dataAfter.Count) files are still there"
    if ($removeDataDir) { Remove-Item -LiteralPath $usedDataDir -Recurse -Force }   # ours: made for this test
} catch {
    Show-Log $installLog
    Show-Log $uninstallLog
    throw
}

Say 'passed'
exit 0
