#!/usr/bin/python3
"""A stand-in for powershell.exe on an Entra Connect (or Cloud Sync) server.

No Connect server (nor PowerShell with the ADSync module) can run where the
tests run, so tests/sync_powershell.rs points WRITEBACK_WIZARD_POWERSHELL at
this script. It speaks the wizard's protocol (src/backend/connect.ps1):

  argv:   -NoProfile -NonInteractive -EncodedCommand <base64 of UTF-16LE script>
  stdin:  {"op": "inventory"|"state"|"set"|"cloudsync-status"|"cloudsync-set",
           "connector": name|null, "enable": bool, "remote": host|null,
           "tenant_user": UPN|null, "tenant_password": text|null}
  stdout: one JSON line, {"ok": true, "state": {...}} or
          {"ok": false, "error": {"kind": ..., "message": ...}}

and emulates the documented behaviour of the cmdlets the script uses
(Get-ADSyncConnector, Get-/Set-ADSyncAADPasswordResetConfiguration): the
writeback flag is kept per connector, off until set.

Cloud Sync (ops "cloudsync-*"): the provisioning agent's module
(Microsoft.CloudSync.Powershell.dll) and its documented
Set-AADCloudSyncPasswordWritebackConfiguration -Enable <bool> -Credential,
which signs in to the tenant as a Hybrid Identity Administrator or Global
Administrator. Microsoft documents no Get cmdlet, so the fake, like the
script, never reports the setting ("writeback": null); it keeps what was set
under "cloud-sync" in the state file for the tests to look at. A credential
other than FAKE_PWSH_TENANT_USER / FAKE_PWSH_TENANT_PASSWORD is refused the
way Entra ID refuses a sign-in (AADSTS50126). The tenant password may only
arrive on stdin with "cloudsync-set"; the log never holds it (redacted), but
records whether it also showed up in argv or in the environment.

Environment:
  FAKE_PWSH_STATE  JSON file with the writeback flag per connector
                   (default: every connector off, nothing is written)
  FAKE_PWSH_LOG    append one JSON line per call: {"argv": [...], "request": {...}}
  FAKE_PWSH_PIDS   in mode "hang": file to receive "<own pid> <child pid>"
  FAKE_PWSH_MODE   ok (default) | module-missing | access-denied |
                   two-connectors | garbage | hang | old-version | remote-fail |
                   agent-missing | agent-old | hang-on-set | flood
                   (flood: prints 6 MiB before its answer)
  FAKE_PWSH_EVENTS JSON file of event records for op "events"
  FAKE_PWSH_PREFERRED_DCS  op "dcs" (issue 25): the AD connector's preferred
                   DCs, comma-separated (default: none, the DC locator
                   chooses). Microsoft documents the setting ("Only use
                   preferred domain controllers" on the AD connector's
                   directory partitions; exported as preferred-dcs/preferred-dc)
                   but not its PowerShell parameter name: NOT CONFIRMED, so
                   both answers (a list, none) are tested.
  FAKE_PWSH_TENANT_USER, FAKE_PWSH_TENANT_PASSWORD
                   the tenant administrator the fake tenant accepts
                   (default admin@contoso.onmicrosoft.com / Corr3ct-H0rse)

Diagnosis (op "events", with "since" an RFC 3339 time): the script's
Get-WinEvent over the Application log, filtered to the password reset
service and synchronization. The fake answers with captured records
(FAKE_PWSH_EVENTS: a JSON file with a list of {time, id, source, level,
message}; default: a built-in set of known and unknown entries), keeping
those at or after "since", newest first, each message cut at 4000
characters as the script does.

Every call's log line also lists which of the wizard's password variables
(WRITEBACK_WIZARD_BIND_PASSWORD, WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD)
the process inherited ("secret_env"): none may arrive.

A broken call (wrong arguments, a script that lacks the cmdlets, a request
that is not the documented JSON) exits 64 with a message on stderr.
"""

import base64
import binascii
import json
import re
import os
import subprocess
import sys
import time

