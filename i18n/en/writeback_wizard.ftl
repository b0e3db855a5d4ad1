# writeback-wizard — English (the reference: every other language has exactly these ids)

## Security descriptors: plain-language ACE lines

ace-allow = { $rights } — { $scope } — { $trustee }
ace-deny = Deny: { $rights } — { $scope } — { $trustee }
ace-audit = Audit: { $rights } — { $scope } — { $trustee }
ace-unknown = An entry of a type this tool does not read (kept unchanged)
ace-inherited = { $line } (inherited)

trustee-unknown = (unknown account)
trustee-everyone = Everyone
trustee-authenticated-users = Authenticated Users
trustee-local-system = SYSTEM
trustee-self = SELF
trustee-creator-owner = CREATOR OWNER
trustee-enterprise-dcs = Enterprise Domain Controllers
trustee-administrators = Administrators
trustee-pre-windows-2000 = Pre-Windows 2000 Compatible Access
trustee-windows-authorization-access = Windows Authorization Access Group
trustee-domain-admins = Domain Admins
trustee-enterprise-admins = Enterprise Admins
trustee-domain-controllers = Domain Controllers

name-reset-password = Reset password
name-change-password = Change password
name-unexpire-password = Unexpire password
name-lockout-time = lockoutTime
name-pwd-last-set = pwdLastSet
name-user = user
name-inet-org-person = inetOrgPerson
name-computer = computer
name-group = group
name-organizational-unit = organizational unit
name-replicating-directory-changes = Replicating directory changes
name-replicating-directory-changes-all = Replicating directory changes all
name-user-account-restrictions = account restrictions
name-user-logon = logon information
name-membership = group membership
name-general-information = general information
name-personal-information = personal information
name-public-information = public information
name-user-account-control = userAccountControl

right-full-control = Full control
right-all-extended = All extended rights
right-write-property = Write { $name }
right-read-property = Read { $name }
right-create-child = Create { $name } objects
right-create-child-any = Create all child objects
right-delete-child = Delete { $name } objects
right-delete-child-any = Delete all child objects
right-validated-write = Validated write to { $name }
right-validated-write-any = All validated writes
right-write-all-properties = Write all properties
right-read-all-properties = Read all properties
right-list-contents = List contents
right-list-object = List object
right-read-permissions = Read permissions
right-modify-permissions = Modify permissions
right-modify-owner = Modify owner
right-delete = Delete
right-delete-subtree = Delete subtree
right-generic-read = Generic read
right-generic-write = Generic write
right-generic-execute = Generic execute
right-other = Special rights { $mask }

scope-this-object = on this object only
scope-this-and-descendants = on this object and all descendant objects
scope-descendants = on all descendant objects
scope-descendants-of-class = on descendant { $class } objects
scope-this-and-children = on this object and its direct children
scope-children = on direct children only

## Security descriptors: errors

sd-error-at-byte = { $what } (at byte { $offset })
sd-error-truncated = the data ends inside the { $part }; was the value cut off when copied?
sd-error-revision = security descriptor revision { $revision } is not 1; this is not a security descriptor
sd-error-not-self-relative = the security descriptor is not in self-relative form (control flag 0x8000 missing)
sd-error-sid-revision = a SID has revision { $revision } instead of 1
sd-error-sid-too-long = a SID claims { $count } sub-authorities (at most 15)
sd-error-acl-revision = an ACL has revision { $revision } (expected 2 or 4)
sd-error-acl-size = an ACL declares { $size } bytes, less than its 8-byte header
sd-error-ace-size = an ACE declares { $size } bytes (at least 4 and a multiple of 4)
sd-error-offset = the offset { $offset } points outside the data
sd-error-trailing = unexpected bytes after the end
sd-error-base64 = this is not valid base64; paste the value exactly as LDAP returned it
sddl-error-at-char = { $what } (at character { $position })
sddl-error-section = expected a section "O:", "G:", "D:" or "S:" but found "{ $found }"
sddl-error-duplicate-section = the section "{ $section }:" appears twice
sddl-error-sid = "{ $token }" is neither a SID (S-1-…) nor a known two-letter alias
sddl-error-needs-domain = the alias "{ $alias }" stands for a domain group; give the domain SID or write the full SID
sddl-error-ace-type = unknown ACE type "{ $token }" (use A, D, OA, OD, AU, OU, AL or OL)
sddl-error-ace-flag = unknown ACE flag "{ $token }" (use OI, CI, NP, IO, ID, SA or FA)
sddl-error-rights = unknown right "{ $token }" (use two-letter rights such as CR, WP, RP or a hex mask such as 0x100)
sddl-error-guid = "{ $token }" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)
sddl-error-guid-on-basic = ACE type "{ $token }" takes no object GUIDs; use OA or OD for object ACEs
sddl-error-ace-fields = an ACE needs exactly 6 fields separated by ";"
sddl-error-unclosed = an ACE is not closed with ")"
sddl-error-acl-flag = unknown ACL flag "{ $token }" (use P, AI, AR or NO_ACCESS_CONTROL)
sddl-error-empty = the SDDL text is empty
sddl-error-unrepresentable = entry { $index } of the { $acl } (ACE type { $ace_type }) has no SDDL form; use the base64 value instead

## Command line

cli-error = error: { $message }
cli-error-domain-sid = "{ $value }" is not a domain SID (S-1-5-21-…)
cli-error-stdin = cannot read standard input: { $reason }
cli-error-encode-too-large = the security descriptor is too large for its binary form (over 65,535 bytes or entries)
gui-error = the wizard window could not open: { $reason }
explain-owner = Owner: { $trustee }
explain-group = Group: { $trustee }
explain-dacl = Permissions ({ $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }):
explain-dacl-protected = Permissions ({ $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }, not inherited from the parent):
explain-null-dacl = Permissions: none set (a NULL DACL gives everyone full control)
explain-sacl = Auditing ({ $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }):

## Step 1: directory errors

dir-error-unreachable = cannot reach { $url } ({ $reason }); check the address and port, and that the domain controller is running and not blocked by a firewall
dir-error-untrusted = the certificate of { $url } is not signed by a trusted authority ({ $reason }); give the file of the CA certificate that issued it
dir-error-hostname = the certificate of { $url } is not issued for that name ({ $reason }); connect with the name the certificate carries (usually the DC's DNS name)
dir-error-tls = the TLS connection to { $url } failed ({ $reason })
dir-error-credentials = the domain controller refused the sign-in: check the account name (UPN, DN or DOMAIN\user) and the password
dir-error-rights = the signed-in account may not do this on { $dn }; sign in as a Domain Admin or an account allowed to change its permissions
dir-error-no-such-object = { $dn } does not exist; check the DN
dir-error-timeout = the domain controller did not answer within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }; check the network, or raise the timeout
dir-error-connection-lost = the connection to the domain controller was lost ({ $reason }); nothing more was changed, run the command again
dir-error-ldap = the domain controller answered with LDAP error { $code } on { $dn }: { $text }
dir-error-config = invalid connection setting: { $text }
task-error-account-not-found = no account named "{ $name }" was found; check the connector account name (sAMAccountName, UPN, DN or DOMAIN\name)
task-error-account-ambiguous = "{ $name }" matches several accounts ({ $candidates }); give the sAMAccountName, UPN or DN instead
task-error-bad-data = { $dn }: { $what }
task-error-read-back = { $dn }: the permissions read back after writing are not the ones written; run check and verify, and undo with rollback if needed
task-error-backup = cannot use the backup { $path } ({ $reason })
task-error-never-applied = the grant saved in { $path } never reached the directory (its write failed), so there is nothing to undo; choose an earlier grant
task-error-no-backup = no backup of a grant was found in { $dir }; there is nothing to undo

## Step 1: pre-flight findings

