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
gui-error = Das Assistentenfenster konnte nicht geöffnet werden: { $reason }
explain-owner = Besitzer: { $trustee }
explain-group = Gruppe: { $trustee }
explain-dacl = Berechtigungen ({ $count } Einträge):
explain-dacl-protected = Berechtigungen ({ $count } Einträge, nicht vom übergeordneten Objekt geerbt):
explain-null-dacl = Berechtigungen: keine festgelegt (eine NULL-DACL gewährt allen Vollzugriff)
explain-sacl = Überwachung ({ $count } Einträge):

## Schritt 1: Verzeichnisfehler

dir-error-unreachable = { $url } ist nicht erreichbar ({ $reason }); überprüfen Sie Adresse und Port und ob der Domänencontroller läuft und nicht von einer Firewall blockiert wird
dir-error-untrusted = Das Zertifikat von { $url } ist nicht von einer vertrauenswürdigen Zertifizierungsstelle signiert ({ $reason }); geben Sie das Zertifikat der Zertifizierungsstelle mit --ca-file an
dir-error-hostname = Das Zertifikat von { $url } ist nicht für diesen Namen ausgestellt ({ $reason }); verbinden Sie sich über den Namen, der im Zertifikat steht (meist der DNS-Name des Domänencontrollers)
dir-error-tls = Die TLS-Verbindung zu { $url } ist fehlgeschlagen ({ $reason })
dir-error-credentials = Der Domänencontroller hat die Anmeldung abgelehnt: Überprüfen Sie den Kontonamen (UPN, DN oder DOMAIN\user) und das Kennwort
dir-error-rights = Das angemeldete Konto darf diesen Vorgang für { $dn } nicht ausführen; melden Sie sich als Domänen-Admin an oder mit einem Konto, das die Berechtigungen dieses Objekts ändern darf
dir-error-no-such-object = { $dn } existiert nicht; überprüfen Sie den DN
dir-error-timeout = Der Domänencontroller hat nicht innerhalb von { $seconds } Sekunden geantwortet; überprüfen Sie das Netzwerk oder erhöhen Sie --timeout
dir-error-connection-lost = Die Verbindung zum Domänencontroller wurde unterbrochen ({ $reason }); es wurde nichts weiter geändert, führen Sie den Befehl erneut aus
dir-error-ldap = Der Domänencontroller hat für { $dn } mit dem LDAP-Fehler { $code } geantwortet: { $text }
dir-error-config = Ungültige Verbindungseinstellung: { $text }
task-error-account-not-found = Es wurde kein Konto namens „{ $name }“ gefunden; überprüfen Sie den Namen des Connectorkontos (sAMAccountName, UPN, DN oder DOMAIN\name)
task-error-account-ambiguous = „{ $name }“ passt auf mehrere Konten ({ $candidates }); geben Sie stattdessen den sAMAccountName, UPN oder DN an
task-error-bad-data = { $dn }: { $what }
task-error-read-back = { $dn }: Die nach dem Schreiben zurückgelesenen Berechtigungen stimmen nicht mit den geschriebenen überein; führen Sie die Befehle check und verify aus und machen Sie die Änderung bei Bedarf mit rollback rückgängig
task-error-backup = Die Sicherung { $path } kann nicht verwendet werden ({ $reason })
task-error-never-applied = Die in { $path } gespeicherte Berechtigungsvergabe ist nie im Verzeichnis angekommen (ihr Schreibvorgang ist fehlgeschlagen), daher gibt es nichts rückgängig zu machen; wählen Sie mit --backup FILE eine frühere Berechtigungsvergabe aus
task-error-no-backup = In { $dir } wurde keine Sicherung einer Berechtigungsvergabe gefunden; es gibt nichts rückgängig zu machen

## Schritt 1: Ergebnisse der Vorabprüfung

outcome-ok = OK
outcome-warning = Warnung
outcome-blocking = Blockierend
check-connection-tls = Mit { $server } über TLS verbunden (Zertifikat überprüft)
check-connection-plain = Mit { $server } OHNE Verschlüsselung verbunden: Kennwörter werden im Klartext über das Netzwerk übertragen
check-dacl-writable = Das angemeldete Konto darf die Berechtigungen von { $dn } ändern
check-dacl-not-writable = Das angemeldete Konto darf die Berechtigungen von { $dn } NICHT ändern; melden Sie sich als Domänen-Admin an (oder mit einem Konto, das dort die Berechtigung „Berechtigungen ändern“ besitzt)
check-connector-found = Connectorkonto { $dn } gefunden und aktiviert
check-connector-disabled = Das Connectorkonto { $dn } ist deaktiviert; aktivieren Sie es (Entra Connect kann damit sonst keine Kennwörter zurückschreiben)
check-min-pwd-age-ok = Das minimale Kennwortalter ist 0, wie für das Kennwortrückschreiben erforderlich
check-min-pwd-age = Das minimale Kennwortalter beträgt { $days } Tag(e); das Rückschreiben eines gerade zurückgesetzten Kennworts wird abgelehnt, bis diese Zeit verstrichen ist (setzen Sie es in der Default Domain Policy auf 0)
check-policy-hints-ok = Der Domänencontroller unterstützt das Steuerelement für Kennwortrichtlinienhinweise
check-policy-hints-missing = Der Domänencontroller meldet das Steuerelement für Kennwortrichtlinienhinweise nicht als unterstützt (Windows Server 2016 oder höher erforderlich); das Kennwortrückschreiben kann mit Ereignis 6329 fehlschlagen
check-inetorgperson-covered = { $count } inetOrgPerson-Objekte im Bereich, abgedeckt durch die inetOrgPerson-Varianten
check-inetorgperson-uncovered = { $count } inetOrgPerson-Objekte im Bereich erhalten die Berechtigung nicht; fügen Sie --inetorgperson hinzu
check-grant-complete = Für { $dn } sind bereits alle Berechtigungen für das Kennwortrückschreiben gesetzt
check-grant-partial = Für { $dn } ist erst ein Teil der Berechtigungen für das Kennwortrückschreiben gesetzt; der Befehl grant ergänzt die fehlenden
check-grant-none = Für { $dn } sind die Berechtigungen für das Kennwortrückschreiben noch nicht gesetzt
check-adminsdholder = { $dn } ist ein Ziel: Die Kennwörter geschützter Administratorkonten können dann aus der Cloud zurückgesetzt werden

