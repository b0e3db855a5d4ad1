# writeback-wizard — Deutsch (Übersetzung der englischen Referenzdatei; dieselben IDs)

## Sicherheitsbeschreibungen: ACE-Zeilen in Klartext

ace-allow = { $rights } — { $scope } — { $trustee }
ace-deny = Verweigern: { $rights } — { $scope } — { $trustee }
ace-audit = Überwachung: { $rights } — { $scope } — { $trustee }
ace-unknown = Ein Eintrag eines Typs, den dieses Tool nicht liest (bleibt unverändert)
ace-inherited = { $line } (geerbt)

trustee-unknown = (unbekanntes Konto)
trustee-everyone = Jeder
trustee-authenticated-users = Authentifizierte Benutzer
trustee-local-system = SYSTEM
trustee-self = SELBST
trustee-creator-owner = ERSTELLER-BESITZER
trustee-enterprise-dcs = Domänencontroller der Organisation
trustee-administrators = Administratoren
trustee-pre-windows-2000 = Prä-Windows 2000 kompatibler Zugriff
trustee-windows-authorization-access = Windows-Autorisierungszugriffsgruppe
trustee-domain-admins = Domänen-Admins
trustee-enterprise-admins = Organisations-Admins
trustee-domain-controllers = Domänencontroller

name-reset-password = Kennwort zurücksetzen
name-change-password = Kennwort ändern
name-unexpire-password = Abgelaufenes Kennwort wiederherstellen
name-lockout-time = lockoutTime
name-pwd-last-set = pwdLastSet
name-user = Benutzer
name-inet-org-person = inetOrgPerson
name-computer = Computer
name-group = Gruppe
name-organizational-unit = Organisationseinheit
name-replicating-directory-changes = Verzeichnisänderungen replizieren
name-replicating-directory-changes-all = Alle Verzeichnisänderungen replizieren
name-user-account-restrictions = Kontoeinschränkungen
name-user-logon = Anmeldeinformationen
name-membership = Gruppenmitgliedschaft
name-general-information = Allgemeine Informationen
name-personal-information = Persönliche Informationen
name-public-information = Öffentliche Informationen
name-user-account-control = userAccountControl

right-full-control = Vollzugriff
right-all-extended = Alle erweiterten Rechte
right-write-property = { $name } schreiben
right-read-property = { $name } lesen
right-create-child = { $name }-Objekte erstellen
right-create-child-any = Alle untergeordneten Objekte erstellen
right-delete-child = { $name }-Objekte löschen
right-delete-child-any = Alle untergeordneten Objekte löschen
right-validated-write = Bestätigter Schreibvorgang für { $name }
right-validated-write-any = Alle bestätigten Schreibvorgänge
right-write-all-properties = Alle Eigenschaften schreiben
right-read-all-properties = Alle Eigenschaften lesen
right-list-contents = Inhalt auflisten
right-list-object = Objekt auflisten
right-read-permissions = Berechtigungen lesen
right-modify-permissions = Berechtigungen ändern
right-modify-owner = Besitzer ändern
right-delete = Löschen
right-delete-subtree = Unterstruktur löschen
right-generic-read = Generischer Lesezugriff
right-generic-write = Generischer Schreibzugriff
right-generic-execute = Generischer Ausführungszugriff
right-other = Spezielle Berechtigungen { $mask }

scope-this-object = nur für dieses Objekt
scope-this-and-descendants = für dieses und alle untergeordneten Objekte
scope-descendants = für alle untergeordneten Objekte
scope-descendants-of-class = für untergeordnete { $class }-Objekte
scope-this-and-children = für dieses Objekt und seine direkt untergeordneten Objekte
scope-children = nur für direkt untergeordnete Objekte

## Sicherheitsbeschreibungen: Fehler