outcome-ok = ok
outcome-warning = warning
outcome-blocking = blocking
check-connection-tls = connected to { $server } over verified TLS
check-connection-plain = connected to { $server } WITHOUT encryption: passwords cross the network in clear
check-dacl-writable = the signed-in account may change the permissions of { $dn }
check-dacl-not-writable = the signed-in account may NOT change the permissions of { $dn }; sign in as a Domain Admin (or an account with "Modify permissions" there)
check-connector-found = connector account { $dn } found and enabled
check-connector-disabled = connector account { $dn } is disabled; enable it (Entra Connect cannot write back with it)
check-min-pwd-age-ok = minimum password age is 0, as writeback needs
check-min-pwd-age = minimum password age is { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; writeback of a fresh reset is refused until it passes (set it to 0 in the Default Domain Policy)
check-policy-hints-ok = the domain controller supports the password-policy hints control
check-policy-hints-missing = the domain controller does not advertise the password-policy hints control (Windows Server 2016 or later needed); writeback may fail with event 6329
check-inetorgperson-covered = { $count ->
        [one] { $count } inetOrgPerson object
       *[other] { $count } inetOrgPerson objects
    } in scope, covered by the inetOrgPerson variants
check-inetorgperson-uncovered = { $count ->
        [one] { $count } inetOrgPerson object in scope will
       *[other] { $count } inetOrgPerson objects in scope will
    } not receive the permission; include inetOrgPerson objects in the grant
check-grant-complete = { $dn } already carries every writeback permission
check-grant-partial = { $dn } carries part of the writeback permissions; grant completes them
check-grant-none = { $dn } does not carry the writeback permissions yet
check-adminsdholder = { $dn } is a target: protected admin accounts become resettable from the cloud

## Step 1: command line

cli-error-profile = cannot read the profile { $path }: { $reason }
cli-error-missing = { $option } is required (or set it in the profile)
cli-error-plaintext = ldap:// without TLS would send the password in clear; use ldaps://, or --starttls, or allow it explicitly with --insecure-plaintext
cli-warning-plaintext = warning: connecting WITHOUT encryption (--insecure-plaintext); the password crosses the network in clear
cli-error-no-password = no password: set { $var } or run on a terminal to be asked
cli-password-prompt = Password of the bind account:
cli-error-confirm-needs-yes = not on a terminal: add --yes to confirm the change
cli-cancelled = cancelled; nothing was changed
cli-blocked = blocked by pre-flight findings; fix them and run again:
cli-confirm-grant = Write the new permissions to { $count ->
        [one] 1 object
       *[other] { $count } objects
    }?
cli-confirm-rollback = Undo the grant on { $count ->
        [one] 1 object
       *[other] { $count } objects
    }?
cli-confirm-hint = [y/N]
cli-granted = { $dn }: { $count ->
        [one] 1 permission entry
       *[other] { $count } permission entries
    } added; backup saved to { $backup }
cli-already-granted = { $dn }: already granted, nothing to do
cli-plan-target = { $dn }: { $count ->
        [one] 1 permission entry
       *[other] { $count } permission entries
    } to add:
cli-plan-before = before: { $sddl }
cli-plan-after = after:  { $sddl }
cli-dry-run = dry run: nothing was written
cli-verify-summary = { $carrying } of { $total ->
        [one] { $total } user
       *[other] { $total } users
    } { $carrying ->
        [one] carries
       *[other] carry
    } the permission
cli-rolled-back = { $dn }: grant undone ({ $count ->
        [one] 1 entry removed
       *[other] { $count } entries removed
    })
progress-users = { $carrying } of { $done ->
        [one] { $done } user
       *[other] { $done } users
    } scanned so far { $carrying ->
        [one] carries
       *[other] carry
    } the permission

## Wizard: shell

step-welcome = Welcome
step-targets = Targets & sign-in
step-preflight = Pre-flight
step-permissions = AD permissions
step-connect = Entra Connect
step-portal = Entra portal
step-verify = Verify
step-summary = Summary
demo-badge = Demo
demo-note = Demo organization: a built-in directory, Connect server and tenant. Nothing outside this window is changed.
theme-toggle = Light / dark
button-back = Back
button-next = Next
button-start = Start
button-cancel = Cancel
state-on = on
state-off = off

## Wizard: Welcome

welcome-title = Turn on password writeback
welcome-subtitle = Passwords that users reset in the cloud are written back to on-premises Active Directory.
welcome-changes = What this wizard changes
welcome-change-ad = Active Directory: the connector account may reset passwords, unlock accounts and update password dates on user objects.
welcome-change-connect = Entra Connect: the optional feature "Password writeback" is switched on.
welcome-change-portal = Entra admin portal: "Enable password write back for synced users" and "Allow users to unlock accounts without resetting their password".
welcome-safety = Every step checks first, shows what it will change, saves a backup, reads back what it wrote, and can be undone.
welcome-requirements = What you need
welcome-req-roles = A Domain Admin (or an account allowed to change permissions on the domain root) and a Global Administrator or Hybrid Identity Administrator in Entra ID
welcome-req-license = Microsoft Entra ID P1 or P2 (or a bundle that contains it)
welcome-req-connect = Entra Connect 2.x or later, with an AD DS connector account
welcome-environment = Where
welcome-demo = The built-in demo organization (contoso.com): safe to click through, nothing real is changed.
welcome-profile = The organization described by { $profile }
welcome-language = Language

## Wizard: Targets

targets-title = Targets & sign-in
targets-subtitle = Which domain controller, which accounts, which Connect server and tenant.
targets-directory = Active Directory
targets-server = Domain controller
targets-ca-file = CA certificate (PEM)
targets-ca-file-hint = empty: the system's trusted roots
targets-browse = Browse…
targets-bind-user = Sign in as (UPN, DN or DOMAIN\user)
targets-password = Password
targets-password-hint = never saved
targets-connector = AD DS connector account
targets-find = Find
targets-finding = Finding…
targets-find-hint = Find checks that the account exists, is unique and is enabled.
targets-found = { $dn } ({ $sid })
targets-cloud = Entra Connect and tenant
targets-sync-host = Entra Connect server
targets-sync-host-hint = empty: this machine
targets-tenant = Tenant

## Wizard: Pre-flight

preflight-title = Pre-flight checks
preflight-subtitle = Nothing is changed yet. Only blocking findings stop you from going on.
preflight-idle = The checks read the directory and scan the users.
preflight-run = Run checks
preflight-rerun = Run again
preflight-running = Checking the directory and scanning users…

## Wizard: Permissions

permissions-title = Active Directory permissions
permissions-subtitle = The connector account gets the rights writeback needs, on descendant user objects of the domain root.
permissions-planning = Reading the current permissions…
permissions-applying = Saving a backup, writing, reading back…
permissions-undoing = Removing the entries this wizard added…
permissions-will-add = { $count ->
        [one] 1 entry will be added:
       *[other] { $count } entries will be added:
    }
permissions-sddl-added = The same entries in SDDL:
permissions-applied-line = { $count ->
        [one] 1 entry added and read back
       *[other] { $count } entries added and read back
    }
permissions-result = Result
permissions-read-back = { $dn }: written and read back
permissions-backup = Backup: { $path }
permissions-propagation = On Windows domain controllers the change can take up to an hour to reach every user.
permissions-undone = Undone
permissions-apply = Apply
permissions-undo = Undo

## Wizard: Connect

connect-title = Entra Connect
connect-subtitle = The optional feature "Password writeback" on the Connect server.
connect-reading = Reading the Connect server…
connect-switching = Switching password writeback…
connect-reading-back = Reading back…
connect-on = Password writeback is on
connect-off = Password writeback is off
connect-version = Version { $version }
connect-connector = Entra ID connector: { $connector }
connect-ad-account = AD DS connector account: { $account }
connect-enable = Enable writeback
connect-retry = Check again
connect-undo = Switch off again
connect-manual = Do this on the Connect server
connect-manual-steps = Open the Entra Connect wizard > Configure > Customize synchronization options > Optional features > tick "Password writeback" > Next > Configure.
connect-manual-script = Or in PowerShell, elevated: Set-ADSyncAADPasswordResetConfiguration -Connector "<Entra ID connector>" -Enable $true
sync-error = the Connect server failed: { $reason }

## Wizard: Portal

portal-title = Entra admin portal
portal-subtitle = Password reset > On-premises integration.
portal-undocumented = These settings are changed through the portal's own, undocumented API; if it refuses, the wizard shows the manual steps.
portal-reading = Reading the tenant's settings…
portal-setting-writeback = Turning on "write back passwords"…
portal-setting-unlock = Turning on "unlock without reset"…
portal-reading-back = Reading back…
portal-writeback = Write back passwords to on-premises
portal-unlock = Unlock accounts without resetting the password
portal-toggle = { $setting }: { $current } → { $desired }
portal-apply = Apply
portal-undo = Turn off again
portal-manual = Do this in the Entra admin center
portal-manual-steps = Protection > Password reset > On-premises integration: tick "Enable password write back for synced users" and "Allow users to unlock accounts without resetting their password", then Save.

## Wizard: Verify

verify-title = Verify
verify-subtitle = Everything read again, as it is now.
verify-run = Check again
verify-running = Reading every plane and scanning users…
verify-planes = The three planes
verify-portal-on = Portal: write back and unlock are on
verify-portal-off = Portal: write back or unlock is off
verify-not-carrying = Users without the permission
verify-everyone = Every user carries the permission.

## Wizard: Summary

summary-title = Summary
summary-subtitle = What this run changed, and how to undo it.
summary-changed = Changed
summary-no-permissions = No permissions were written.
summary-permissions = { $dn }: { $count ->
        [one] 1 permission entry
       *[other] { $count } permission entries
    } added
summary-connect-on = Entra Connect: password writeback switched on
summary-connect-unchanged = Entra Connect: not changed by this run
summary-portal-on = Portal: write back and unlock switched on
summary-portal-unchanged = Portal: not changed by this run
summary-backups = Backups
summary-no-backups = No backups were needed.
summary-remember = Remember
summary-propagation = On Windows domain controllers, permissions can take up to an hour to reach every user.
summary-policy = Passwords must still meet on-premises policy; set the minimum password age to 0.
summary-undo-all = Undo everything

## Step 2: Entra Connect

sync-error-no-powershell = cannot start PowerShell ({ $exe }: { $reason }); run the wizard on the Connect server, install PowerShell, or name it with WRITEBACK_WIZARD_POWERSHELL
sync-error-module = the ADSync module is not installed ({ $detail }); run this on the Entra Connect server, or name that server to reach it remotely
sync-error-access = access denied ({ $detail }); run as an administrator of the Connect server (elevated), and for a remote server as a member of its local Administrators
sync-error-no-connector = no Entra ID connector was found on the Connect server; finish the Entra Connect setup first
sync-error-several = several Entra ID connectors were found ({ $names }); switch writeback on in the Connect wizard instead
sync-error-remote = the remote PowerShell session failed ({ $detail }); check the host name, that WinRM is enabled on it, and your rights there
sync-error-garbage = PowerShell answered something unexpected ({ $detail }); run the command again, and check the Connect server's PowerShell
sync-error-timeout = PowerShell did not answer within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }; it was stopped (nothing else was changed by the wizard)
sync-error-read-back = the writeback state read back is not the one set; look at the Connect wizard's optional features
sync-check-version = Entra Connect { $version } (2.x or later)
sync-check-version-old = Entra Connect { $version } is retired; upgrade to 2.x or later first
sync-check-service = the ADSync service is running
sync-check-service-stopped = the ADSync service is not running; start it (writeback needs it)
sync-check-endpoint = { $host } answers on port 443 from the Connect server
sync-check-endpoint-blocked = { $host } does not answer on port 443 from the Connect server; writeback needs outbound 443 to it (firewall or proxy)
cli-sync-state = { $host }: connector "{ $connector }", password writeback { $state }