## Schritt 1: Befehlszeile

cli-error-profile = Das Profil { $path } kann nicht gelesen werden: { $reason }
cli-error-missing = { $option } ist erforderlich (oder legen Sie es im Profil fest)
cli-error-plaintext = ldap:// ohne TLS würde das Kennwort im Klartext senden; verwenden Sie ldaps:// oder --starttls, oder erlauben Sie es ausdrücklich mit --insecure-plaintext
cli-warning-plaintext = Warnung: Verbindung OHNE Verschlüsselung (--insecure-plaintext); das Kennwort wird im Klartext über das Netzwerk übertragen
cli-error-no-password = Kein Kennwort: Legen Sie { $var } fest, oder führen Sie das Programm in einem Terminal aus, um danach gefragt zu werden
cli-password-prompt = Kennwort des Anmeldekontos:
cli-error-confirm-needs-yes = Kein Terminal verfügbar: Fügen Sie --yes hinzu, um die Änderung zu bestätigen
cli-cancelled = Abgebrochen; es wurde nichts geändert
cli-blocked = Durch Ergebnisse der Vorabprüfung blockiert; beheben Sie sie und führen Sie den Befehl erneut aus:
cli-confirm-grant = Die neuen Berechtigungen für { $count } Objekt(e) schreiben?
cli-confirm-rollback = Die Berechtigungsvergabe für { $count } Objekt(e) rückgängig machen?
cli-confirm-hint = [j/N]
cli-granted = { $dn }: { $count } Berechtigungseinträge hinzugefügt; Sicherung gespeichert unter { $backup }
cli-already-granted = { $dn }: Berechtigungen bereits vergeben, nichts zu tun
cli-plan-target = { $dn }: { $count } hinzuzufügende Berechtigungseinträge:
cli-plan-before = Vorher:  { $sddl }
cli-plan-after = Nachher: { $sddl }
cli-dry-run = Probelauf: Es wurde nichts geschrieben
cli-verify-summary = { $carrying } von { $total } Benutzern haben die Berechtigung
cli-rolled-back = { $dn }: Berechtigungsvergabe rückgängig gemacht ({ $count } Einträge entfernt)
progress-users = { $carrying } von { $done } bisher geprüften Benutzern haben die Berechtigung

## Assistent: Rahmen

step-welcome = Willkommen
step-targets = Ziele & Anmeldung
step-preflight = Vorabprüfung
step-permissions = AD-Berechtigungen
step-connect = Entra Connect
step-portal = Entra-Portal
step-verify = Überprüfen
step-summary = Zusammenfassung
demo-badge = Demo
demo-note = Demo-Organisation: ein integriertes Verzeichnis mit Connect-Server und Mandant. Außerhalb dieses Fensters wird nichts geändert.
theme-toggle = Hell / Dunkel
button-back = Zurück
button-next = Weiter
button-start = Starten
button-cancel = Abbrechen
state-on = ein
state-off = aus

## Assistent: Willkommen

welcome-title = Kennwortrückschreiben aktivieren
welcome-subtitle = Kennwörter, die Benutzer in der Cloud zurücksetzen, werden in das lokale Active Directory zurückgeschrieben.
welcome-changes = Was dieser Assistent ändert
welcome-change-ad = Active Directory: Das Connectorkonto darf bei Benutzerobjekten Kennwörter zurücksetzen, Konten entsperren und Kennwortzeitstempel aktualisieren.
welcome-change-connect = Entra Connect: Das optionale Feature „Kennwortrückschreiben“ wird aktiviert.
welcome-change-portal = Entra Admin Center: „Enable password write back for synced users“ und „Allow users to unlock accounts without resetting their password“.
welcome-safety = Jeder Schritt prüft zuerst, zeigt, was er ändern wird, legt eine Sicherung an, liest das Geschriebene zurück und lässt sich rückgängig machen.
welcome-requirements = Voraussetzungen
welcome-req-roles = Ein Domänen-Admin (oder ein Konto, das die Berechtigungen des Domänenstamms ändern darf) sowie ein Globaler Administrator oder Administrator für hybride Identitäten in Entra ID
welcome-req-license = Microsoft Entra ID P1 oder P2 (oder ein Paket, das diese Lizenz enthält)
welcome-req-connect = Entra Connect 2.x oder höher mit einem AD DS-Connectorkonto
welcome-environment = Umgebung
welcome-demo = Die integrierte Demo-Organisation (contoso.com): Hier können Sie gefahrlos alles durchklicken, nichts Echtes wird geändert.
welcome-profile = Die in { $profile } beschriebene Organisation
welcome-language = Sprache

## Assistent: Ziele

targets-title = Ziele & Anmeldung
targets-subtitle = Welcher Domänencontroller, welche Konten, welcher Connect-Server und welcher Mandant.
targets-directory = Active Directory
targets-server = Domänencontroller
targets-ca-file = CA-Zertifikat (PEM)
targets-ca-file-hint = leer: vertrauenswürdige Stammzertifikate des Systems
targets-browse = Durchsuchen…
targets-bind-user = Anmelden als (UPN, DN oder DOMAIN\user)
targets-password = Kennwort
targets-password-hint = wird nie gespeichert
targets-connector = AD DS-Connectorkonto
targets-find = Suchen
targets-finding = Suche läuft…
targets-find-hint = „Suchen“ prüft, ob das Konto existiert, eindeutig und aktiviert ist.
targets-found = { $dn } ({ $sid })
targets-cloud = Entra Connect und Mandant
targets-sync-host = Entra Connect-Server
targets-sync-host-hint = leer: dieser Computer
targets-tenant = Mandant

