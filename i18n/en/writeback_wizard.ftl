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