## Sign-in and the portal API (step 3)
tenant-error-config = { $detail }; fix the setting (the tenant or the client id in the profile, or the WRITEBACK_WIZARD_*_URL variables)
tenant-error-network = cannot reach Entra ID ({ $detail }); check the network, proxy and firewall of this machine
tenant-error-timeout = Entra ID did not answer in time; try again, and check the network of this machine
tenant-error-not-signed-in = not signed in to the tenant; sign in on the "Targets & sign-in" page first
tenant-error-sign-in = the sign-in failed ({ $code }: { $detail }); check the tenant name and the account, then sign in again
tenant-error-consent = the client application needs consent in this tenant; ask a Global Administrator to consent, or set another client id (client_id in the profile)
tenant-error-tenant = the tenant { $tenant } was not found; use its primary domain (contoso.onmicrosoft.com) or its tenant id
tenant-error-no-browser = no browser could be opened for the sign-in; use "Sign in with a code"
tenant-error-declined = the sign-in was declined in the browser; sign in again and accept
tenant-error-expired = the sign-in has expired; sign in again
tenant-error-state = the sign-in answer did not belong to this sign-in (state mismatch) and was refused; sign in again
tenant-error-forbidden = the portal refused the change (403): your account lacks a role allowed to change password reset settings; sign in as a Global Administrator, or make the change by hand
tenant-error-api = the portal's API answered unexpectedly ({ $detail }); it is undocumented and may have changed: make the change by hand in the admin center
tenant-error-throttled = the service kept asking to slow down (429/503) after several retries; wait a few minutes and try again
tenant-error-server = the service failed (HTTP { $status }); try again later, or make the change by hand
tenant-error-read-back = the settings read back are not the ones set; look at the admin center's On-premises integration page
portal-check-licence = An Entra ID P1 or P2 licence is present
portal-check-licence-missing = No Entra ID P1 or P2 licence found: password writeback needs one (the Password reset page stays hidden without it)
portal-check-sync = Directory synchronization is on (last run { $last })
portal-check-sync-off = Directory synchronization is not on for this tenant: writeback only reaches synchronized users
portal-check-role = Your roles allow changing password reset settings ({ $roles })
portal-check-role-missing = Your roles ({ $roles }) are not among those named for password reset settings; Global Administrator always works
signin-page-done = Signed in. You can close this tab and return to writeback-wizard.
signin-page-failed = The sign-in did not complete. Return to writeback-wizard for the reason.
cli-portal-browser = Sign in in the browser window that opened. If none opened, go to: { $url }
cli-portal-device-code = To sign in, open { $url } on any device and enter the code { $code }. Waiting…
cli-portal-signed-in = Signed in as { $user }.
cli-portal-tenant = Tenant: { $tenant }
cli-portal-setting = { $setting }: { $state }
cli-portal-graph-failed = the tenant's checks could not be read from Microsoft Graph: { $reason }
targets-sign-in = Sign in to the tenant
targets-sign-in-code = Sign in with a code
targets-sign-in-hint = Optional: signed in, the wizard checks the tenant and switches the portal settings itself; without it, the portal step shows the clicks to make by hand.
targets-signing-in = Waiting for the sign-in in your browser…
targets-browser-fallback = If no browser window opened, open the sign-in page yourself.
targets-open-link = Open the sign-in page
targets-device-code = On any device, open { $url } and enter this code:
targets-signed-in = Signed in as { $user } ({ $tenant })
targets-sign-out = Sign out
targets-read-connector = Read from Connect
targets-read-connector-none = The Connect server did not name an AD DS connector account; type it in.
portal-not-signed-in = Not signed in to the tenant ("Targets & sign-in" page), so the wizard cannot change these settings itself.
portal-open = Open the admin center
portal-recheck = Check again
preflight-tenant = Entra ID tenant
preflight-tenant-failed = The tenant's checks could not be read: { $reason }
preflight-tenant-skipped = Not signed in to the tenant: licence, synchronization and roles were not checked (sign in on the "Targets & sign-in" page).
preflight-directory = Active Directory
verify-portal-unread = Portal: not signed in, so the settings were not read; check them in the admin center

## Cloud Sync