## Assistent: Vorabprüfung

preflight-title = Vorabprüfung
preflight-subtitle = Noch wird nichts geändert. Nur blockierende Ergebnisse halten Sie vom Fortfahren ab.
preflight-idle = Die Prüfungen lesen das Verzeichnis und durchsuchen die Benutzer.
preflight-run = Prüfungen ausführen
preflight-rerun = Erneut ausführen
preflight-running = Verzeichnis wird geprüft, Benutzer werden durchsucht…

## Assistent: Berechtigungen

permissions-title = Active Directory-Berechtigungen
permissions-subtitle = Das Connectorkonto erhält die für das Kennwortrückschreiben nötigen Rechte für untergeordnete Benutzerobjekte des Domänenstamms.
permissions-planning = Aktuelle Berechtigungen werden gelesen…
permissions-applying = Sicherung wird angelegt, geschrieben, zurückgelesen…
permissions-undoing = Die von diesem Assistenten hinzugefügten Einträge werden entfernt…
permissions-will-add = { $count } Einträge werden hinzugefügt:
permissions-sddl-added = Dieselben Einträge in SDDL:
permissions-applied-line = { $count } Einträge hinzugefügt und zurückgelesen
permissions-result = Ergebnis
permissions-read-back = { $dn }: geschrieben und zurückgelesen
permissions-backup = Sicherung: { $path }
permissions-propagation = Auf Windows-Domänencontrollern kann es bis zu einer Stunde dauern, bis die Änderung alle Benutzer erreicht.
permissions-undone = Rückgängig gemacht
permissions-apply = Anwenden
permissions-undo = Rückgängig

## Assistent: Connect

connect-title = Entra Connect
connect-subtitle = Das optionale Feature „Kennwortrückschreiben“ auf dem Connect-Server.
connect-reading = Connect-Server wird gelesen…
connect-switching = Kennwortrückschreiben wird umgeschaltet…
connect-reading-back = Wird zurückgelesen…
connect-on = Kennwortrückschreiben ist aktiviert
connect-off = Kennwortrückschreiben ist deaktiviert
connect-version = Version { $version }
connect-connector = Entra ID-Connector: { $connector }
connect-ad-account = AD DS-Connectorkonto: { $account }
connect-enable = Rückschreiben aktivieren
connect-retry = Erneut prüfen
connect-undo = Wieder deaktivieren
connect-manual = Auf dem Connect-Server erledigen
connect-manual-steps = Öffnen Sie den Entra Connect-Assistenten > Konfigurieren > Synchronisierungsoptionen anpassen > Optionale Features > „Kennwortrückschreiben“ aktivieren > Weiter > Konfigurieren.
connect-manual-script = Oder in PowerShell mit erhöhten Rechten: Set-ADSyncAADPasswordResetConfiguration -Connector "<Entra ID connector>" -Enable $true
sync-error = Fehler auf dem Connect-Server: { $reason }

## Assistent: Portal

portal-title = Entra Admin Center
portal-subtitle = Kennwortzurücksetzung > Lokale Integration.
portal-undocumented = Diese Einstellungen werden über die eigene, nicht dokumentierte API des Portals geändert; lehnt das Portal ab, zeigt der Assistent die manuellen Schritte.
portal-reading = Einstellungen des Mandanten werden gelesen…
portal-setting-writeback = „Kennwörter zurückschreiben“ wird aktiviert…
portal-setting-unlock = „Entsperren ohne Zurücksetzen“ wird aktiviert…
portal-reading-back = Wird zurückgelesen…
portal-writeback = Kennwörter in das lokale Verzeichnis zurückschreiben
portal-unlock = Konten ohne Zurücksetzen des Kennworts entsperren
portal-toggle = { $setting }: { $current } → { $desired }
portal-apply = Anwenden
portal-undo = Wieder deaktivieren
portal-manual = Im Entra Admin Center erledigen
portal-manual-steps = Schutz > Kennwortzurücksetzung > Lokale Integration: „Enable password write back for synced users“ und „Allow users to unlock accounts without resetting their password“ aktivieren, dann Speichern.

## Assistent: Überprüfen

verify-title = Überprüfen
verify-subtitle = Alles neu gelesen, im aktuellen Zustand.
verify-run = Erneut prüfen
verify-running = Alle Ebenen werden gelesen, Benutzer werden durchsucht…
verify-planes = Die drei Ebenen
verify-portal-on = Portal: Rückschreiben und Entsperren sind aktiviert
verify-portal-off = Portal: Rückschreiben oder Entsperren ist deaktiviert
verify-not-carrying = Benutzer ohne die Berechtigung
verify-everyone = Alle Benutzer haben die Berechtigung.

## Assistent: Zusammenfassung

summary-title = Zusammenfassung
summary-subtitle = Was dieser Durchlauf geändert hat und wie Sie es rückgängig machen.
summary-changed = Geändert
summary-no-permissions = Es wurden keine Berechtigungen geschrieben.
summary-permissions = { $dn }: { $count } Berechtigungseinträge hinzugefügt
summary-connect-on = Entra Connect: Kennwortrückschreiben aktiviert
summary-connect-unchanged = Entra Connect: in diesem Durchlauf nicht geändert
summary-portal-on = Portal: Rückschreiben und Entsperren aktiviert
summary-portal-unchanged = Portal: in diesem Durchlauf nicht geändert
summary-backups = Sicherungen
summary-no-backups = Es waren keine Sicherungen nötig.
summary-remember = Bitte beachten
summary-propagation = Auf Windows-Domänencontrollern kann es bis zu einer Stunde dauern, bis Berechtigungen alle Benutzer erreichen.
summary-policy = Kennwörter müssen weiterhin die lokale Kennwortrichtlinie erfüllen; setzen Sie das minimale Kennwortalter auf 0.
summary-undo-all = Alles rückgängig machen