sd-error-at-byte = { $what } (bei Byte { $offset })
sd-error-truncated = Die Daten enden mitten in „{ $part }“; wurde der Wert beim Kopieren abgeschnitten?
sd-error-revision = Die Revision { $revision } der Sicherheitsbeschreibung ist nicht 1; dies ist keine Sicherheitsbeschreibung
sd-error-not-self-relative = Die Sicherheitsbeschreibung liegt nicht in selbstrelativer Form vor (Steuerungsflag 0x8000 fehlt)
sd-error-sid-revision = Eine SID hat die Revision { $revision } statt 1
sd-error-sid-too-long = Eine SID gibt { $count } Unterautoritäten an (höchstens 15)
sd-error-acl-revision = Eine ACL hat die Revision { $revision } (erwartet: 2 oder 4)
sd-error-acl-size = Eine ACL gibt { $size } Bytes an, weniger als ihr 8-Byte-Header
sd-error-ace-size = Ein ACE gibt { $size } Bytes an (mindestens 4 und ein Vielfaches von 4)
sd-error-offset = Der Offset { $offset } zeigt auf eine Stelle außerhalb der Daten
sd-error-trailing = Unerwartete Bytes nach dem Ende
sd-error-base64 = Dies ist kein gültiges Base64; fügen Sie den Wert genau so ein, wie LDAP ihn zurückgegeben hat
sddl-error-at-char = { $what } (bei Zeichen { $position })
sddl-error-section = Abschnitt „O:“, „G:“, „D:“ oder „S:“ erwartet, aber „{ $found }“ gefunden
sddl-error-duplicate-section = Der Abschnitt „{ $section }:“ kommt zweimal vor
sddl-error-sid = „{ $token }“ ist weder eine SID (S-1-…) noch ein bekanntes Kürzel aus zwei Buchstaben
sddl-error-needs-domain = Das Kürzel „{ $alias }“ steht für eine Domänengruppe; geben Sie die Domänen-SID mit --domain-sid an oder schreiben Sie die vollständige SID
sddl-error-ace-type = Unbekannter ACE-Typ „{ $token }“ (verwenden Sie A, D, OA, OD, AU, OU, AL oder OL)
sddl-error-ace-flag = Unbekanntes ACE-Flag „{ $token }“ (verwenden Sie OI, CI, NP, IO, ID, SA oder FA)
sddl-error-rights = Unbekanntes Recht „{ $token }“ (verwenden Sie Rechte aus zwei Buchstaben wie CR, WP, RP oder eine Hex-Maske wie 0x100)
sddl-error-guid = „{ $token }“ ist keine GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)
sddl-error-guid-on-basic = Der ACE-Typ „{ $token }“ akzeptiert keine Objekt-GUIDs; verwenden Sie OA oder OD für Objekt-ACEs
sddl-error-ace-fields = Ein ACE benötigt genau 6 durch „;“ getrennte Felder
sddl-error-unclosed = Ein ACE ist nicht mit „)“ abgeschlossen
sddl-error-acl-flag = Unbekanntes ACL-Flag „{ $token }“ (verwenden Sie P, AI, AR oder NO_ACCESS_CONTROL)
sddl-error-empty = Der SDDL-Text ist leer
sddl-error-unrepresentable = Eintrag { $index } der { $acl } (ACE-Typ { $ace_type }) hat keine SDDL-Form; verwenden Sie stattdessen den Base64-Wert

## Befehlszeile

cli-error = Fehler: { $message }
cli-error-domain-sid = „{ $value }“ ist keine Domänen-SID (S-1-5-21-…)
cli-error-stdin = Die Standardeingabe kann nicht gelesen werden: { $reason }
cli-error-encode-too-large = Die Sicherheitsbeschreibung ist für ihre Binärform zu groß (über 65.535 Bytes oder Einträge)
cli-no-gui-yet = Das Assistentenfenster ist in dieser Version noch nicht enthalten; verwenden Sie einen Unterbefehl (siehe --help).
explain-owner = Besitzer: { $trustee }
explain-group = Gruppe: { $trustee }
explain-dacl = Berechtigungen ({ $count } Einträge):
explain-dacl-protected = Berechtigungen ({ $count } Einträge, nicht vom übergeordneten Objekt geerbt):
explain-null-dacl = Berechtigungen: keine festgelegt (eine NULL-DACL gewährt allen Vollzugriff)
explain-sacl = Überwachung ({ $count } Einträge):