cloudsync-error-agent = the Cloud Sync provisioning agent's PowerShell module is not installed ({ $detail }); run this on the server with the provisioning agent (1.1.977.0 or later), or name that server to reach it remotely
cloudsync-error-sign-in = the tenant refused the sign-in ({ $detail }); check the tenant administrator's user name and password: it must be a Hybrid Identity Administrator or Global Administrator of the tenant
cloudsync-check-version = provisioning agent { $version } (1.1.977.0 or later)
cloudsync-check-version-old = provisioning agent { $version } is too old for password writeback; upgrade it to 1.1.977.0 or later first
cloudsync-check-version-unknown = the provisioning agent's version could not be read; it must be 1.1.977.0 or later
cloudsync-check-service = the provisioning agent service is running
cloudsync-check-service-stopped = the provisioning agent service (AADConnectProvisioningAgent) is not running; start it (writeback needs it)
cloudsync-check-not-readable = the Cloud Sync writeback setting cannot be read (Microsoft offers no cmdlet for it); the portal's On-premises integration page shows it
cloudsync-not-readable = not readable
cli-cloudsync-state = { $host }: Cloud Sync provisioning agent { $version }, password writeback { $state }
cli-cloudsync-set = { $host }: Cloud Sync password writeback set to { $state } (accepted by the agent; it cannot be read back, confirm on the portal's On-premises integration page)
cli-cloudsync-set-confirmed = { $host }: Cloud Sync password writeback { $state } (read back)
cli-tenant-password-prompt = Password of { $user }:
cli-error-no-tenant-password = no password for the tenant administrator: set { $var } or run in a terminal
cli-error-tenant-admin-needs-cloud-sync = --tenant-admin is only used with --cloud-sync (Entra Connect needs no tenant sign-in)

## Runbook and audit log

audit-error = cannot write the audit log ({ $reason }); nothing was changed. Check that the data directory is writable, or set WRITEBACK_WIZARD_DATA_DIR
audit-read-error = cannot read the audit log ({ $reason })
log-change = Change
log-empty = No changes recorded yet ({ $path }).
log-skipped = { $path }, line { $line }: skipped, not a whole record ({ $reason })
runbook-title = Runbook: password writeback
runbook-meta = Organization: { $environment } · written { $time }
runbook-demo-note = This runbook records a run on the built-in demo organization; nothing real was changed.
runbook-env-demo = the built-in demo organization (contoso.com)
runbook-contents = Contents
runbook-purpose = Purpose
runbook-purpose-text = Turn on Microsoft Entra ID self-service password reset with password writeback, so that a password reset in the cloud is written back to on-premises Active Directory. Three planes change:
runbook-prerequisites = Prerequisites
runbook-steps = Steps
runbook-changes = Exact changes made
runbook-verification = Verification results
runbook-undo = How to undo
runbook-screenshot = Screenshot: { $step }
runbook-no-screenshot = No screenshot was captured for this step.
runbook-no-changes = This run changed nothing.
runbook-not-verified = Verify was not run.
runbook-time = Time
runbook-operator = Operator
runbook-target = Target
runbook-result = Result
runbook-backup = Backup
runbook-sddl-diff = Entries changed (SDDL)
runbook-sddl-before = Security descriptor before (SDDL)
runbook-sddl-after = Security descriptor after, read back (SDDL)
runbook-plane-ad = AD permissions
runbook-plane-connect = Entra Connect
runbook-plane-portal = Entra portal
runbook-action-grant = permissions granted
runbook-action-rollback = permissions rolled back
runbook-action-enable = switched on
runbook-action-disable = switched off
runbook-result-ok = done and read back
runbook-result-failed = failed: { $reason }
runbook-setting-password-writeback = Password writeback
runbook-value-unknown = unknown
runbook-aces-added = { $count ->
        [one] 1 entry added
       *[other] { $count } entries added
    }
runbook-aces-removed = { $count ->
        [one] 1 entry removed
       *[other] { $count } entries removed
    }
runbook-undo-summary = In the wizard, while it is still open: Summary > Undo everything reverts every change of this run, each plane read back.
runbook-undo-ad = Remove the permissions added on { $dn } (restores the saved security descriptor when nothing changed since, else removes exactly the entries added); add the connection options used for the grant (--server, --bind-user or --profile):
runbook-undo-connect = Switch password writeback off again on the Entra Connect server { $host }:
runbook-undo-portal = Turn the portal's two toggles off again on the tenant { $tenant } (unlock first, then write back); or in the Entra admin center, Protection > Password reset > On-premises integration: clear "Enable password write back for synced users" and "Allow users to unlock accounts without resetting their password", then Save ({ $link }):
runbook-undo-nothing = Nothing to undo: this run changed nothing.
runbook-capture = Capture screenshots of each page for the runbook
runbook-export = Export runbook…
runbook-export-hint = Save this run as a runbook: each step with its screenshot, the exact changes, the verification and how to undo (HTML, or Markdown with PNGs).
runbook-exported = Runbook saved: { $path }
runbook-export-failed = cannot write the runbook { $path } ({ $reason })
targets-cloud-sync = Cloud Sync provisioning agent instead of Entra Connect
targets-tenant-admin = Tenant administrator (for Cloud Sync)
runbook-setting-cloud-sync = Cloud Sync password writeback
runbook-setting-read-back = Read back

## Effective access (issue 13): what the connector can really do on each user
verify-why = The connector account needs all four rights on a user for writeback to work for that user. Each group names why it lacks them and the fix.
summary-unreached = { $count ->
        [one] 1 user is
       *[other] { $count } users are
    } out of the connector's reach (a deny, inheritance disabled, a protected account…): writeback fails for { $count ->
        [one] them
       *[other] them
    }. Verify lists them with the fix.
check-reach-all = The connector will hold every writeback right on { $scanned ->
        [one] the 1 user
       *[other] all { $scanned } users
    } in scope
check-reach-some = { $count } of { $scanned ->
        [one] { $scanned } user
       *[other] { $scanned } users
    } will be out of the connector's reach; writeback fails for them
check-blocked-ous = { $count ->
        [one] 1 OU or container in scope has
       *[other] { $count } OUs or containers in scope have
    } inheritance disabled: the grant does not reach the users below { $count ->
        [one] it
       *[other] them
    }. { $count ->
        [one] Add it as a target:
       *[other] Add each as a target:
    }
check-blocked-ou = { $dn } ({ $users ->
        [one] { $users } user
       *[other] { $users } users
    })
check-pso-min-age = { $count ->
        [one] 1 user has
       *[other] { $count } users have
    } a fine-grained password policy with a minimum password age above 0: a password reset from the cloud right after a change is refused. Set the policy's minimum age to 0.