## Schritt 2: Entra Connect

sync-error-no-powershell = PowerShell kann nicht gestartet werden ({ $exe }: { $reason }); führen Sie den Assistenten auf dem Connect-Server aus, installieren Sie PowerShell oder geben Sie den Pfad mit WRITEBACK_WIZARD_POWERSHELL an
sync-error-module = Das ADSync-Modul ist nicht installiert ({ $detail }); führen Sie das Programm auf dem Entra Connect-Server aus oder geben Sie dessen Namen mit --remote an
sync-error-access = Zugriff verweigert ({ $detail }); führen Sie das Programm als Administrator des Connect-Servers (mit erhöhten Rechten) aus, bei --remote als Mitglied seiner lokalen Gruppe „Administratoren“
sync-error-no-connector = Auf dem Connect-Server wurde kein Entra ID-Connector gefunden; schließen Sie zuerst die Einrichtung von Entra Connect ab
sync-error-several = Es wurden mehrere Entra ID-Connectors gefunden ({ $names }); aktivieren Sie das Kennwortrückschreiben stattdessen im Entra Connect-Assistenten
sync-error-remote = Die PowerShell-Remotesitzung ist fehlgeschlagen ({ $detail }); überprüfen Sie den Hostnamen, ob WinRM dort aktiviert ist und welche Rechte Sie dort haben
sync-error-garbage = PowerShell hat eine unerwartete Antwort geliefert ({ $detail }); führen Sie den Befehl erneut aus und überprüfen Sie die PowerShell auf dem Connect-Server
sync-error-timeout = PowerShell hat nicht innerhalb von { $seconds } Sekunden geantwortet und wurde beendet (der Assistent hat sonst nichts geändert)
sync-error-read-back = Der zurückgelesene Status des Kennwortrückschreibens entspricht nicht dem festgelegten; sehen Sie im Entra Connect-Assistenten unter „Optionale Features“ nach
sync-check-version = Entra Connect { $version } (2.x oder höher)
sync-check-version-old = Entra Connect { $version } wird nicht mehr unterstützt; aktualisieren Sie zuerst auf 2.x oder höher
sync-check-service = Der ADSync-Dienst wird ausgeführt
sync-check-service-stopped = Der ADSync-Dienst wird nicht ausgeführt; starten Sie ihn (das Kennwortrückschreiben benötigt ihn)
sync-check-endpoint = { $host } antwortet vom Connect-Server aus auf Port 443
sync-check-endpoint-blocked = { $host } antwortet vom Connect-Server aus nicht auf Port 443; das Kennwortrückschreiben benötigt ausgehende Verbindungen zu diesem Host über Port 443 (Firewall oder Proxy prüfen)
cli-sync-state = { $host }: Connector „{ $connector }“, Kennwortrückschreiben { $state }