ENTRA_ID = "b891884f-051e-4a83-95af-2544101c9083"
AAD_SUBTYPE = "Windows Azure Active Directory (Microsoft)"
REQUIRED_CMDLETS = (
    "Get-ADSyncConnector",
    "Get-ADSyncAADPasswordResetConfiguration",
    "Set-ADSyncAADPasswordResetConfiguration",
    "Microsoft.CloudSync.Powershell.dll",
    "Set-AADCloudSyncPasswordWritebackConfiguration",
    "Get-WinEvent",
)
MODES = (
    "ok",
    "module-missing",
    "access-denied",
    "two-connectors",
    "garbage",
    "hang",
    "old-version",
    "remote-fail",
    "agent-missing",
    "agent-old",
    "hang-on-set",
    "flood",
)
OPS = ("inventory", "state", "set", "dcs", "cloudsync-status", "cloudsync-set", "events")
SECRET_ENV = ("WRITEBACK_WIZARD_BIND_PASSWORD", "WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD")
# Captured Application log entries (messages as reported on Connect servers).
EVENTS = [
    {"time": "2026-12-02T02:10:00.0000000Z", "id": 33004, "source": "PasswordResetService", "level": 2,
     "message": "An unexpected error has occurred during a password set operation. "
                "\"ERR_: MMS(3040): admaexport.cpp(2837): Failed to acquire user information.: "
                "CN=Bob Nguyen,OU=Staff,DC=contoso,DC=example. Contact Support\" hr=80230626, "
                "message=The management agent credentials were denied access."},
    {"time": "2026-12-02T02:00:00.0000000Z", "id": 6329, "source": "ADSync", "level": 2,
     "message": "An error occurred while setting the password: hr=80230619, "
                "the password does not satisfy the minimum password age."},
    {"time": "2026-12-02T01:50:00.0000000Z", "id": 32002, "source": "PasswordResetService", "level": 2,
     "message": "Unable to connect to Service Bus: the remote name could not be resolved: "
                "'ssprdedicatedsbprodncu.servicebus.windows.net'."},
    {"time": "2026-12-02T01:40:00.0000000Z", "id": 31019, "source": "PasswordResetService", "level": 4,
     "message": "Password reset request was successfully processed."},
    {"time": "2026-12-02T01:30:00.0000000Z", "id": 31117, "source": "PasswordResetService", "level": 4,
     "message": "A message the wizard has never seen."},
    {"time": "2026-11-01T00:00:00.0000000Z", "id": 33008, "source": "PasswordResetService", "level": 2,
     "message": "Too old: outside any --since window the tests use."},
]
TENANT_USER = "admin@contoso.onmicrosoft.com"
TENANT_PASSWORD = "Corr3ct-H0rse"
ENDPOINTS = ("passwordreset.microsoftonline.com", "servicebus.windows.net")


def usage(message):
    sys.stderr.write("fake-powershell: %s\n" % message)
    sys.exit(64)


def check_argv(argv):
    """The exact invocation of src/backend/powershell.rs; returns the script."""
    expected = ["-noprofile", "-noninteractive", "-encodedcommand"]
    if len(argv) != 4 or [a.lower() for a in argv[:3]] != expected:
        usage("expected -NoProfile -NonInteractive -EncodedCommand <base64>, got %r" % argv)
    try:
        raw = base64.b64decode(argv[3], validate=True)
        script = raw.decode("utf-16-le")
    except (binascii.Error, ValueError) as e:
        usage("the encoded command is not base64 of UTF-16LE text: %s" % e)
    if len(raw) % 2:
        usage("the encoded command has an odd number of bytes (not UTF-16LE)")
    missing = [c for c in REQUIRED_CMDLETS if c not in script]
    if missing:
        usage("the script does not use %s" % ", ".join(missing))
    return script


def read_request():
    text = sys.stdin.read()
    try:
        req = json.loads(text)
    except ValueError as e:
        usage("the request on stdin is not JSON (%s): %r" % (e, text[:200]))
    if not isinstance(req, dict):
        usage("the request is not a JSON object: %r" % text[:200])
    if req.get("op") not in OPS:
        usage("unknown op %r" % req.get("op"))
    if req["op"] == "events":
        since = req.get("since")
        if not isinstance(since, str) or "T" not in since:
            usage("op 'events' needs 'since' as an RFC 3339 time: %r" % since)
    for key in ("connector", "remote", "tenant_user", "tenant_password"):
        if key not in req or not (req[key] is None or isinstance(req[key], str)):
            usage("%r must be a string or null: %r" % (key, req.get(key)))
    if not isinstance(req.get("enable"), bool):
        usage("'enable' must be a boolean: %r" % req.get("enable"))
    has_credential = req["tenant_user"] is not None or req["tenant_password"] is not None
    if req["op"] == "cloudsync-set":
        if req["tenant_user"] is None or req["tenant_password"] is None:
            usage("cloudsync-set needs tenant_user and tenant_password")
    elif has_credential:
        usage("op %r must not carry a tenant credential" % req["op"])
    return req


