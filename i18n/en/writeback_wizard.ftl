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
sddl-error-needs-domain = the alias "{ $alias }" stands for a domain group; give the domain SID with --domain-sid or write the full SID
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
cli-no-gui-yet = The wizard window is not built into this version yet; use a subcommand (see --help).
explain-owner = Owner: { $trustee }
explain-group = Group: { $trustee }
explain-dacl = Permissions ({ $count } entries):
explain-dacl-protected = Permissions ({ $count } entries, not inherited from the parent):
explain-null-dacl = Permissions: none set (a NULL DACL gives everyone full control)
explain-sacl = Auditing ({ $count } entries):

## Step 1: directory errors

dir-error-unreachable = cannot reach { $url } ({ $reason }); check the address and port, and that the domain controller is running and not blocked by a firewall
dir-error-untrusted = the certificate of { $url } is not signed by a trusted authority ({ $reason }); give the CA certificate with --ca-file
dir-error-hostname = the certificate of { $url } is not issued for that name ({ $reason }); connect with the name the certificate carries (usually the DC's DNS name)
dir-error-tls = the TLS connection to { $url } failed ({ $reason })
dir-error-credentials = the domain controller refused the sign-in: check the account name (UPN, DN or DOMAIN\user) and the password
dir-error-rights = the signed-in account may not do this on { $dn }; sign in as a Domain Admin or an account allowed to change its permissions
dir-error-no-such-object = { $dn } does not exist; check the DN
dir-error-timeout = the domain controller did not answer within { $seconds } seconds; check the network, or raise --timeout
dir-error-connection-lost = the connection to the domain controller was lost ({ $reason }); nothing more was changed, run the command again
dir-error-ldap = the domain controller answered with LDAP error { $code } on { $dn }: { $text }
dir-error-config = invalid connection setting: { $text }
task-error-account-not-found = no account named "{ $name }" was found; check the connector account name (sAMAccountName, UPN, DN or DOMAIN\name)
task-error-account-ambiguous = "{ $name }" matches several accounts ({ $candidates }); give the sAMAccountName, UPN or DN instead
task-error-bad-data = { $dn }: { $what }
task-error-read-back = { $dn }: the permissions read back after writing are not the ones written; run check and verify, and undo with rollback if needed
task-error-backup = cannot use the backup { $path } ({ $reason })
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
check-min-pwd-age = minimum password age is { $days } days; writeback of a fresh reset is refused until it passes (set it to 0 in the Default Domain Policy)
check-policy-hints-ok = the domain controller supports the password-policy hints control
check-policy-hints-missing = the domain controller does not advertise the password-policy hints control (Windows Server 2016 or later needed); writeback may fail with event 6329
check-protected-users = { $count } of { $scanned } users will not receive the permission (inheritance disabled or adminCount=1); writeback fails for them
check-inetorgperson-covered = { $count } inetOrgPerson objects in scope, covered by the inetOrgPerson variants
check-inetorgperson-uncovered = { $count } inetOrgPerson objects in scope will not receive the permission; add --inetorgperson
check-grant-complete = { $dn } already carries every writeback permission
check-grant-partial = { $dn } carries part of the writeback permissions; grant completes them
check-grant-none = { $dn } does not carry the writeback permissions yet
check-adminsdholder = { $dn } is a target: protected admin accounts become resettable from the cloud
user-finding = { $name } ({ $dn }): { $why }
user-inheritance-blocked = inheritance disabled
user-admin-count = protected account (adminCount=1)
user-not-yet = does not carry the permission yet

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
cli-confirm-grant = Write the new permissions to { $count } object(s)?
cli-confirm-rollback = Undo the grant on { $count } object(s)?
cli-confirm-hint = [y/N]
cli-granted = { $dn }: { $count } permission entries added; backup saved to { $backup }
cli-already-granted = { $dn }: already granted, nothing to do
cli-plan-target = { $dn }: { $count } permission entries to add:
cli-plan-before = before: { $sddl }
cli-plan-after = after:  { $sddl }
cli-dry-run = dry run: nothing was written
cli-verify-summary = { $carrying } of { $total } users carry the permission
cli-rolled-back = { $dn }: grant undone ({ $count } entries removed)
progress-users = { $carrying } of { $done } users scanned so far carry the permission