## Sign-in and the portal API (step 3)
tenant-error-config = { $detail }; korrigieren Sie die Einstellung (Profil, --tenant, --client-id oder die Variablen WRITEBACK_WIZARD_*_URL)
tenant-error-network = Entra ID ist nicht erreichbar ({ $detail }); prüfen Sie Netzwerk, Proxy und Firewall dieses Rechners
tenant-error-timeout = Entra ID hat nicht rechtzeitig geantwortet; versuchen Sie es erneut und prüfen Sie das Netzwerk dieses Rechners
tenant-error-not-signed-in = nicht beim Mandanten angemeldet; melden Sie sich zuerst auf der Seite „Ziele & Anmeldung“ an
tenant-error-sign-in = die Anmeldung ist fehlgeschlagen ({ $code }: { $detail }); prüfen Sie Mandantennamen und Konto und melden Sie sich erneut an
tenant-error-consent = die Client-Anwendung braucht in diesem Mandanten eine Einwilligung; bitten Sie einen globalen Administrator darum, oder verwenden Sie eine andere Client-ID (client_id im Profil, --client-id)
tenant-error-tenant = der Mandant { $tenant } wurde nicht gefunden; verwenden Sie seine primäre Domäne (contoso.onmicrosoft.com) oder seine Mandanten-ID
tenant-error-no-browser = für die Anmeldung ließ sich kein Browser öffnen; verwenden Sie „Mit einem Code anmelden“ (--device-code)
tenant-error-declined = die Anmeldung wurde im Browser abgelehnt; melden Sie sich erneut an und stimmen Sie zu
tenant-error-expired = die Anmeldung ist abgelaufen; melden Sie sich erneut an
tenant-error-state = die Antwort gehörte nicht zu dieser Anmeldung (state stimmt nicht überein) und wurde abgewiesen; melden Sie sich erneut an
tenant-error-forbidden = das Portal hat die Änderung abgelehnt (403): Ihrem Konto fehlt eine Rolle, die Einstellungen zur Kennwortzurücksetzung ändern darf; melden Sie sich als globaler Administrator an oder nehmen Sie die Änderung von Hand vor
tenant-error-api = die API des Portals hat unerwartet geantwortet ({ $detail }); sie ist nicht dokumentiert und hat sich womöglich geändert: nehmen Sie die Änderung von Hand im Admin Center vor
tenant-error-throttled = der Dienst hat auch nach mehreren Wiederholungen um Drosselung gebeten (429/503); warten Sie ein paar Minuten und versuchen Sie es erneut
tenant-error-server = der Dienst ist fehlgeschlagen (HTTP { $status }); versuchen Sie es später erneut oder nehmen Sie die Änderung von Hand vor
tenant-error-read-back = die zurückgelesenen Einstellungen sind nicht die gesetzten; sehen Sie auf der Seite „Lokale Integration“ im Admin Center nach
portal-check-licence = Eine Lizenz für Entra ID P1 oder P2 ist vorhanden
portal-check-licence-missing = Keine Lizenz für Entra ID P1 oder P2 gefunden: das Kennwortrückschreiben braucht eine (ohne sie bleibt die Seite „Kennwortzurücksetzung“ verborgen)
portal-check-sync = Die Verzeichnissynchronisierung ist aktiv (letzter Lauf { $last })
portal-check-sync-off = Die Verzeichnissynchronisierung ist für diesen Mandanten nicht aktiv: das Rückschreiben erreicht nur synchronisierte Benutzer
portal-check-role = Ihre Rollen erlauben es, Einstellungen zur Kennwortzurücksetzung zu ändern ({ $roles })
portal-check-role-missing = Ihre Rollen ({ $roles }) gehören nicht zu den für die Kennwortzurücksetzung genannten; ein globaler Administrator kann es immer
signin-page-done = Angemeldet. Sie können diesen Tab schließen und zu writeback-wizard zurückkehren.
signin-page-failed = Die Anmeldung wurde nicht abgeschlossen. Den Grund zeigt writeback-wizard.
cli-portal-browser = Melden Sie sich im geöffneten Browserfenster an. Falls sich keines geöffnet hat, öffnen Sie: { $url }
cli-portal-device-code = Öffnen Sie zur Anmeldung { $url } auf einem beliebigen Gerät und geben Sie den Code { $code } ein. Warte …
cli-portal-signed-in = Angemeldet als { $user }.
cli-portal-tenant = Mandant: { $tenant }
cli-portal-setting = { $setting }: { $state }
cli-portal-graph-failed = die Prüfungen des Mandanten ließen sich nicht aus Microsoft Graph lesen: { $reason }
targets-sign-in = Beim Mandanten anmelden
targets-sign-in-code = Mit einem Code anmelden
targets-sign-in-hint = Optional: angemeldet prüft der Assistent den Mandanten und stellt die Portaleinstellungen selbst um; ohne Anmeldung zeigt der Portalschritt die Klicks, die von Hand zu tun sind.
targets-signing-in = Warte auf die Anmeldung im Browser …
targets-browser-fallback = Falls sich kein Browserfenster geöffnet hat, öffnen Sie die Anmeldeseite selbst.
targets-open-link = Anmeldeseite öffnen
targets-device-code = Öffnen Sie auf einem beliebigen Gerät { $url } und geben Sie diesen Code ein:
targets-signed-in = Angemeldet als { $user } ({ $tenant })
targets-sign-out = Abmelden
targets-read-connector = Von Connect lesen
targets-read-connector-none = Der Connect-Server hat kein AD DS-Connectorkonto genannt; bitte tragen Sie es ein.
portal-not-signed-in = Nicht beim Mandanten angemeldet (Seite „Ziele & Anmeldung“), daher kann der Assistent diese Einstellungen nicht selbst ändern.
portal-open = Admin Center öffnen
portal-recheck = Erneut prüfen
preflight-tenant = Entra ID-Mandant
preflight-tenant-failed = Die Prüfungen des Mandanten ließen sich nicht lesen: { $reason }
preflight-tenant-skipped = Nicht beim Mandanten angemeldet: Lizenz, Synchronisierung und Rollen wurden nicht geprüft (melden Sie sich auf der Seite „Ziele & Anmeldung“ an).
preflight-directory = Active Directory
verify-portal-unread = Portal: nicht angemeldet, daher wurden die Einstellungen nicht gelesen; prüfen Sie sie im Admin Center

## Cloud Sync

cloudsync-error-agent = das PowerShell-Modul des Cloud-Sync-Bereitstellungs-Agents ist nicht installiert ({ $detail }); führen Sie dies auf dem Server mit dem Bereitstellungs-Agent aus (1.1.977.0 oder neuer) oder verwenden Sie --remote mit dessen Namen
cloudsync-error-sign-in = der Mandant hat die Anmeldung abgelehnt ({ $detail }); prüfen Sie Benutzername und Kennwort des Mandanten-Administrators: er muss Administrator für hybride Identität oder globaler Administrator des Mandanten sein
cloudsync-check-version = Bereitstellungs-Agent { $version } (1.1.977.0 oder neuer)
cloudsync-check-version-old = Bereitstellungs-Agent { $version } ist zu alt für das Kennwortrückschreiben; aktualisieren Sie ihn zuerst auf 1.1.977.0 oder neuer
cloudsync-check-version-unknown = die Version des Bereitstellungs-Agents konnte nicht gelesen werden; sie muss 1.1.977.0 oder neuer sein
cloudsync-check-service = der Dienst des Bereitstellungs-Agents läuft
cloudsync-check-service-stopped = der Dienst des Bereitstellungs-Agents (AADConnectProvisioningAgent) läuft nicht; starten Sie ihn (das Rückschreiben braucht ihn)
cloudsync-check-not-readable = die Cloud-Sync-Einstellung für das Rückschreiben lässt sich nicht lesen (Microsoft bietet dafür kein Cmdlet); die Portalseite „Lokale Integration“ zeigt sie
cloudsync-not-readable = nicht lesbar
cli-cloudsync-state = { $host }: Cloud-Sync-Bereitstellungs-Agent { $version }, Kennwortrückschreiben { $state }
cli-cloudsync-set = { $host }: Cloud-Sync-Kennwortrückschreiben gesetzt: { $state } (vom Agent angenommen; es lässt sich nicht zurücklesen, prüfen Sie es auf der Portalseite „Lokale Integration“)
cli-cloudsync-set-confirmed = { $host }: Cloud-Sync-Kennwortrückschreiben { $state } (zurückgelesen)
cli-tenant-password-prompt = Kennwort von { $user }:
cli-error-no-tenant-password = kein Kennwort für den Mandanten-Administrator: setzen Sie { $var } oder starten Sie in einem Terminal
cli-error-tenant-admin-needs-cloud-sync = --tenant-admin gilt nur zusammen mit --cloud-sync (Entra Connect braucht keine Anmeldung am Mandanten)