check-unexpire-ok = The connector holds (or will be granted) Unexpire password on { $dn }
check-unexpire-missing = The connector lacks Unexpire password on { $dn }: resets may leave "must change password at next logon" set. Grant on the domain root.
connector-not-a-user = The connector account is a { $kind }, not a user account (sAMAccountType 805306368): enter the AD DS connector account Entra Connect uses
account-kind-computer = computer
account-kind-gmsa = group managed service account (fine for Cloud Sync's agent)
account-kind-other = an object of another kind
connector-locked-out = The connector account is locked out: writeback fails until it is unlocked
connector-password-expired = The connector account's password has expired: set a new one in AD and in Entra Connect
connector-account-expired = The connector account has expired: extend it in Active Directory
connector-privileged = The connector account is privileged ({ $groups }): Entra Connect 1.4 and later refuse admin accounts; use a dedicated, unprivileged account
connector-protected-users = The connector account is in Protected Users: NTLM sign-ins are refused for it; take it out of that group
reason-cannot-change-password = "User cannot change password" is set on the user
reason-explicit-deny = an explicit deny on the user takes the right away
reason-inherited-deny-from = a deny inherited from { $ou } takes the right away
reason-inherited-deny = a deny inherited from above takes the right away
reason-inheritance-disabled = inheritance is disabled on the user
reason-blocked-above = inheritance is disabled on { $ou } above the user
reason-admin-count = protected account (adminCount=1): AdminSDHolder governs its permissions, and SDProp rewrites them within an hour on a Windows DC
reason-class-not-covered = an inetOrgPerson, and the grant covers user objects only
reason-not-propagated = the permission has not reached the user yet
reason-unknown = its permissions could not be read
fix-cannot-change-password = Clear "User cannot change password" on the account (Account tab), if the user should reset from the cloud.
fix-explicit-deny = Remove the deny entry from the user's permissions.
fix-inherited-deny = Remove the deny entry from that OU, or move the users out of it.
fix-inheritance-disabled = Enable inheritance on the user (Security > Advanced > Enable inheritance).
fix-blocked-above = Add { $ou } as a target, or enable inheritance on it.
fix-admin-count = Admin accounts stay out of writeback by design; to include them, grant on AdminSDHolder (warned), or clear adminCount for accounts no longer in admin groups.
fix-class-not-covered = Grant with the inetOrgPerson option.
fix-not-propagated = Wait: on Windows a change reaches every user within an hour. Verify again later.
fix-unknown = Check that the signed-in account may read the user's permissions.
right-reset-password = Reset password
right-change-password = Change password
right-write-lockout-time = Write lockoutTime
right-write-pwd-last-set = Write pwdLastSet
blocked-user = { $name } ({ $dn }) lacks { $rights }
reach-group = { $count } × { $reason }. { $fix }
reach-more = … and { $count } more
verify-target-ungranted = { $target } does not carry the grant: { $count ->
        [one] its 1 user
       *[other] its { $count } users
    } will receive it once it does (grant first)
task-error-null-dacl = { $dn } has no DACL at all (a NULL DACL gives everyone full control). Nothing was changed. Give it a proper DACL first (Security > Advanced), then grant again.
task-error-acl-too-large = { $dn }: its DACL with the grant would be { $bytes } bytes, more than an ACL can hold (65,535). Nothing was changed. Remove unused entries from it first.
task-error-kept-changing = { $dn }: its permissions kept changing while the grant was written, so nothing was overwritten. Try again when nobody else is editing them.
task-error-backup-refused = The backup { $path } was refused: { $why }. Nothing was changed.
task-error-partial-rollback = Rollback stopped at { $failed }: { $reason }. Already undone: { $undone }.
task-error-partial-none = none
backup-other-server = it was made on { $backup }, not on { $connected } (connect to that server, or pick the right backup)
backup-other-domain = it belongs to { $backup }, not to { $connected }
backup-inconsistent = its descriptor before the grant is not the written one minus the added entries (the file was edited or is damaged)
backup-outside-domain = it names { $dn }, which lies outside the connected domain
runbook-result-pending = about to be written (no outcome recorded: the run stopped mid-write; its backup undoes it)
cli-rollback-target = { $dn } (backup { $backup }) — entries to remove:
preflight-add-target = Add { $dn } as a target
## Diagnostics (issue 18)
diagnostics-log-failed = the diagnostics log cannot be written in { $path } ({ $reason }); the wizard goes on without it
diagnostics-title = Diagnostics
diagnostics-log-at = Log: { $path }
diagnostics-log-off = The diagnostics log is not written: { $reason }
diagnostics-hint = For a support ticket: the zip holds the log files, the audit log, the backups' names (not their content), the app version, the OS and the settings — no password, token or code.
diagnostics-open-folder = Open folder
diagnostics-open-failed = cannot open the folder { $path } ({ $reason })
diagnostics-save = Save diagnostics…
diagnostics-saved = Diagnostics saved: { $path }
diagnostics-save-failed = cannot write the diagnostics { $path } ({ $reason })
diagnostics-subtitle = What support needs to look into a problem: where the log is, and one zip to attach to a ticket.
diagnostics-close = Back to the wizard

## issue 16: settings and pages
targets-starttls = Use StartTLS (an ldap:// address is upgraded to TLS)
targets-grant = What to grant
targets-grant-hint = The objects the permissions are set on; users below them inherit them. With none listed, the domain root.
targets-root = The domain root (no object listed)
targets-remove = Remove
targets-add = Add
targets-forest = Every domain of the forest
targets-inetorgperson = Also users of class inetOrgPerson
targets-adminsdholder = Also AdminSDHolder (protected accounts)
targets-adminsdholder-warning = Administrators' passwords become resettable from the cloud. Microsoft advises against it.
verify-connect-skipped = The Connect server was not read.
busy-writing = The change has been sent and can no longer be called back; its read-back follows.
dir-error-plaintext = ldap:// without TLS would send the password in clear; use ldaps://, or StartTLS, or allow it explicitly
cli-verify-skipped = { $plane }: not read (give { $option })

## issue 16: the command line's help
help-usage = Usage:
help-commands = Commands
help-options = Options
help-cmd-writeback-wizard = Turns on Microsoft Entra ID password writeback end to end: AD permissions, Entra Connect, portal. Without a command, the wizard window opens.
help-cmd-help = Print this message or the help of the given command
help-cmd-sd = Decode and encode security descriptors (base64 ⇄ SDDL)
help-cmd-sd-decode = Print the SDDL of a base64 self-relative security descriptor
help-cmd-sd-encode = Print the base64 self-relative form of an SDDL string
help-cmd-screenshots = Render every page of a demo run to PNG (no display needed)
help-cmd-runbook = Write the runbook of the newest run in the audit log (a command or a window): the changes, backups, verification, pilot test, undo, and the window's screenshots (no display needed)
help-cmd-diagnostics = Write a zip for a support ticket: the diagnostics log, the audit log, the backups' names, version, OS and settings (no secrets)
help-cmd-log = Show the audit log: every change applied, on every plane
help-cmd-sync = Step 2: password writeback on the Entra Connect server
help-cmd-sync-status = Show the Connect server's writeback state and its pre-flight checks (with --cloud-sync: the provisioning agent's)
help-cmd-sync-enable = Switch password writeback on, then read it back (Cloud Sync's setting cannot be read back; reported as set)
help-cmd-sync-disable = Switch password writeback off (undo), then read it back where it can
help-cmd-portal = Step 3: the portal's on-premises integration (sign in to Entra ID)
help-cmd-portal-status = Show the on-premises integration settings and the tenant's checks
help-cmd-portal-enable = Turn on "write back passwords" and "unlock without reset", then read back
help-cmd-portal-disable = Turn both off again (undo), then read back
help-cmd-check = Step 1 pre-flight: connection, accounts, rights, protected users
help-cmd-grant = Step 1: grant the writeback permissions (backup, write, read back)
help-cmd-verify = Read the three planes again: which users the connector can reset (--server), Connect's writeback (--remote), the portal (--tenant)
help-cmd-rollback = Step 1: undo the newest grant (or the one in --backup)
help-arg-help = Print help
help-arg-version = Print the version
help-arg-lang = Language of messages (en, de, fr, es); default: the system's
help-arg-theme = Theme: system (default), light or dark
help-arg-verbose = More detail in the diagnostics log (DEBUG; twice: TRACE); on the command line the log lines are also printed on standard error
help-arg-writeback-wizard-profile = The organization this profile (TOML) describes: the window opens on it instead of the built-in demo, and a command takes its settings (options given win); before or after the command
help-arg-profile = Profile (TOML) with the same settings; options given here win
help-arg-diagnostics-profile = Profile (TOML) whose settings go into the zip
help-arg-base64 = The base64 value; read from standard input when absent
help-arg-explain = Print one plain-language line per entry instead of SDDL
help-arg-sd-decode-domain-sid = Domain SID, to write domain groups as aliases (DA, DU, …)
help-arg-sd-encode-domain-sid = Domain SID, to expand domain aliases (DA, DU, …)
help-arg-sddl = The SDDL text; read from standard input when absent
help-arg-screenshots-out = Directory for NN-<page>.png
help-arg-runbook-out = Directory for runbook.html (or runbook.md and runbook-images/)
help-arg-diagnostics-out = The zip to write
help-arg-format = html (one self-contained file, the default) or md (Markdown and PNGs)
help-arg-json = Print one JSON document
help-arg-log-json = Print the records as JSON lines
help-arg-remote = The Connect server, through PowerShell remoting (default: this machine)
help-arg-verify-remote = The Entra Connect server to read (PowerShell remoting; localhost for this machine)
help-arg-cloud-sync = Cloud Sync instead of Entra Connect: the server runs the provisioning agent, and enable/disable sign in to the tenant
help-arg-tenant-admin = With --cloud-sync: the tenant administrator (UPN) to sign in as. The password comes from WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD or a prompt
help-arg-timeout = Seconds allowed for each operation (default: 30 for the directory, 120 for each PowerShell call)
help-arg-sync-timeout = Seconds allowed for each PowerShell call (default: 120)
help-arg-tenant = Tenant: its domain (contoso.onmicrosoft.com) or id; default: the profile's, else any work account ("organizations")
help-arg-verify-tenant = The tenant whose portal settings to read (its domain or id); signs in with the browser, or --device-code
help-arg-client-id = Public client (application) id to sign in with; default: the profile's, else Azure CLI's
help-arg-device-code = Sign in with a code entered on any device instead of the browser
help-arg-server = Domain controller: ldaps://HOST[:PORT] (or ldap:// with --starttls)
help-arg-starttls = Upgrade ldap:// with StartTLS
help-arg-ca-file = PEM file of the CA that signed the DC's certificate
help-arg-insecure-plaintext = Allow ldap:// without TLS (the password crosses the network in clear)
help-arg-bind-user = Account to sign in with: UPN, DN or DOMAIN\user. The password comes from WRITEBACK_WIZARD_BIND_PASSWORD or a prompt
help-arg-connector-account = The AD DS connector account (the account Entra Connect uses)
help-arg-targets = Object to grant on (repeatable); default: the domain root
help-arg-forest = Every domain of the forest
help-arg-include-adminsdholder = Also AdminSDHolder (makes admin accounts resettable from the cloud)
help-arg-inetorgperson = Also grant for inetOrgPerson objects
help-arg-dry-run = Print the plan and the SDDL diff; write nothing
help-arg-yes = Do not ask for confirmation
help-arg-backup = A backup file written by grant
## issue 15: pilot test and diagnosis
tenant-error-not-found = { $what } was not found in the tenant; check the name (its user principal name) and try again
tenant-error-too-large = the answer was larger than { $mib } MiB and was refused unread; the endpoint is not behaving as Entra ID does (check WRITEBACK_WIZARD_*_URL and any proxy)
tenant-error-tenant-mismatch = the sign-in landed in tenant { $got }, not in the configured { $expected }; sign in with an account of the configured tenant (or fix the tenant in the settings)
tenant-error-foreign-link = the service answered with a link outside { $base }; it was not followed (check WRITEBACK_WIZARD_*_URL and any proxy)
runbook-plane-pilot = Pilot test (cloud reset → Active Directory)
runbook-action-test = test
runbook-setting-pwd-last-set = pwdLastSet in Active Directory
runbook-setting-pilot-result = result
runbook-setting-pilot-cloud = the cloud's operation
runbook-setting-pilot-user = pilot user
prove-result-proven = Proven: the reset in the cloud reached Active Directory
prove-result-failed = Failed: the cloud could not write the password back
prove-result-unproven = Unproven: no change seen in Active Directory yet
sync-error-too-large = PowerShell printed more than { $mib } MiB and was stopped; the Connect server's answer is not what the wizard expects (run the command there by hand and look at its output)
prove-role-authentication-administrator = Authentication Administrator
prove-role-privileged-authentication-administrator = Privileged Authentication Administrator
prove-error-user-not-found = no user { $user } in the tenant; give the pilot user's user principal name (as the admin center shows it)
prove-error-not-synced = { $user } is a cloud-only user: password writeback only applies to users synchronized from Active Directory. Pick a synced user (the admin center shows "On-premises sync enabled: Yes")
prove-error-own-account = { $user } is the account you are signed in with: Microsoft Graph cannot reset one's own password. Pick another (ordinary, synced) user
prove-error-not-in-directory = { $user } is synced, but was not found in Active Directory (tried { $tried }); check that the wizard is connected to that user's domain
prove-error-role-missing = the tenant refused the reset (403): your account needs the role { $role } (assign it in Entra ID > Roles and administrators, then sign in again)
prove-error-consent = the permission { $scope } has not been granted to the sign-in application; sign in again and accept it (an administrator may have to consent for the tenant)
prove-error-cancelled = the test was cancelled before anything changed
prove-error-cancelled-sent = the test was cancelled after the reset was sent: the user's password has probably changed; give the user the new password shown, or reset it again in the admin center
prove-error-status-unknown = the reset was sent, but its status could not be read ({ $reason }); the user's password has probably changed: check the user in the admin center
prove-warning-admin-roles = this user holds administrator roles ({ $roles }): resetting it needs Privileged Authentication Administrator, and admin accounts are often out of writeback's reach (protected, adminCount=1). A pilot should be an ordinary user
prove-warning-roles-unknown = this user's directory roles could not be read; make sure it is an ordinary user, not an administrator
prove-confirm = Reset the password of { $user } ({ $dn }) in the cloud now? Its current password stops working, and the user must change the new one at next sign-in.
prove-status-not-started = not started
prove-status-running = running
prove-status-succeeded = succeeded
prove-status-failed = failed
prove-progress-finding-user = Looking the user up in the tenant…
prove-progress-reading-directory = Reading the user in Active Directory…
prove-progress-resetting = Resetting the password in the cloud…
prove-progress-cloud = The cloud's reset: { $status } ({ $elapsed } s of at most { $limit } s)
prove-progress-waiting-directory = Waiting for pwdLastSet to change in Active Directory ({ $elapsed } s of at most { $limit } s)
prove-proven-detail = pwdLastSet of { $dn } changed from { $before } to { $after }, after the reset started at { $started }: password writeback works end to end.
prove-failed-detail = The cloud reports: { $detail }
prove-unproven-directory = The cloud says the reset succeeded, but pwdLastSet of { $dn } did not change within the wait. The domain controller read may not have the change yet (replication between DCs: connect to the DC the Connect server writes to, or test again in a few minutes), or the Connect server did not write it: look at its event log (writeback-wizard diagnose, or Diagnose on the Verify page).
prove-unproven-cloud = The cloud's reset did not finish within the time allowed; look at the user in the admin center, and at the Connect server's event log (writeback-wizard diagnose).
prove-new-password = New password of { $user } (shown once, stored nowhere; the user must change it at next sign-in): { $password }
prove-new-password-label = New password (shown once)
prove-new-password-none = The cloud did not return the new password: set one for the user in the admin center.
prove-linked-finding = Step 1 found for { $dn }: { $reason } { $fix }
diag-cause-access-denied = The connector account was denied access to the user (event 33004, hr=80230626): the permission is missing on that user, "User cannot change password" is set on it, it is protected (adminCount=1) or does not inherit, or the grant has not reached it yet.
diag-fix-access-denied = Run Verify (step 1) and fix the user's finding: grant on its OU, clear "User cannot change password", enable inheritance; on Windows allow up to an hour for the permissions to propagate.
diag-rule-minimum-age = minimum password age
diag-rule-history = password history
diag-rule-complexity = complexity or length
diag-rule-any = a password rule or filter
diag-cause-password-policy = Active Directory refused the new password because of { $rule } (event 33008 or 6329 with 0x80230619).
diag-fix-password-policy-minimum-age = Set Minimum password age to 0 days (Default Domain Policy, or the user's fine-grained policy), as Microsoft requires for writeback.
diag-fix-password-policy = Choose a password that meets the domain's policy, or align the policy (history, complexity, password filters) with the cloud's.
diag-cause-policy-hints = The domain controllers do not support the password policy hints control (event 6329): they are older than Windows Server 2016 or lack the update.
diag-fix-policy-hints = Update the domain controllers to Windows Server 2016 or later (or install the update that adds the control).
diag-cause-service-bus = The Connect server cannot reach the password reset service (event 32002, Service Bus): outbound 443 is blocked or proxied.
diag-fix-service-bus = Allow outbound 443 from the Connect server to *.passwordreset.microsoftonline.com and *.servicebus.windows.net (firewall, proxy), with TLS 1.2 and .NET 4.8.
diag-cause-certificates = The Connect server lacks root certificates the service needs (event 31034).
diag-fix-certificates = Update the Connect server's trusted root certificates (Windows Update), then restart the ADSync service.
diag-cause-sam-restricted = A policy blocks the connector account from remote calls to SAM (SSPR_0029).
diag-fix-sam-restricted = Allow the connector account in the GPO "Network access: Restrict clients allowed to make remote calls to SAM" on the domain controllers.
diag-cause-wrong-admin-account = Writeback was set up with a wrong or federated administrator account (event 32009).
diag-fix-wrong-admin-account = Run the Entra Connect wizard again with a cloud-only Hybrid Identity or Global Administrator, then switch writeback off and on.
diag-cause-forest-added = A forest was added after writeback was enabled (event 6329 with 0x8023061f).
diag-fix-forest-added = Switch password writeback off and on again in Entra Connect (writeback-wizard sync disable, then sync enable).
diag-cause-reserved-characters = An OU name holds reserved characters (event 33001).
diag-fix-reserved-characters = Rename the OU without the reserved characters, or move the users out of it.
diag-cause-connector-password-too-long = The connector account's password is longer than 256 characters (hr=800700CE).
diag-fix-connector-password-too-long = Give the AD DS connector account a shorter password, and update it in Entra Connect.
diag-cause-writeback-disabled = Password writeback is switched off (in Entra Connect or in the portal): the cloud changed the password, Active Directory was never asked.
diag-fix-writeback-disabled = Turn writeback on in steps 2 and 3 (writeback-wizard sync enable, writeback-wizard portal enable), then test again.
diag-cause-healthy = Writeback is working (enabled, started, or a reset written back).
diag-fix-healthy = Nothing to do.
diag-cause-unknown = Not an event the wizard knows.
diag-fix-unknown = Search for its id together with "password writeback", or open a support case with the diagnostics zip.
diag-event = { $time } · { $source } · event { $id }
diag-unknown-event = Its text: { $message }
diag-event-user = User: { $dn }
sspr-check-nobody = Self-service password reset is enabled for nobody: no user can reset a password in the cloud, so writeback has nothing to write. Fix: Entra admin center > Protection > Password reset > Properties > Selected (a group) or All.
sspr-check-group = Self-service password reset is enabled for the group { $group }
sspr-check-everyone = Self-service password reset is enabled for all users
sspr-check-unreadable = who may use self-service password reset could not be read ({ $reason }); check Password reset > Properties in the admin center
prove-new-password-not-terminal = The new password of { $user } is shown only on a terminal (not written to a file or a pipe); run the command on a terminal, or set a password for the user in the admin center.
cli-diag-error-since = --since { $value }: give a duration such as 30m, 2h or 1d
diag-header = Event log of { $host } since { $since }: { $count ->
        [one] 1 entry
       *[other] { $count } entries
    } of the password reset service and synchronization
diag-none = No entries: nothing was logged by the password reset service or synchronization in that time (look further back, or check that writeback is enabled on this server).
prove-title = Test writeback with a pilot user
prove-intro = Resets one synced user's password in the cloud (Microsoft Graph), then reads its pwdLastSet in Active Directory: proof that a reset in the cloud reaches AD.
prove-user-label = Pilot user (user principal name)
prove-start = Test writeback
prove-reveal = Show
prove-hide = Hide
prove-copy = Copy
prove-copied = Copied
diag-title = Connect server's event log
diag-start = Diagnose
diag-progress-reading = Reading the Connect server's event log…
help-cmd-test-writeback = Prove writeback end to end: reset a synced pilot user's password in the cloud, then read its pwdLastSet in AD (exit 0 proven, 1 failed or unproven, 2 bad input, 3 blocked)
help-cmd-diagnose = Read the Connect server's event log (password reset service, sync errors) and explain each entry with its fix
help-arg-cloud-timeout = Seconds the cloud's reset may take
help-arg-since = How far back to read: 30m, 2h, 1d… (default 24h)
help-arg-user = The pilot user (user principal name): synced from AD, not you, not an administrator. Its password is replaced (a random one of at least 16 characters, shown once) and must be changed at next sign-in
help-arg-wait = Seconds to wait for pwdLastSet to change once the cloud succeeded
help-arg-test-writeback-client-id = Public client (application) id to sign in to Microsoft Graph with (on this command: Graph's client); default: --graph-client-id or the profile's graph_client_id, else Microsoft Graph Command Line Tools
prove-reset-now = Reset the password now
diag-intro = Reads the Application log of the Connect server (password reset service, synchronization) of the last 24 hours and explains each entry with its fix.
connect-cloudsync-set = { $host }: Cloud Sync password writeback set to { $state } (accepted by the agent; it cannot be read back, confirm on the portal's On-premises integration page)
connect-cloudsync-state = { $host }: Cloud Sync provisioning agent { $version }, password writeback { $state }
verify-summary = { $carrying } of { $total ->
        [one] { $total } user
       *[other] { $total } users
    } { $carrying ->
        [one] carries
       *[other] carry
    } the permission
permissions-already-granted = { $dn }: already granted, nothing to do
permissions-rolled-back = { $dn }: grant undone ({ $count ->
        [one] 1 entry removed
       *[other] { $count } entries removed
    })
## issue 14: forests
forest-error-domain = domain { $domain } through the domain controller { $server }: { $reason } (give another domain controller of that domain)
forest-error-referral-refused = the directory referred { $dn } to { $url }, which is not a domain controller of this forest's domains: not followed, nothing changed there
forest-in-domain = { $text } (domain { $domain })
cli-forest-error-domain-server = --domain-server { $value }: write the domain's DNS name, an equals sign and its DC, e.g. --domain-server east.corp.example=ldaps://dc1.east.corp.example
forest-verify-domain = domain { $domain } (through { $server }): { $carrying } of { $total ->
        [one] { $total } user
       *[other] { $total } users
    } { $carrying ->
        [one] carries
       *[other] carry
    } the permission, { $blocked } out of reach
help-arg-domain-servers = The DC of one domain of the forest, DNS=ldaps://HOST[:PORT] (repeatable); other domains: the DC that DNS names, else the domain's name
targets-domains = Domains of the forest
targets-domains-listing = Reading the forest's domains…
targets-domains-list = List the forest's domains
targets-domain-dc = through { $server } ({ $source })
targets-dc-connected = the DC signed in to
targets-dc-given = given for this domain
targets-dc-srv = named by DNS
targets-dc-dns-root = the domain's name; no DC known
## Issue 23: the token each DC builds, SRV answers, rollback of the grant's own entries
token-without-gc = the connector's groups (tokenGroups) could not be read; they were taken from tokenGroupsNoGCAcceptable, which can miss universal groups of other domains: a deny to one of them would not be seen (sign in with an account that may read tokenGroups)
task-error-token-unreadable = the groups of { $dn } (tokenGroups) cannot be read, so a deny to one of its groups could not be seen: nothing was judged. Sign in with an account that may read the connector's tokenGroups (Domain Admins, or "Read tokenGroups" delegated)
srv-refused = DNS names { $host } as the domain controller of { $domain } (record _ldap._tcp.dc._msdcs.{ $domain }), a host outside this forest's DNS names: refused, the password was not sent there. Give the domain's DC (and the CA file that signed its certificate)
targets-dc-srv-refused = DNS named a host outside the forest: refused; give this domain's DC
backup-not-the-grant = it would remove { $entry }, which is not one of the entries the writeback grant writes (A1–A5 for one connector account); a backup made by this wizard never does, so it was not made by this wizard or was edited
reason-subclass-not-covered = its class is { $class }, a subclass of user that the grant does not name: entries inherited for user objects do not reach it
fix-subclass-not-covered = Grant the rights for { $class } objects yourself (Applies to: Descendant { $class } objects), or leave these accounts out of writeback.
reason-unknown-above = { $dn } above the user could not be read, or is not an OU or container: whether the grant reaches the user is unknown
fix-unknown-above = Sign in with an account that may read the permissions of { $dn }, and check that its inheritance is on.
check-cannot-change = { $count } users have "User cannot change password": resets from the cloud are written back, password changes by the user are not (clear the option on them if they should change their password through SSPR)
cli-rollback-foreign = { $backup } is not in this machine's audit log: it was made elsewhere (a colleague's file) or by hand. Check with whoever made it before restoring it.
cli-confirm-rollback-foreign = Restore { $count } backups this machine did not make?
cli-rollback-foreign-refused = a backup this machine's audit log does not know is never restored without asking: run rollback in a terminal and answer the question (--yes does not cover it)
task-error-foreign-backup = not restored: { $backups } is not in this machine's audit log (made elsewhere, by a colleague, or by hand). Check with whoever made it; to restore it anyway, run the command line's rollback with this backup in a terminal, which asks about it.


## Issue 22: the pilot test and diagnosis follow Microsoft's documented contracts
tenant-error-graph = Microsoft Graph refused (HTTP { $status }): { $code }: { $message }
prove-error-privileged = { $user } is not tested: it is privileged ({ $reasons }). Microsoft documents that such resets are not written back; pick an ordinary synced user, or allow it explicitly ("Test this privileged user all the same")
prove-error-no-password = no password could be generated: the operating system's random source failed
prove-warning-admin-count = adminCount=1 in Active Directory (protected by AdminSDHolder): the connector account may not change its password
prove-warning-protected-group = member of the protected group { $group }: the connector account may not change its password
prove-warning-bind-account = it is the account the wizard is signed in to Active Directory with
prove-status-unknown-future = a status this version does not know (still waiting)
diag-cause-request-received = A reset or password change arrived from the cloud (events 31001, 31006, 31009): the first step of every writeback.
diag-fix-request-received = Nothing to do; its result follows in the next event (31002, 31007, 31010 when written).
diag-cause-onboarding = Password writeback is being turned on in Entra Connect (event 31004).
diag-fix-onboarding = Nothing to do; 31005 follows when it is ready.
diag-cause-offboarding = Password writeback is being turned off, or was turned off, in Entra Connect (events 31012, 31013).
diag-fix-offboarding = Nothing to do if that was intended; otherwise turn it on again (writeback-wizard sync enable).
diag-cause-reset-refused = The request reached Active Directory, but setting the password failed (events 31003, 31008, 31011): the domain's password rules, the connector account's reset right, or a protected account.
diag-fix-reset-refused = Use a password that meets the domain's rules, run Verify (step 1) for the connector's right on the user, and do not test with protected (adminCount=1) accounts.
diag-cause-onboarding-failed = Turning writeback on or off failed (events 31014, 32011, 32013): administrator rights, a federated administrator, or blocked outbound traffic.
diag-fix-onboarding-failed = Allow outbound TCP 443 (and 9350–9354) to Service Bus, and run the setup again with a non-federated (cloud-only or password-synced) administrator.
diag-cause-service-stopped = The writeback service or one of its relay endpoints is not running (events 31016, 31044, 6800): requests from the cloud fail meanwhile.
diag-fix-service-stopped = Restart the ADSync service on the Connect server; if it stays down, switch writeback off and on again.
diag-cause-service-error = An unknown failure during a password operation (event 32000); the event's text holds the exception.
diag-fix-service-error = Read the exception in the event, then switch writeback off and on; for support, give the event log and the tracking id.
diag-cause-invalid-input = The input sent to the password reset web service was invalid (event 32003).
diag-fix-invalid-input = Try the operation again.
diag-cause-reconfigure = Writeback's keys or configuration on the Connect server are broken (events 32004, 32005, 32007, 32008, 32010).
diag-fix-reconfigure = Switch password writeback off and on again in Entra Connect (writeback-wizard sync disable, then sync enable), which rewrites keys and configuration.
diag-cause-service-bus-retries = Connecting to Service Bus needed retries (event 32014); harmless unless it keeps happening.
diag-fix-service-bus-retries = If it repeats often, check the network path to Service Bus (latency, bandwidth, proxy).
diag-cause-user-not-found = The user was not found on premises or in the sync engine (event 33002, "Object could not be found"): deleted on premises, out of sync scope, or a sync problem.
diag-fix-user-not-found = Check that the user still exists in AD and is in this Entra Connect's sync scope; look at the recent sync runs.
diag-cause-duplicate-anchor = Several on-premises users share one anchor, or the user has enabled accounts in several forests (event 33003, hr=80230402, "Multiple matches found").
diag-fix-duplicate-anchor = Leave only one enabled account per user across the forests, and use an anchor attribute unique to each user.
diag-cause-account-disabled = The user's account is disabled in Active Directory (event 33005).
diag-fix-account-disabled = Enable the account in Active Directory, then try again.
diag-cause-account-locked = The user's account is locked out in Active Directory (event 33006).
diag-fix-account-locked = Unlock the account in Active Directory, then try again.
diag-cause-wrong-current-password = A password change gave a wrong current password (event 33007).
diag-fix-wrong-current-password = Try again with the correct current password.
diag-cause-ad-configuration = A problem in Active Directory's configuration stopped the password from being written (event 33009).
diag-fix-ad-configuration = Read the ADSync events of the Application log around that time for the precise error.
diag-event-pilot-test = the pilot test of { $user } ran at that time
diag-error-from = { $path } could not be read as an exported event log: { $reason }
prove-password-version = the password's replication version in AD went from { $before } to { $after } (unicodePwd's metadata: this proves reruns too, when pwdLastSet stays 0)
prove-must-change = the user must change this password at next sign-in (pwdLastSet is 0, as a Graph admin reset asks)
prove-allow-privileged = Test this privileged user all the same (the reasons are above; Microsoft documents that such a reset is not written back)
diag-open-exported = Open an exported log…
help-arg-allow-privileged = Test a privileged user all the same (directory roles, adminCount=1, a protected group, the bind account): Microsoft documents that such resets are not written back
help-arg-from = Read an exported log instead of the server: the JSON of the one-liner below, or an .evtx file (--remote and --since are then not used)
help-after-diagnose = To diagnose offline, export the log on the Connect server with

  { $command }

then run `writeback-wizard diagnose --from writeback-events.json` anywhere. An .evtx file (Event Viewer: Save All Events As…) reads the same way.


## Issue 25: every domain controller
dcs-title = Every domain controller
dcs-explain = Replicated: the target's permissions on that DC come from the wizard's write (or a later one) and carry the grant. Propagated: sampled users there carry the inherited entries. The connector resets passwords through one DC, so each must have both.
dcs-heading = Domain controllers ({ $count })
dcs-row = { $name } ({ $host }, site { $site }): replicated { $replicated }, propagated { $propagated }
dcs-unreachable = { $name } ({ $host }, site { $site }): not reachable — { $reason }
dcs-first-behind = first behind: { $dn }
dcs-held-yes = yes
dcs-held-behind = not yet
dcs-held-differs = differs
dcs-held-unknown = unknown
dcs-reachable-yes = yes
dcs-reachable-no = no
dcs-written-to = the wizard wrote here
dcs-connect-uses = the Connect server writes here
dcs-read-only = read-only: never takes a password write
dcs-connect-preferred = The Connect server writes through its preferred domain controllers: { $dcs }
dcs-connect-locator = The Connect server has no preferred domain controllers: its DC is chosen by the DC locator (usually one of its own site).
dcs-connect-unknown = The Connect server was not read: which DC it writes through is unknown.
dcs-all-current = Every domain controller has the change.
dcs-behind = Not yet on: { $dcs }
dcs-wait-timed-out = The waiting time is over; still behind: { $dcs }
dcs-wait-cancelled = Waiting stopped; still behind: { $dcs }
dcs-reading = Reading { $host } ({ $index } of { $total })…
dcs-wait-progress = { $current } of { $total } domain controllers have the change — waited { $waited } of { $limit }
dcs-pull-confirm = Ask { $dc } to replicate { $count ->
        [one] { $count } object
       *[other] { $count } objects
    } from { $source } now?
dcs-pull-done = { $dc } was asked to replicate the change from { $source } now.
dcs-pull-refused = { $dc } refused to replicate on request ({ $reason }). Run this on a domain controller instead:
dcs-action-replicate = replicate now
dcs-column-dc = Domain controller
dcs-column-site = Site
dcs-column-replicated = Replicated
dcs-column-propagated = Propagated
dcs-column-reachable = Reachable
dcs-check = Check every domain controller
dcs-wait = Wait until every DC has it
dcs-wait-limit = Wait at most (minutes)
dcs-cancel = Cancel
dcs-pull = Pull it now
dcs-pull-yes = Yes, replicate now
dcs-pull-no = Not now
help-arg-verify-all-dcs = Also read every domain controller of the domains in scope: which already have the change (replicated, propagated) and which one the Connect server writes through
help-arg-verify-wait = Wait until every domain controller has the change, re-reading every 5 s, for at most MINUTES (default 60); implies --all-dcs
help-arg-verify-pull = Ask this domain controller (its DNS name) to replicate the change now from the one the wizard wrote to; asks first, recorded in the audit log; implies --all-dcs


## Issue 26: the window reads well (plurals, command-line hints, SDDL, keyboard)
# Appended to a message by the command line only: the option that does it.
cli-with-option = { $text } (option { $options })
cli-blocked-ou = --target "{ $dn }"  ({ $users ->
        [one] { $users } user
       *[other] { $users } users
    })
permissions-subtitle-targets = The connector account gets the rights writeback needs, on descendant user objects of { $count ->
        [one] { $targets }
       *[other] these objects: { $targets }
    }.
button-copy-sddl = Copy SDDL
copied-sddl = SDDL copied

## Issue 23: the window asks before a plaintext bind
targets-plaintext = Send the password without encryption (plaintext LDAP, readable by anyone on the network): the profile asks for it, tick to allow it for this run

## Issue 22: Graph client on Targets
targets-graph-client = Graph client for the pilot test (application ID)
targets-graph-client-hint = empty: Microsoft Graph Command Line Tools

## Issue 22: Cloud Sync on the portal page
portal-cloud-sync = Write back passwords with Microsoft Entra Connect cloud sync
portal-state-unknown = unknown
portal-setting-cloud-sync = Turning on "write back passwords with cloud sync"…
portal-cloud-sync-unreported = The portal's API does not report the cloud sync setting: set it by hand.
portal-cloud-sync-refused = The portal's API did not turn on the cloud sync setting: set it by hand.
portal-cloud-sync-steps = Protection > Password reset > On-premises integration: tick "Write back passwords with Microsoft Entra Connect cloud sync", then Save.
help-arg-portal-cloud-sync = Cloud Sync chosen (or the profile's [connect] cloud_sync): also "write back passwords with cloud sync"

## Issue 24A: settings
help-arg-demo = Run the command on the built-in demo organization (nothing real is read or changed)
help-arg-graph-client-id = Public client (application) id for Microsoft Graph (the pilot test); default: the profile's, else Microsoft Graph Command Line Tools
help-arg-redirect-uri = The browser sign-in's redirect URI without port, for a tenant's own app; default: the profile's, else http://localhost

## Issue 24D: runbook
runbook-run-window = Run { $id }: the wizard's window, from { $time }
runbook-run-cli = Run { $id }: writeback-wizard { $command }, from { $time }
runbook-read-back = { $plane }: { $change } on { $target }, read back after writing
runbook-read-failed = { $plane }: could not be read ({ $reason })
runbook-no-run = the audit log { $path } holds no run yet: run a command (grant, sync, portal, verify, test-writeback) or the wizard first, or write a demo run's runbook with --demo
runbook-no-such-run = the audit log { $path } holds no run { $id } (each record's run id is in: writeback-wizard log --json)
help-arg-runbook-run = The run to write (its id, as in log --json) instead of the newest
