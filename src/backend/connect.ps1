# writeback-wizard: the Entra Connect plane. This text is fixed in the binary;
# every user value arrives as JSON on standard input, never in the script.
#
# Request:  {"op": "inventory" | "state" | "set" | "dcs" | "cloudsync-status" | "cloudsync-set" | "events",
#            "connector": name or null, "enable": bool, "remote": host or null,
#            "tenant_user": UPN or null, "tenant_password": text or null,
#            "since": RFC 3339 time or null (events)}
# The tenant password (cloudsync-set only) becomes a PSCredential here; it is
# never printed, logged or written anywhere. With module logging on (event
# 4103 records every cmdlet's parameter values) or transcription, nothing that
# holds it may reach a cmdlet: standard input is read and parsed with .NET
# calls only, the credential is built with constructors (no New-Object), and
# only the plain fields and the credential go to $work or the remote session.
# tests/connect_script.rs checks this.
# Answer (one JSON line on standard output):
#   {"ok": true, "state": {...}} or {"ok": false, "error": {"kind": ..., "message": ...}}
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$work = {
    param([string]$op, [string]$connector, [bool]$enable, $credential, [string]$since)
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    function Fail([string]$kind, [string]$message) {
        return @{ ok = $false; error = @{ kind = $kind; message = $message } }
    }
    if ($op -eq 'events') {
        # The Application log's entries of the password reset service and of
        # synchronization since the time asked for, newest first, at most 300,
        # each message cut at 4000 characters.
        try {
            $start = [datetime]::Parse($since, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::RoundtripKind)
            $sources = @('PasswordResetService', 'ADSync', 'Directory Synchronization')
            # Filtered by provider in the query itself (a busy log must not
            # hide them), one provider at a time: a provider that is not
            # registered on this server then only empties its own part.
            $found = @(foreach ($source in $sources) {
                Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = $source; StartTime = $start } -MaxEvents 300 -ErrorAction SilentlyContinue
            })
            $found = @($found | Sort-Object -Property TimeCreated -Descending | Select-Object -First 300)
            $events = @($found | ForEach-Object {
                $m = [string]$_.Message
                if ($m.Length -gt 4000) { $m = $m.Substring(0, 4000) }
                @{ time = $_.TimeCreated.ToUniversalTime().ToString('o'); id = [int]$_.Id; source = [string]$_.ProviderName; level = [int]$_.Level; message = $m }
            })
            return @{ ok = $true; state = @{ module = $true; connectors = @(); endpoints = @(); events = $events } }
        } catch [System.UnauthorizedAccessException] {
            return (Fail 'access-denied' $_.Exception.Message)
        } catch {
            return (Fail 'other' $_.Exception.Message)
        }
    }
    if ($op -like 'cloudsync-*') {
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
            if ($op -eq 'cloudsync-set') {
                if ($null -eq $credential) {
                    return (Fail 'sign-in-refused' 'no tenant administrator credential was given')
                }
                Set-AADCloudSyncPasswordWritebackConfiguration -Enable $enable -Credential $credential | Out-Null
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
        if ($op -eq 'set') {
            Set-ADSyncAADPasswordResetConfiguration -Connector $connector -Enable $enable | Out-Null
        }
        $all = @(Get-ADSyncConnector)
        $connectors = @($all | ForEach-Object {
            @{ name = [string]$_.Name; identifier = [string]$_.Identifier; type = [string]$_.Type; subtype = [string]$_.Subtype }
        })
        $version = $null
        try { $version = [string](Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Azure AD Connect' -ErrorAction Stop).Version } catch { }
        $service = Get-Service -Name ADSync -ErrorAction SilentlyContinue
        $writeback = $null
        if ($connector) {
            $writeback = [bool](Get-ADSyncAADPasswordResetConfiguration -Connector $connector).Enabled
        }
        $account = $null
        $ad = $all | Where-Object { $_.ConnectorTypeName -eq 'AD' } | Select-Object -First 1
        if ($op -eq 'dcs') {
            # The AD connector's preferred DCs ("Only use preferred domain
            # controllers" of its directory partitions): the partition
            # parameters whose name starts with 'preferred-dc' (the name in
            # the connector's exported configuration is preferred-dcs/
            # preferred-dc; the PowerShell parameter name is NOT CONFIRMED).
            # None: the DC locator chooses.
            $preferred = @()
            if ($ad) {
                foreach ($partition in @($ad.Partitions)) {
                    foreach ($parameter in @($partition.Parameters | Where-Object { $_.Name -like 'preferred-dc*' })) {
                        $preferred += @(([string]$parameter.Value) -split '[;,\s]+' | Where-Object { $_ })
                    }
                }
            }
            return @{ ok = $true; state = @{ module = $true; connectors = @(); endpoints = @(); preferred_dcs = @($preferred | Select-Object -Unique) } }
        }
        if ($ad) {
            $user = ($ad.ConnectivityParameters | Where-Object { $_.Name -eq 'forest-login-user' }).Value
            $domain = ($ad.ConnectivityParameters | Where-Object { $_.Name -eq 'forest-login-domain' }).Value
            if ($user) { $account = "$domain\$user" }
        }
        $endpoints = @()
        if ($op -eq 'inventory') {
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
$utf8 = [System.Text.UTF8Encoding]::new($false)
$op = $null; $remote = $null; $connector = $null; $enable = $false
$user = $null; $credential = $null; $since = $null
$result = $null
try {
    # The request, with .NET calls only: no cmdlet sees its text.
    $reader = [System.IO.StreamReader]::new([Console]::OpenStandardInput(), $utf8)
    $text = $reader.ReadToEnd()
    $reader.Dispose()
    # Parsed into a dictionary of plain values: System.Text.Json where .NET
    # has it (PowerShell 7), JavaScriptSerializer on .NET Framework
    # (Windows PowerShell 5.1).
    $fields = [System.Collections.Generic.Dictionary[string, object]]::new()
    $json = $null
    try { $json = [System.Reflection.Assembly]::Load('System.Text.Json') } catch { }
    try {
        if ($json) {
            $document = [System.Text.Json.JsonDocument]::Parse($text)
            foreach ($property in $document.RootElement.EnumerateObject()) {
                $valueKind = [string]$property.Value.ValueKind
                if ($valueKind -eq 'String') { $fields[$property.Name] = $property.Value.GetString() }
                elseif ($valueKind -eq 'True') { $fields[$property.Name] = $true }
                elseif ($valueKind -eq 'False') { $fields[$property.Name] = $false }
            }
            $document.Dispose()
        } else {
            $null = [System.Reflection.Assembly]::Load('System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35')
            $parsed = [System.Web.Script.Serialization.JavaScriptSerializer]::new().DeserializeObject($text)
            foreach ($name in $parsed.Keys) { if ($null -ne $parsed[$name]) { $fields[$name] = $parsed[$name] } }
            $parsed = $null
        }
    } catch {
        # Not the parser's message: it may quote the request.
        throw [System.FormatException]::new('the request on standard input is not valid JSON')
    }
    $text = $null
    if ($fields.ContainsKey('op')) { $op = [string]$fields['op'] }
    if ($fields.ContainsKey('remote')) { $remote = [string]$fields['remote'] }
    if ($fields.ContainsKey('connector')) { $connector = [string]$fields['connector'] }
    if ($fields.ContainsKey('enable')) { $enable = [bool]$fields['enable'] }
    if ($fields.ContainsKey('tenant_user')) { $user = [string]$fields['tenant_user'] }
    if ($fields.ContainsKey('since')) { $since = [string]$fields['since'] }
    if ($fields.ContainsKey('tenant_password')) {
        # The password becomes a SecureString char by char, then a
        # PSCredential, through constructors and methods only.
        $secure = [System.Security.SecureString]::new()
        foreach ($ch in ([string]$fields['tenant_password']).ToCharArray()) { $secure.AppendChar($ch) }
        $secure.MakeReadOnly()
        $fields['tenant_password'] = $null
        $ch = $null
        $credential = [System.Management.Automation.PSCredential]::new($user, $secure)
    }
    $fields = $null
    if ($remote) {
        $result = Invoke-Command -ComputerName $remote -ScriptBlock $work -ArgumentList $op, $connector, $enable, $credential, $since
    } else {
        $result = & $work $op $connector $enable $credential $since
    }
} catch {
    $kind = if ($remote) { 'remote' } else { 'other' }
    $result = @{ ok = $false; error = @{ kind = $kind; message = [string]$_.Exception.Message } }
}
$bytes = $utf8.GetBytes((ConvertTo-Json -InputObject $result -Compress -Depth 6) + "`n")
$stdout = [Console]::OpenStandardOutput()
$stdout.Write($bytes, 0, $bytes.Length)
$stdout.Flush()