## Runbook and audit log

audit-error = Das Änderungsprotokoll kann nicht geschrieben werden ({ $reason }); es wurde nichts geändert. Prüfen Sie, ob das Datenverzeichnis beschreibbar ist, oder setzen Sie WRITEBACK_WIZARD_DATA_DIR
audit-read-error = Das Änderungsprotokoll kann nicht gelesen werden ({ $reason })
log-change = Änderung
log-empty = Noch keine Änderungen protokolliert ({ $path }).
log-skipped = { $path }, Zeile { $line }: übersprungen, kein vollständiger Eintrag ({ $reason })
runbook-title = Runbook: Kennwortrückschreiben
runbook-meta = Organisation: { $environment } · erstellt { $time }
runbook-demo-note = Dieses Runbook dokumentiert einen Durchlauf mit der integrierten Demo-Organisation; nichts Reales wurde geändert.
runbook-env-demo = die integrierte Demo-Organisation (contoso.com)
runbook-contents = Inhalt
runbook-purpose = Zweck
runbook-purpose-text = Die Self-Service-Kennwortzurücksetzung von Microsoft Entra ID mit Kennwortrückschreiben aktivieren, damit ein in der Cloud zurückgesetztes Kennwort in das lokale Active Directory zurückgeschrieben wird. Drei Ebenen werden geändert:
runbook-prerequisites = Voraussetzungen
runbook-steps = Schritte
runbook-changes = Genaue Änderungen
runbook-verification = Ergebnisse der Überprüfung
runbook-undo = Rückgängig machen
runbook-screenshot = Bildschirmfoto: { $step }
runbook-no-screenshot = Für diesen Schritt wurde kein Bildschirmfoto aufgenommen.
runbook-no-changes = Dieser Durchlauf hat nichts geändert.
runbook-not-verified = Die Überprüfung wurde nicht ausgeführt.
runbook-not-run = Dieser Schritt wurde nicht ausgeführt.
runbook-already-granted = Die Berechtigungen waren bereits erteilt; es wurde nichts geschrieben.
runbook-time = Zeit
runbook-operator = Ausgeführt von
runbook-target = Ziel
runbook-result = Ergebnis
runbook-backup = Sicherung
runbook-sddl-diff = Geänderte Einträge (SDDL)
runbook-sddl-before = Sicherheitsbeschreibung vorher (SDDL)
runbook-sddl-after = Sicherheitsbeschreibung nachher, zurückgelesen (SDDL)
runbook-plane-ad = AD-Berechtigungen
runbook-plane-connect = Entra Connect
runbook-plane-portal = Entra-Portal
runbook-action-grant = Berechtigungen erteilt
runbook-action-rollback = Berechtigungen zurückgenommen
runbook-action-enable = aktiviert
runbook-action-disable = deaktiviert
runbook-result-ok = erledigt und zurückgelesen
runbook-result-failed = fehlgeschlagen: { $reason }
runbook-setting-password-writeback = Kennwortrückschreiben
runbook-value-unknown = unbekannt
runbook-aces-added = { $count } Einträge hinzugefügt
runbook-aces-removed = { $count } Einträge entfernt
runbook-target-dc = Domänencontroller: { $server }
runbook-target-connector = AD DS-Connectorkonto: { $account }
runbook-target-sync = Entra Connect-Server: { $host }
runbook-target-tenant = Mandant: { $tenant }
runbook-undo-summary = Im Assistenten, solange er geöffnet ist: Zusammenfassung > Alles rückgängig machen nimmt jede Änderung dieses Durchlaufs zurück und liest jede Ebene zurück.
runbook-undo-ad = Die auf { $dn } hinzugefügten Berechtigungen entfernen (stellt die gesicherte Sicherheitsbeschreibung wieder her, wenn sie sich seitdem nicht geändert hat, sonst werden genau die hinzugefügten Einträge entfernt); die Verbindungsoptionen der Erteilung ergänzen (--server, --bind-user oder --profile):
runbook-undo-connect = Kennwortrückschreiben auf dem Entra Connect-Server { $host } wieder deaktivieren:
runbook-undo-portal = Die beiden Schalter im Portal für den Mandanten { $tenant } wieder ausschalten (zuerst Entsperren, dann Rückschreiben); oder im Entra Admin Center unter Schutz > Kennwortzurücksetzung > Lokale Integration „Enable password write back for synced users“ und „Allow users to unlock accounts without resetting their password“ deaktivieren, dann Speichern ({ $link }):
runbook-undo-nothing = Nichts rückgängig zu machen: Dieser Durchlauf hat nichts geändert.
runbook-capture = Bildschirmfotos jeder Seite für das Runbook aufnehmen
runbook-export = Runbook exportieren…
runbook-export-hint = Diesen Durchlauf als Runbook speichern: jeder Schritt mit Bildschirmfoto, die genauen Änderungen, die Überprüfung und wie man sie rückgängig macht (HTML oder Markdown mit PNGs).
runbook-exported = Runbook gespeichert: { $path }
runbook-export-failed = Das Runbook { $path } kann nicht geschrieben werden ({ $reason })
runbook-demo-only = Der Befehl runbook schreibt das Runbook eines Demo-Durchlaufs; für einen echten Durchlauf „Runbook exportieren“ auf der Zusammenfassungsseite des Assistenten verwenden
targets-cloud-sync = Cloud-Sync-Bereitstellungs-Agent statt Entra Connect
targets-tenant-admin = Mandantenadministrator (für Cloud Sync)
runbook-setting-cloud-sync = Kennwortrückschreiben (Cloud Sync)
runbook-setting-read-back = Zurückgelesen