def log(argv, req):
    path = os.environ.get("FAKE_PWSH_LOG")
    if not path:
        return
    entry = {"argv": argv, "request": dict(req),
             "secret_env": [n for n in SECRET_ENV if n in os.environ]}
    secret = req.get("tenant_password")
    if secret:
        entry["request"]["tenant_password"] = "<redacted>"
        entry["secret_in_argv"] = any(secret in a for a in argv)
        entry["secret_in_env"] = any(secret in v for v in os.environ.values())
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")


def connectors(mode):
    """What Get-ADSyncConnector lists."""
    ad = {
        "name": "corp.example",
        "identifier": "6f3a2b1c-9d8e-4f70-a1b2-c3d4e5f60718",
        "type": "AD",
        "subtype": "",
    }
    if mode == "two-connectors":
        # Two tenants' connectors, neither with the fixed identifier.
        return [
            ad,
            {
                "name": "contoso.onmicrosoft.com - AAD",
                "identifier": "0c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e5",
                "type": "Extensible2",
                "subtype": AAD_SUBTYPE,
            },
            {
                "name": "fabrikam.onmicrosoft.com - AAD",
                "identifier": "7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b",
                "type": "Extensible2",
                "subtype": AAD_SUBTYPE,
            },
        ]
    return [
        ad,
        {
            "name": "contoso.onmicrosoft.com - AAD",
            "identifier": ENTRA_ID,
            "type": "Extensible2",
            "subtype": AAD_SUBTYPE,
        },
    ]


def load_state():
    path = os.environ.get("FAKE_PWSH_STATE")
    if not path or not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save_state(state):
    path = os.environ.get("FAKE_PWSH_STATE")
    if not path:
        return
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(state, f, sort_keys=True)
    os.replace(tmp, path)


class CmdletError(Exception):
    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind
        self.message = message


def aad_connector(all_connectors, name):
    """-Connector <name> as the ADSync cmdlets resolve it."""
    if name is None:
        raise CmdletError(
            "other",
            "Cannot validate argument on parameter 'Connector'. "
            "The argument is null or empty.",
        )
    for c in all_connectors:
        if c["name"] == name:
            if c["subtype"] != AAD_SUBTYPE:
                raise CmdletError("other", "Connector is not an Azure AD connector: " + name)
            return c
    raise CmdletError("other", "Connector not found")


def cloud_sync(mode, req):
    """The Cloud Sync ops: the agent's state, and the Set cmdlet."""
    if mode == "agent-missing":
        raise CmdletError(
            "agent-missing",
            "C:\\Program Files\\Microsoft Azure AD Connect Provisioning Agent\\"
            "Microsoft.CloudSync.Powershell.dll was not found",
        )
    if req["op"] == "cloudsync-set":
        user = os.environ.get("FAKE_PWSH_TENANT_USER", TENANT_USER)
        password = os.environ.get("FAKE_PWSH_TENANT_PASSWORD", TENANT_PASSWORD)
        if req["tenant_user"].lower() != user.lower() or req["tenant_password"] != password:
            raise CmdletError(
                "sign-in-refused",
                "AADSTS50126: Error validating credentials due to invalid "
                "username or password.",
            )
        state = load_state()
        state["cloud-sync"] = bool(req["enable"])
        save_state(state)
    return {
        "module": True,
        "version": "1.1.587.0" if mode == "agent-old" else "1.1.1370.0",
        "service_running": True,
        "connectors": [],
        "writeback": None,
        "endpoints": [],
    }


PROVIDER_QUERY = re.compile(
    r"Get-WinEvent\s+-FilterHashtable\s+@\{[^}]*\bLogName\s*=\s*'Application'[^}]*"
    r"\bProviderName\s*=\s*\$source\b[^}]*\}"
)


def events(req, script):
    """Get-WinEvent as the script runs it, over captured records. The
    script must filter by provider in its -FilterHashtable (a busy
    Application log would otherwise hide the writeback entries behind
    other providers' newest ones); records of other providers are never
    returned."""
    if not PROVIDER_QUERY.search(script):
        usage("Get-WinEvent is not filtered by ProviderName in its -FilterHashtable")
    path = os.environ.get("FAKE_PWSH_EVENTS")
    records = EVENTS
    if path:
        with open(path, encoding="utf-8") as f:
            records = json.load(f)
    since = req["since"].replace("Z", "")[:19]
    kept = [dict(r, message=r["message"][:4000]) for r in records
            if r["time"].replace("Z", "")[:19] >= since
            and r.get("source") in ("PasswordResetService", "ADSync", "Directory Synchronization")]
    kept.sort(key=lambda r: r["time"], reverse=True)
    return {"module": True, "connectors": [], "endpoints": [], "events": kept[:300]}


