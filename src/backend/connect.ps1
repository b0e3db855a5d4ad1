# writeback-wizard: the Entra Connect plane. This text is fixed in the binary;
# every user value arrives as JSON on standard input, never in the script.
#
# Request:  {"op": "inventory" | "state" | "set" | "cloudsync-status" | "cloudsync-set",
#            "connector": name or null, "enable": bool, "remote": host or null,
#            "tenant_user": UPN or null, "tenant_password": text or null}
# The tenant password (cloudsync-set only) becomes a PSCredential here; it is
# never printed, logged or written anywhere.
# Answer (one JSON line on standard output):
#   {"ok": true, "state": {...}} or {"ok": false, "error": {"kind": ..., "message": ...}}
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$work = {
    param($req)
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    function Fail([string]$kind, [string]$message) {
        return @{ ok = $false; error = @{ kind = $kind; message = $message } }
    }
    if ([string]$req.op -like 'cloudsync-*') {
        # Cloud Sync: the provisioning agent's module. Microsoft documents
        # Set-AADCloudSyncPasswordWritebackConfiguration but no cmdlet that
        # reads the setting, so "writeback" stays null (not readable).
        # The documented path is under the 64-bit Program Files, also when
        # this PowerShell is a 32-bit one.
        $programFiles = if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }
        $dir = Join-Path $programFiles 'Microsoft Azure AD Connect Provisioning Agent'
        $dll = Join-Path $dir 'Microsoft.CloudSync.Powershell.dll'
        if (-not (Test-Path -LiteralPath $dll)) {
            return (Fail 'agent-missing' "$dll was not found")
        }
        try {
            Import-Module $dll
            $version = $null
            try { $version = [string](Get-Item -LiteralPath (Join-Path $dir 'AADConnectProvisioningAgent.exe') -ErrorAction Stop).VersionInfo.ProductVersion } catch { }
            $service = Get-Service -Name AADConnectProvisioningAgent -ErrorAction SilentlyContinue
            if ($req.op -eq 'cloudsync-set') {
                $secure = New-Object System.Security.SecureString
                foreach ($ch in ([string]$req.tenant_password).ToCharArray()) { $secure.AppendChar($ch) }
                $secure.MakeReadOnly()
                $req.tenant_password = $null
                $credential = New-Object System.Management.Automation.PSCredential([string]$req.tenant_user, $secure)
                Set-AADCloudSyncPasswordWritebackConfiguration -Enable ([bool]$req.enable) -Credential $credential | Out-Null
            }
            return @{ ok = $true; state = @{
                module = $true; version = $version
                service_running = [bool]($service -and $service.Status -eq 'Running')
                connectors = @(); writeback = $null; endpoints = @() } }
        } catch [System.UnauthorizedAccessException] {
            return (Fail 'access-denied' $_.Exception.Message)
        } catch {
            $m = $_.Exception.Message
            if ($m -match 'AADSTS\d+|credential|user name or password|authenticat|sign-?in') {
                return (Fail 'sign-in-refused' $m)
            }
            if ($m -match 'denied|not authorized|Zugriff verweigert') {
                return (Fail 'access-denied' $m)
            }
            return (Fail 'other' $m)
        }
    }
    if (-not (Get-Module -ListAvailable -Name ADSync)) {
        return (Fail 'module-missing' 'the ADSync module is not installed here')
    }
    try {
        Import-Module ADSync
        if ($req.op -eq 'set') {
            Set-ADSyncAADPasswordResetConfiguration -Connector $req.connector -Enable ([bool]$req.enable) | Out-Null
        }
        $all = @(Get-ADSyncConnector)
        $connectors = @($all | ForEach-Object {
            @{ name = [string]$_.Name; identifier = [string]$_.Identifier; type = [string]$_.Type; subtype = [string]$_.Subtype }
        })
        $version = $null
        try { $version = [string](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Azure AD Connect' -ErrorAction Stop).Version } catch { }
        $service = Get-Service -Name ADSync -ErrorAction SilentlyContinue
        $writeback = $null
        if ($req.connector) {
            $writeback = [bool](Get-ADSyncAADPasswordResetConfiguration -Connector $req.connector).Enabled
        }
        $account = $null
        $ad = $all | Where-Object { $_.ConnectorTypeName -eq 'AD' } | Select-Object -First 1
        if ($ad) {
            $user = ($ad.ConnectivityParameters | Where-Object { $_.Name -eq 'forest-login-user' }).Value
            $domain = ($ad.ConnectivityParameters | Where-Object { $_.Name -eq 'forest-login-domain' }).Value
            if ($user) { $account = "$domain\$user" }
        }
        $endpoints = @()
        if ($req.op -eq 'inventory') {
            # Representatives of *.passwordreset.microsoftonline.com and
            # *.servicebus.windows.net, the writeback service's endpoints.
            foreach ($h in @('passwordreset.microsoftonline.com', 'servicebus.windows.net')) {
                $ok = $false
                try { $ok = [bool](Test-NetConnection -ComputerName $h -Port 443 -InformationLevel Quiet -WarningAction SilentlyContinue) } catch { }
                $endpoints += @{ host = $h; port = 443; reachable = $ok }
            }
        }
        return @{ ok = $true; state = @{
            module = $true; version = $version
            service_running = [bool]($service -and $service.Status -eq 'Running')
            connectors = $connectors; writeback = $writeback
            ad_connector_account = $account; endpoints = $endpoints } }
    } catch [System.UnauthorizedAccessException] {
        return (Fail 'access-denied' $_.Exception.Message)
    } catch {
        if ($_.Exception.Message -match 'denied|not authorized|Zugriff verweigert') {
            return (Fail 'access-denied' $_.Exception.Message)
        }
        return (Fail 'other' $_.Exception.Message)
    }
}

# UTF-8 both ways, whatever the console code page (Windows PowerShell 5.1
# uses the OEM code page for redirected standard input and output).
$utf8 = New-Object System.Text.UTF8Encoding($false)
$req = $null
try {
    $stdin = New-Object System.IO.StreamReader([Console]::OpenStandardInput(), $utf8)
    $req = $stdin.ReadToEnd() | ConvertFrom-Json
    if ($req.remote) {
        $result = Invoke-Command -ComputerName $req.remote -ScriptBlock $work -ArgumentList $req
    } else {
        $result = & $work $req
    }
} catch {
    $kind = if ($req -and $req.remote) { 'remote' } else { 'other' }
    $result = @{ ok = $false; error = @{ kind = $kind; message = [string]$_.Exception.Message } }
}
$bytes = $utf8.GetBytes(($result | ConvertTo-Json -Compress -Depth 6) + "`n")
$stdout = [Console]::OpenStandardOutput()
$stdout.Write($bytes, 0, $bytes.Length)
$stdout.Flush()