## Effektiver Zugriff (Issue 13): was der Connector bei jedem Benutzer tatsächlich darf
verify-why = Damit das Kennwortrückschreiben für einen Benutzer funktioniert, braucht das Connectorkonto alle vier Rechte für diesen Benutzer. Jede Gruppe nennt, warum sie fehlen, und wie Sie das beheben.
summary-unreached = { $count } Benutzer liegen außerhalb der Reichweite des Connectors (eine Verweigerung, deaktivierte Vererbung, ein geschütztes Konto …): Das Kennwortrückschreiben schlägt für sie fehl. Der Schritt „Überprüfen“ listet sie mit der jeweiligen Lösung auf.
check-reach-all = Der Connector wird für alle { $scanned } Benutzer im Bereich sämtliche Rechte für das Kennwortrückschreiben besitzen
check-reach-some = { $count } von { $scanned } Benutzern werden außerhalb der Reichweite des Connectors liegen; das Kennwortrückschreiben schlägt für sie fehl
check-blocked-ous = Bei { $count } Organisationseinheit(en) oder Container(n) im Bereich ist die Vererbung deaktiviert: Die Berechtigungsvergabe erreicht die Benutzer darunter nicht. Fügen Sie jedes dieser Objekte als Ziel hinzu:
check-blocked-ou = --target "{ $dn }"  ({ $users } Benutzer)
check-pso-min-age = Für { $count } Benutzer gilt eine differenzierte Kennwortrichtlinie mit einem minimalen Kennwortalter über 0: Eine Kennwortzurücksetzung aus der Cloud kurz nach einer Änderung wird abgelehnt. Setzen Sie das minimale Kennwortalter dieser Richtlinie auf 0.
check-unexpire-ok = Der Connector besitzt das Recht „Abgelaufenes Kennwort wiederherstellen“ für { $dn } (oder erhält es)
check-unexpire-missing = Dem Connector fehlt das Recht „Abgelaufenes Kennwort wiederherstellen“ für { $dn }: Nach einer Zurücksetzung bleibt „Benutzer muss Kennwort bei der nächsten Anmeldung ändern“ möglicherweise gesetzt. Erteilen Sie es auf dem Domänenstamm.
connector-not-a-user = Das Connectorkonto ist kein Benutzerkonto (sAMAccountType 805306368), sondern { $kind }: Geben Sie das AD DS-Connectorkonto an, das Entra Connect verwendet
account-kind-computer = ein Computer
account-kind-gmsa = ein gruppenverwaltetes Dienstkonto (für den Cloud-Sync-Agent geeignet)
account-kind-other = ein Objekt einer anderen Art
connector-locked-out = Das Connectorkonto ist gesperrt: Das Kennwortrückschreiben schlägt fehl, bis es entsperrt wird
connector-password-expired = Das Kennwort des Connectorkontos ist abgelaufen: Legen Sie in AD und in Entra Connect ein neues fest
connector-account-expired = Das Connectorkonto ist abgelaufen: Verlängern Sie es in Active Directory
connector-privileged = Das Connectorkonto ist privilegiert ({ $groups }): Entra Connect 1.4 und höher lehnt Administratorkonten ab; verwenden Sie ein eigenes, nicht privilegiertes Konto
connector-protected-users = Das Connectorkonto ist Mitglied von Protected Users: Anmeldungen per NTLM werden für dieses Konto abgelehnt; entfernen Sie es aus dieser Gruppe
reason-cannot-change-password = „Benutzer kann Kennwort nicht ändern“ ist für den Benutzer gesetzt
reason-explicit-deny = eine explizite Verweigerung für den Benutzer entzieht das Recht
reason-inherited-deny-from = eine von { $ou } geerbte Verweigerung entzieht das Recht
reason-inherited-deny = eine von weiter oben geerbte Verweigerung entzieht das Recht
reason-inheritance-disabled = die Vererbung ist für den Benutzer deaktiviert
reason-blocked-above = die Vererbung ist bei { $ou } oberhalb des Benutzers deaktiviert
reason-admin-count = geschütztes Konto (adminCount=1): AdminSDHolder bestimmt seine Berechtigungen, und SDProp überschreibt sie auf einem Windows-Domänencontroller innerhalb einer Stunde
reason-class-not-covered = Objektklasse inetOrgPerson, die Berechtigungsvergabe gilt aber nur für Benutzerobjekte
reason-not-propagated = die Berechtigung hat den Benutzer noch nicht erreicht
reason-unknown = die Berechtigungen des Benutzers konnten nicht gelesen werden
fix-cannot-change-password = Deaktivieren Sie „Benutzer kann Kennwort nicht ändern“ für das Konto (Registerkarte „Konto“), wenn der Benutzer sein Kennwort aus der Cloud zurücksetzen soll.
fix-explicit-deny = Entfernen Sie den Verweigerungseintrag aus den Berechtigungen des Benutzers.
fix-inherited-deny = Entfernen Sie den Verweigerungseintrag von dieser Organisationseinheit, oder verschieben Sie die Benutzer aus ihr heraus.
fix-inheritance-disabled = Aktivieren Sie die Vererbung für den Benutzer (Sicherheit > Erweitert > Vererbung aktivieren).
fix-blocked-above = Fügen Sie { $ou } als Ziel hinzu, oder aktivieren Sie dort die Vererbung.
fix-admin-count = Administratorkonten sind absichtlich vom Kennwortrückschreiben ausgenommen; um sie einzubeziehen, erteilen Sie die Berechtigungen auf AdminSDHolder (mit Warnung), oder löschen Sie adminCount bei Konten, die keiner Administratorgruppe mehr angehören.
fix-class-not-covered = Erteilen Sie die Berechtigungen mit der Option für inetOrgPerson.
fix-not-propagated = Warten Sie: Unter Windows erreicht eine Änderung innerhalb einer Stunde alle Benutzer. Überprüfen Sie später erneut.
fix-unknown = Prüfen Sie, ob das angemeldete Konto die Berechtigungen des Benutzers lesen darf.
right-reset-password = Kennwort zurücksetzen
right-change-password = Kennwort ändern
right-write-lockout-time = lockoutTime schreiben
right-write-pwd-last-set = pwdLastSet schreiben
blocked-user = { $name } ({ $dn }) – fehlende Rechte: { $rights }
reach-group = { $count } × { $reason }. { $fix }
reach-more = … und { $count } weitere (--json listet alle auf)
verify-target-ungranted = Für { $target } ist die Berechtigungsvergabe nicht gesetzt: Die { $count } Benutzer darunter erhalten die Berechtigungen, sobald sie gesetzt ist (erteilen Sie zuerst die Berechtigungen)
task-error-null-dacl = { $dn } hat überhaupt keine DACL (eine NULL DACL gewährt allen Vollzugriff). Es wurde nichts geändert. Geben Sie dem Objekt zuerst eine ordnungsgemäße DACL (Sicherheit > Erweitert), und erteilen Sie die Berechtigungen dann erneut.
task-error-acl-too-large = { $dn }: Mit der Berechtigungsvergabe wäre die DACL des Objekts { $bytes } Bytes groß, mehr als eine ACL fassen kann (65.535). Es wurde nichts geändert. Entfernen Sie zuerst nicht benötigte Einträge daraus.
task-error-kept-changing = { $dn }: Die Berechtigungen haben sich während des Schreibens der Berechtigungsvergabe ständig geändert, daher wurde nichts überschrieben. Versuchen Sie es erneut, wenn niemand sonst sie bearbeitet.
task-error-backup-refused = Die Sicherung { $path } wurde abgelehnt: { $why }. Es wurde nichts geändert.
task-error-partial-rollback = Das Rückgängigmachen wurde bei { $failed } abgebrochen: { $reason }. Bereits rückgängig gemacht: { $undone }.
task-error-partial-none = nichts
backup-other-server = sie wurde auf { $backup } erstellt, nicht auf { $connected } (verbinden Sie sich mit diesem Server, oder wählen Sie mit --backup die richtige Sicherung)
backup-other-domain = sie gehört zu { $backup }, nicht zu { $connected }
backup-inconsistent = ihre Sicherheitsbeschreibung vor der Berechtigungsvergabe entspricht nicht der geschriebenen abzüglich der hinzugefügten Einträge (die Datei wurde bearbeitet oder ist beschädigt)
backup-outside-domain = sie nennt { $dn }, das außerhalb der verbundenen Domäne liegt
runbook-result-pending = sollte gerade geschrieben werden (kein Ergebnis protokolliert: Der Durchlauf brach mitten im Schreiben ab; seine Sicherung macht es rückgängig)
cli-rollback-target = { $dn } (Sicherung { $backup }) — zu entfernende Einträge:
preflight-add-target = { $dn } als Ziel hinzufügen
## Diagnostics (issue 18)
diagnostics-log-failed = das Diagnoseprotokoll kann in { $path } nicht geschrieben werden ({ $reason }); der Assistent arbeitet ohne es weiter
diagnostics-title = Diagnose
diagnostics-log-at = Protokoll: { $path }
diagnostics-log-off = Das Diagnoseprotokoll wird nicht geschrieben: { $reason }
diagnostics-hint = Für ein Support-Ticket: Das Zip enthält die Protokolldateien, das Audit-Protokoll, die Namen der Sicherungen (nicht ihren Inhalt), die App-Version, das Betriebssystem und die Einstellungen — kein Passwort, kein Token, kein Code.
diagnostics-open-folder = Ordner öffnen
diagnostics-open-failed = der Ordner { $path } kann nicht geöffnet werden ({ $reason })
diagnostics-save = Diagnose speichern…
diagnostics-saved = Diagnose gespeichert: { $path }
diagnostics-save-failed = die Diagnose { $path } kann nicht geschrieben werden ({ $reason })
diagnostics-subtitle = Was der Support braucht, um einem Problem nachzugehen: wo das Protokoll liegt, und ein Zip für das Ticket.
diagnostics-close = Zurück zum Assistenten

## issue 14: forests
forest-error-domain = Domäne { $domain } über den Domänencontroller { $server }: { $reason } (einen anderen DC dieser Domäne mit --domain-server { $domain }=ldaps://HOST angeben)
forest-error-referral-refused = das Verzeichnis verwies { $dn } an { $url }, das kein Domänencontroller der Domänen dieser Gesamtstruktur ist: nicht gefolgt, dort nichts geändert
forest-in-domain = { $text } (Domäne { $domain })
forest-error-domain-server = --domain-server { $value }: den DNS-Namen der Domäne, ein Gleichheitszeichen und ihren DC angeben, z. B. --domain-server east.corp.example=ldaps://dc1.east.corp.example
forest-verify-domain = Domäne { $domain } (über { $server }): { $carrying } von { $total } Benutzern haben die Berechtigung, { $blocked } nicht erreichbar