def answer(mode, req, script):
    """What connect.ps1 prints for this request."""
    if req["op"] == "events":
        return events(req, script)
    if mode == "remote-fail" and req["remote"]:
        raise CmdletError(
            "remote",
            "Connecting to remote server %s failed with the following error "
            "message : WinRM cannot complete the operation. Verify that the "
            "specified computer name is valid, that the computer is accessible "
            "over the network, and that a firewall exception for the WinRM "
            "service is enabled and allows access from this computer."
            % req["remote"],
        )
    if req["op"].startswith("cloudsync-"):
        # A Cloud Sync server has no ADSync module ("module-missing" is one).
        return cloud_sync(mode, req)
    if mode in ("module-missing", "agent-missing"):
        raise CmdletError("module-missing", "the ADSync module is not installed here")
    all_connectors = connectors(mode)
    if req["op"] == "dcs":
        listed = os.environ.get("FAKE_PWSH_PREFERRED_DCS", "")
        return {"module": True, "connectors": [], "endpoints": [],
                # split as the script does: on ';', ',' and white space
                "preferred_dcs": [d for d in re.split(r"[;,\s]+", listed) if d]}
    state = load_state()
    if req["op"] == "set":
        # Set-ADSyncAADPasswordResetConfiguration needs an elevated session.
        if mode == "access-denied":
            raise CmdletError("access-denied", "Access is denied.")
        c = aad_connector(all_connectors, req["connector"])
        state[c["name"]] = bool(req["enable"])
        save_state(state)
    writeback = None
    if req["connector"]:
        c = aad_connector(all_connectors, req["connector"])
        writeback = bool(state.get(c["name"], False))
    endpoints = []
    if req["op"] == "inventory":
        endpoints = [{"host": h, "port": 443, "reachable": True} for h in ENDPOINTS]
    return {
        "module": True,
        "version": "1.6.16.0" if mode == "old-version" else "2.4.131.0",
        "service_running": True,
        "connectors": all_connectors,
        "writeback": writeback,
        "ad_connector_account": "CORP\\MSOL_4f2a9c1d7e3b",
        "endpoints": endpoints,
    }


def garbage():
    """A terminating error as PowerShell prints it, no JSON."""
    sys.stdout.write(
        "Import-Module : The specified module 'ADSync' was not loaded because no "
        "valid module file was found in any module directory.\n"
        "At line:1 char:1\n"
        "+ Import-Module ADSync\n"
        "+ ~~~~~~~~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : ResourceUnavailable: (ADSync:String) "
        "[Import-Module], FileNotFoundException\n"
        "    + FullyQualifiedErrorId : Modules_ModuleNotFound,"
        "Microsoft.PowerShell.Commands.ImportModuleCommand\n"
        "\n"
    )
    sys.stdout.flush()
    sys.exit(1)


def hang():
    """Never answers, and leaves a process tree behind to be killed."""
    child = subprocess.Popen(["sleep", "1000"])
    path = os.environ.get("FAKE_PWSH_PIDS")
    if path:
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("%d %d\n" % (os.getpid(), child.pid))
        os.replace(tmp, path)
    while True:
        time.sleep(3600)


def main():
    argv = sys.argv[1:]
    script = check_argv(argv)
    mode = os.environ.get("FAKE_PWSH_MODE", "ok")
    if mode not in MODES:
        usage("unknown FAKE_PWSH_MODE %r" % mode)
    req = read_request()
    log(argv, req)
    if mode == "garbage":
        garbage()
    if mode == "flood":
        chunk = "x" * 65536 + "\n"
        for _ in range(96):
            sys.stdout.write(chunk)
    if mode == "hang" or (mode == "hang-on-set" and req["op"] in ("set", "cloudsync-set")):
        hang()
    try:
        result = {"ok": True, "state": answer(mode, req, script)}
    except CmdletError as e:
        result = {"ok": False, "error": {"kind": e.kind, "message": e.message}}
    # PowerShell's ConvertTo-Json -Compress, then a newline.
    sys.stdout.write(json.dumps(result, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
