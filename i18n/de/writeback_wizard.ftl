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
sddl-error-needs-domain = Das Kürzel „{ $alias }“ steht für eine Domänengruppe; geben Sie die Domänen-SID an oder schreiben Sie die vollständige SID
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
explain-dacl = Berechtigungen ({ $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }):
explain-dacl-protected = Berechtigungen ({ $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }, nicht vom übergeordneten Objekt geerbt):
explain-null-dacl = Berechtigungen: keine festgelegt (eine NULL-DACL gewährt allen Vollzugriff)
explain-sacl = Überwachung ({ $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    }):

## Schritt 1: Verzeichnisfehler

dir-error-unreachable = { $url } ist nicht erreichbar ({ $reason }); überprüfen Sie Adresse und Port und ob der Domänencontroller läuft und nicht von einer Firewall blockiert wird
dir-error-untrusted = Das Zertifikat von { $url } ist nicht von einer vertrauenswürdigen Zertifizierungsstelle signiert ({ $reason }); geben Sie die Datei mit dem Zertifikat der ausstellenden Zertifizierungsstelle an
dir-error-hostname = Das Zertifikat von { $url } ist nicht für diesen Namen ausgestellt ({ $reason }); verbinden Sie sich über den Namen, der im Zertifikat steht (meist der DNS-Name des Domänencontrollers)
dir-error-tls = Die TLS-Verbindung zu { $url } ist fehlgeschlagen ({ $reason })
dir-error-credentials = Der Domänencontroller hat die Anmeldung abgelehnt: Überprüfen Sie den Kontonamen (UPN, DN oder DOMAIN\user) und das Kennwort
dir-error-rights = Das angemeldete Konto darf diesen Vorgang für { $dn } nicht ausführen; melden Sie sich als Domänen-Admin an oder mit einem Konto, das die Berechtigungen dieses Objekts ändern darf
dir-error-no-such-object = { $dn } existiert nicht; überprüfen Sie den DN
dir-error-timeout = Der Domänencontroller hat nicht innerhalb { $seconds ->
        [one] einer Sekunde
       *[other] von { $seconds } Sekunden
    } geantwortet; überprüfen Sie das Netzwerk oder erhöhen Sie die Zeitüberschreitung
dir-error-connection-lost = Die Verbindung zum Domänencontroller wurde unterbrochen ({ $reason }); es wurde nichts weiter geändert, führen Sie den Befehl erneut aus
dir-error-ldap = Der Domänencontroller hat für { $dn } mit dem LDAP-Fehler { $code } geantwortet: { $text }
dir-error-config = Ungültige Verbindungseinstellung: { $text }
task-error-account-not-found = Es wurde kein Konto namens „{ $name }“ gefunden; überprüfen Sie den Namen des Connectorkontos (sAMAccountName, UPN, DN oder DOMAIN\name)
task-error-account-ambiguous = „{ $name }“ passt auf mehrere Konten ({ $candidates }); geben Sie stattdessen den sAMAccountName, UPN oder DN an
task-error-bad-data = { $dn }: { $what }
task-error-read-back = { $dn }: Die nach dem Schreiben zurückgelesenen Berechtigungen stimmen nicht mit den geschriebenen überein; führen Sie die Befehle check und verify aus und machen Sie die Änderung bei Bedarf mit rollback rückgängig
task-error-backup = Die Sicherung { $path } kann nicht verwendet werden ({ $reason })
task-error-never-applied = Die in { $path } gespeicherte Berechtigungsvergabe ist nie im Verzeichnis angekommen (ihr Schreibvorgang ist fehlgeschlagen), daher gibt es nichts rückgängig zu machen; wählen Sie eine frühere Berechtigungsvergabe aus
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
check-min-pwd-age = Das minimale Kennwortalter beträgt { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }; das Rückschreiben eines gerade zurückgesetzten Kennworts wird abgelehnt, bis diese Zeit verstrichen ist (setzen Sie es in der Default Domain Policy auf 0)
check-policy-hints-ok = Der Domänencontroller unterstützt das Steuerelement für Kennwortrichtlinienhinweise
check-policy-hints-missing = Der Domänencontroller meldet das Steuerelement für Kennwortrichtlinienhinweise nicht als unterstützt (Windows Server 2016 oder höher erforderlich); das Kennwortrückschreiben kann mit Ereignis 6329 fehlschlagen
check-inetorgperson-covered = { $count ->
        [one] { $count } inetOrgPerson-Objekt
       *[other] { $count } inetOrgPerson-Objekte
    } im Bereich, abgedeckt durch die inetOrgPerson-Varianten
check-inetorgperson-uncovered = { $count ->
        [one] { $count } inetOrgPerson-Objekt im Bereich erhält
       *[other] { $count } inetOrgPerson-Objekte im Bereich erhalten
    } die Berechtigung nicht; beziehen Sie inetOrgPerson-Objekte in die Berechtigungsvergabe ein
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
cli-confirm-grant = Die neuen Berechtigungen für { $count ->
        [one] 1 Objekt
       *[other] { $count } Objekte
    } schreiben?
cli-confirm-rollback = Die Berechtigungsvergabe für { $count ->
        [one] 1 Objekt
       *[other] { $count } Objekte
    } rückgängig machen?
cli-confirm-hint = [j/N]
cli-granted = { $dn }: { $count ->
        [one] 1 Berechtigungseintrag
       *[other] { $count } Berechtigungseinträge
    } hinzugefügt; Sicherung gespeichert unter { $backup }
cli-already-granted = { $dn }: Berechtigungen bereits vergeben, nichts zu tun
cli-plan-target = { $dn }: { $count ->
        [one] 1 hinzuzufügender Berechtigungseintrag
       *[other] { $count } hinzuzufügende Berechtigungseinträge
    }:
cli-plan-before = Vorher:  { $sddl }
cli-plan-after = Nachher: { $sddl }
cli-dry-run = Probelauf: Es wurde nichts geschrieben
cli-verify-summary = { $carrying } von { $total ->
        [one] { $total } Benutzer
       *[other] { $total } Benutzern
    } { $carrying ->
        [one] hat
       *[other] haben
    } die Berechtigung
cli-rolled-back = { $dn }: Berechtigungsvergabe rückgängig gemacht ({ $count ->
        [one] 1 Eintrag entfernt
       *[other] { $count } Einträge entfernt
    })
progress-users = { $carrying } von { $done ->
        [one] { $done } bisher geprüften Benutzer
       *[other] { $done } bisher geprüften Benutzern
    } { $carrying ->
        [one] hat
       *[other] haben
    } die Berechtigung

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
permissions-will-add = { $count ->
        [one] 1 Eintrag wird hinzugefügt:
       *[other] { $count } Einträge werden hinzugefügt:
    }
permissions-sddl-added = Dieselben Einträge in SDDL:
permissions-applied-line = { $count ->
        [one] 1 Eintrag hinzugefügt und zurückgelesen
       *[other] { $count } Einträge hinzugefügt und zurückgelesen
    }
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
summary-permissions = { $dn }: { $count ->
        [one] 1 Berechtigungseintrag
       *[other] { $count } Berechtigungseinträge
    } hinzugefügt
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
sync-error-module = Das ADSync-Modul ist nicht installiert ({ $detail }); führen Sie das Programm auf dem Entra Connect-Server aus oder geben Sie dessen Namen an, um ihn aus der Ferne zu erreichen
sync-error-access = Zugriff verweigert ({ $detail }); führen Sie das Programm als Administrator des Connect-Servers (mit erhöhten Rechten) aus, bei einem entfernten Server als Mitglied seiner lokalen Gruppe „Administratoren“
sync-error-no-connector = Auf dem Connect-Server wurde kein Entra ID-Connector gefunden; schließen Sie zuerst die Einrichtung von Entra Connect ab
sync-error-several = Es wurden mehrere Entra ID-Connectors gefunden ({ $names }); aktivieren Sie das Kennwortrückschreiben stattdessen im Entra Connect-Assistenten
sync-error-remote = Die PowerShell-Remotesitzung ist fehlgeschlagen ({ $detail }); überprüfen Sie den Hostnamen, ob WinRM dort aktiviert ist und welche Rechte Sie dort haben
sync-error-garbage = PowerShell hat eine unerwartete Antwort geliefert ({ $detail }); führen Sie den Befehl erneut aus und überprüfen Sie die PowerShell auf dem Connect-Server
sync-error-timeout = PowerShell hat nicht innerhalb { $seconds ->
        [one] einer Sekunde
       *[other] von { $seconds } Sekunden
    } geantwortet und wurde beendet (der Assistent hat sonst nichts geändert)
sync-error-read-back = Der zurückgelesene Status des Kennwortrückschreibens entspricht nicht dem festgelegten; sehen Sie im Entra Connect-Assistenten unter „Optionale Features“ nach
sync-check-version = Entra Connect { $version } (2.x oder höher)
sync-check-version-old = Entra Connect { $version } wird nicht mehr unterstützt; aktualisieren Sie zuerst auf 2.x oder höher
sync-check-service = Der ADSync-Dienst wird ausgeführt
sync-check-service-stopped = Der ADSync-Dienst wird nicht ausgeführt; starten Sie ihn (das Kennwortrückschreiben benötigt ihn)
sync-check-endpoint = { $host } antwortet vom Connect-Server aus auf Port 443
sync-check-endpoint-blocked = { $host } antwortet vom Connect-Server aus nicht auf Port 443; das Kennwortrückschreiben benötigt ausgehende Verbindungen zu diesem Host über Port 443 (Firewall oder Proxy prüfen)
cli-sync-state = { $host }: Connector „{ $connector }“, Kennwortrückschreiben { $state }

## Sign-in and the portal API (step 3)
tenant-error-config = { $detail }; korrigieren Sie die Einstellung (den Mandanten oder die Client-ID im Profil oder die Variablen WRITEBACK_WIZARD_*_URL)
tenant-error-network = Entra ID ist nicht erreichbar ({ $detail }); prüfen Sie Netzwerk, Proxy und Firewall dieses Rechners
tenant-error-timeout = Entra ID hat nicht rechtzeitig geantwortet; versuchen Sie es erneut und prüfen Sie das Netzwerk dieses Rechners
tenant-error-not-signed-in = nicht beim Mandanten angemeldet; melden Sie sich zuerst auf der Seite „Ziele & Anmeldung“ an
tenant-error-sign-in = die Anmeldung ist fehlgeschlagen ({ $code }: { $detail }); prüfen Sie Mandantennamen und Konto und melden Sie sich erneut an
tenant-error-consent = die Client-Anwendung braucht in diesem Mandanten eine Einwilligung; bitten Sie einen globalen Administrator darum, oder verwenden Sie eine andere Client-ID (client_id im Profil)
tenant-error-tenant = der Mandant { $tenant } wurde nicht gefunden; verwenden Sie seine primäre Domäne (contoso.onmicrosoft.com) oder seine Mandanten-ID
tenant-error-no-browser = für die Anmeldung ließ sich kein Browser öffnen; verwenden Sie „Mit einem Code anmelden“
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

cloudsync-error-agent = das PowerShell-Modul des Cloud-Sync-Bereitstellungs-Agents ist nicht installiert ({ $detail }); führen Sie dies auf dem Server mit dem Bereitstellungs-Agent aus (1.1.977.0 oder neuer) oder geben Sie dessen Namen an, um ihn aus der Ferne zu erreichen
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
runbook-aces-added = { $count ->
        [one] 1 Eintrag hinzugefügt
       *[other] { $count } Einträge hinzugefügt
    }
runbook-aces-removed = { $count ->
        [one] 1 Eintrag entfernt
       *[other] { $count } Einträge entfernt
    }
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
targets-cloud-sync = Cloud-Sync-Bereitstellungs-Agent statt Entra Connect
targets-tenant-admin = Mandantenadministrator (für Cloud Sync)
runbook-setting-cloud-sync = Kennwortrückschreiben (Cloud Sync)
runbook-setting-read-back = Zurückgelesen

## Effektiver Zugriff (Issue 13): was der Connector bei jedem Benutzer tatsächlich darf
verify-why = Damit das Kennwortrückschreiben für einen Benutzer funktioniert, braucht das Connectorkonto alle vier Rechte für diesen Benutzer. Jede Gruppe nennt, warum sie fehlen, und wie Sie das beheben.
summary-unreached = { $count ->
        [one] 1 Benutzer liegt
       *[other] { $count } Benutzer liegen
    } außerhalb der Reichweite des Connectors (eine Verweigerung, deaktivierte Vererbung, ein geschütztes Konto …): Das Kennwortrückschreiben schlägt für { $count ->
        [one] ihn
       *[other] sie
    } fehl. Der Schritt „Überprüfen“ listet { $count ->
        [one] ihn
       *[other] sie
    } mit der jeweiligen Lösung auf.
check-reach-all = Der Connector wird für { $scanned ->
        [one] den 1 Benutzer
       *[other] alle { $scanned } Benutzer
    } im Bereich sämtliche Rechte für das Kennwortrückschreiben besitzen
check-reach-some = { $count } von { $scanned ->
        [one] { $scanned } Benutzer
       *[other] { $scanned } Benutzern
    } { $count ->
        [one] wird
       *[other] werden
    } außerhalb der Reichweite des Connectors liegen; das Kennwortrückschreiben schlägt für sie fehl
check-blocked-ous = Bei { $count ->
        [one] einer Organisationseinheit oder einem Container
       *[other] { $count } Organisationseinheiten oder Containern
    } im Bereich ist die Vererbung deaktiviert: Die Berechtigungsvergabe erreicht die Benutzer darunter nicht. { $count ->
        [one] Fügen Sie dieses Objekt als Ziel hinzu:
       *[other] Fügen Sie jedes dieser Objekte als Ziel hinzu:
    }
check-blocked-ou = { $dn } ({ $users ->
        [one] { $users } Benutzer
       *[other] { $users } Benutzer
    })
check-pso-min-age = Für { $count ->
        [one] 1 Benutzer
       *[other] { $count } Benutzer
    } gilt eine differenzierte Kennwortrichtlinie mit einem minimalen Kennwortalter über 0: Eine Kennwortzurücksetzung aus der Cloud kurz nach einer Änderung wird abgelehnt. Setzen Sie das minimale Kennwortalter dieser Richtlinie auf 0.
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
reach-more = … und { $count } { $count ->
        [one] weiterer
       *[other] weitere
    }
verify-target-ungranted = Für { $target } ist die Berechtigungsvergabe nicht gesetzt: { $count ->
        [one] Der 1 Benutzer darunter erhält
       *[other] Die { $count } Benutzer darunter erhalten
    } die Berechtigungen, sobald sie gesetzt ist (erteilen Sie zuerst die Berechtigungen)
task-error-null-dacl = { $dn } hat überhaupt keine DACL (eine NULL DACL gewährt allen Vollzugriff). Es wurde nichts geändert. Geben Sie dem Objekt zuerst eine ordnungsgemäße DACL (Sicherheit > Erweitert), und erteilen Sie die Berechtigungen dann erneut.
task-error-acl-too-large = { $dn }: Mit der Berechtigungsvergabe wäre die DACL des Objekts { $bytes } Bytes groß, mehr als eine ACL fassen kann (65.535). Es wurde nichts geändert. Entfernen Sie zuerst nicht benötigte Einträge daraus.
task-error-kept-changing = { $dn }: Die Berechtigungen haben sich während des Schreibens der Berechtigungsvergabe ständig geändert, daher wurde nichts überschrieben. Versuchen Sie es erneut, wenn niemand sonst sie bearbeitet.
task-error-backup-refused = Die Sicherung { $path } wurde abgelehnt: { $why }. Es wurde nichts geändert.
task-error-partial-rollback = Das Rückgängigmachen wurde bei { $failed } abgebrochen: { $reason }. Bereits rückgängig gemacht: { $undone }.
task-error-partial-none = nichts
backup-other-server = sie wurde auf { $backup } erstellt, nicht auf { $connected } (verbinden Sie sich mit diesem Server, oder wählen Sie die richtige Sicherung)
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

## issue 16: settings and pages
targets-starttls = StartTLS verwenden (eine ldap://-Adresse wird auf TLS umgestellt)
targets-grant = Was berechtigt wird
targets-grant-hint = Die Objekte, auf denen die Berechtigungen gesetzt werden; Benutzer darunter erben sie. Ist keines aufgeführt, der Domänenstamm.
targets-root = Der Domänenstamm (kein Objekt aufgeführt)
targets-remove = Entfernen
targets-add = Hinzufügen
targets-forest = Alle Domänen der Gesamtstruktur
targets-inetorgperson = Auch Benutzer der Klasse inetOrgPerson
targets-adminsdholder = Auch AdminSDHolder (geschützte Konten)
targets-adminsdholder-warning = Kennwörter von Administratoren werden aus der Cloud zurücksetzbar. Microsoft rät davon ab.
verify-connect-skipped = Der Connect-Server wurde nicht gelesen.
busy-writing = Die Änderung ist gesendet und lässt sich nicht mehr zurückrufen; das Zurücklesen folgt.
dir-error-plaintext = ldap:// ohne TLS würde das Kennwort im Klartext senden; verwenden Sie ldaps:// oder StartTLS, oder erlauben Sie es ausdrücklich
cli-verify-skipped = { $plane }: nicht gelesen (mit { $option })

## issue 16: the command line's help
help-usage = Aufruf:
help-commands = Befehle
help-options = Optionen
help-cmd-writeback-wizard = Schaltet das Zurückschreiben von Kennwörtern in Microsoft Entra ID durchgängig ein: AD-Berechtigungen, Entra Connect, Portal. Ohne Befehl öffnet sich das Assistentenfenster.
help-cmd-help = Diese Hilfe oder die Hilfe des angegebenen Befehls ausgeben
help-cmd-sd = Sicherheitsbeschreibungen dekodieren und kodieren (Base64 ⇄ SDDL)
help-cmd-sd-decode = Die SDDL einer Base64-kodierten selbstbezogenen Sicherheitsbeschreibung ausgeben
help-cmd-sd-encode = Die Base64-Form einer SDDL-Zeichenkette ausgeben
help-cmd-screenshots = Jede Seite eines Demodurchlaufs als PNG speichern (ohne Bildschirm)
help-cmd-runbook = Das Runbook des neuesten Durchlaufs im Überwachungsprotokoll schreiben (ein Befehl oder ein Fenster): die Änderungen, Sicherungen, Überprüfung, Pilottest, Rückgängigmachen und die Bildschirmfotos des Fensters (ohne Bildschirm)
help-cmd-diagnostics = Ein ZIP für ein Support-Ticket schreiben: Diagnoseprotokoll, Überwachungsprotokoll, Namen der Sicherungen, Version, Betriebssystem und Einstellungen (keine Geheimnisse)
help-cmd-log = Das Überwachungsprotokoll zeigen: jede angewendete Änderung auf jeder Ebene
help-cmd-sync = Schritt 2: Kennwortrückschreibung auf dem Entra Connect-Server
help-cmd-sync-status = Den Rückschreibestatus des Connect-Servers und seine Vorabprüfungen zeigen (mit --cloud-sync: die des Bereitstellungs-Agents)
help-cmd-sync-enable = Kennwortrückschreibung einschalten und zurücklesen (die Einstellung von Cloud Sync lässt sich nicht zurücklesen; als gesetzt gemeldet)
help-cmd-sync-disable = Kennwortrückschreibung ausschalten (rückgängig) und, wo möglich, zurücklesen
help-cmd-portal = Schritt 3: die lokale Integration im Portal (Anmeldung bei Entra ID)
help-cmd-portal-status = Die Einstellungen der lokalen Integration und die Prüfungen des Mandanten zeigen
help-cmd-portal-enable = „Kennwörter zurückschreiben“ und „Entsperren ohne Zurücksetzen“ einschalten, dann zurücklesen
help-cmd-portal-disable = Beides wieder ausschalten (rückgängig), dann zurücklesen
help-cmd-check = Schritt 1, Vorabprüfung: Verbindung, Konten, Rechte, geschützte Benutzer
help-cmd-grant = Schritt 1: die Berechtigungen für das Zurückschreiben erteilen (Sicherung, Schreiben, Zurücklesen)
help-cmd-verify = Die drei Ebenen erneut lesen: welche Benutzer der Connector zurücksetzen kann (--server), die Rückschreibung in Connect (--remote), das Portal (--tenant)
help-cmd-rollback = Schritt 1: die neueste Erteilung rückgängig machen (oder die in --backup)
help-arg-help = Hilfe ausgeben
help-arg-version = Die Version ausgeben
help-arg-lang = Sprache der Meldungen (en, de, fr, es); Standard: die des Systems
help-arg-theme = Farbschema: system (Standard), light oder dark
help-arg-verbose = Mehr Einzelheiten im Diagnoseprotokoll (DEBUG; zweimal: TRACE); auf der Befehlszeile erscheinen die Zeilen auch auf der Standardfehlerausgabe
help-arg-writeback-wizard-profile = Die Organisation, die dieses Profil (TOML) beschreibt: Das Fenster öffnet sich für sie statt für die integrierte Demo, und ein Befehl übernimmt ihre Einstellungen (angegebene Optionen haben Vorrang); vor oder nach dem Befehl
help-arg-profile = Profil (TOML) mit denselben Einstellungen; hier angegebene Optionen haben Vorrang
help-arg-diagnostics-profile = Profil (TOML), dessen Einstellungen in das ZIP kommen
help-arg-base64 = Der Base64-Wert; ohne Angabe von der Standardeingabe gelesen
help-arg-explain = Je Eintrag eine Zeile in Klartext statt SDDL ausgeben
help-arg-sd-decode-domain-sid = Domänen-SID, um Domänengruppen als Kürzel zu schreiben (DA, DU, …)
help-arg-sd-encode-domain-sid = Domänen-SID, um Domänenkürzel aufzulösen (DA, DU, …)
help-arg-sddl = Der SDDL-Text; ohne Angabe von der Standardeingabe gelesen
help-arg-screenshots-out = Ordner für NN-<Seite>.png
help-arg-runbook-out = Ordner für runbook.html (oder runbook.md und runbook-images/)
help-arg-diagnostics-out = Das zu schreibende ZIP
help-arg-format = html (eine eigenständige Datei, Standard) oder md (Markdown und PNGs)
help-arg-json = Ein JSON-Dokument ausgeben
help-arg-log-json = Die Einträge als JSON-Zeilen ausgeben
help-arg-remote = Der Connect-Server, über PowerShell-Remoting (Standard: dieser Rechner)
help-arg-verify-remote = Der zu lesende Entra Connect-Server (PowerShell-Remoting; localhost für diesen Rechner)
help-arg-cloud-sync = Cloud Sync statt Entra Connect: auf dem Server läuft der Bereitstellungs-Agent, und enable/disable melden sich beim Mandanten an
help-arg-tenant-admin = Mit --cloud-sync: der Mandantenadministrator (UPN) für die Anmeldung. Das Kennwort kommt aus WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD oder einer Abfrage
help-arg-timeout = Sekunden für jede Operation (Standard: 30 für das Verzeichnis, 120 für jeden PowerShell-Aufruf)
help-arg-sync-timeout = Sekunden für jeden PowerShell-Aufruf (Standard: 120)
help-arg-tenant = Mandant: seine Domäne (contoso.onmicrosoft.com) oder ID; Standard: die des Profils, sonst jedes Geschäftskonto („organizations“)
help-arg-verify-tenant = Der Mandant, dessen Portaleinstellungen gelesen werden (Domäne oder ID); Anmeldung im Browser oder mit --device-code
help-arg-client-id = Öffentliche Client-ID (Anwendungs-ID) für die Anmeldung; Standard: die des Profils, sonst die der Azure CLI
help-arg-device-code = Mit einem Code auf einem beliebigen Gerät anmelden statt im Browser
help-arg-server = Domänencontroller: ldaps://HOST[:PORT] (oder ldap:// mit --starttls)
help-arg-starttls = ldap:// mit StartTLS auf TLS umstellen
help-arg-ca-file = PEM-Datei der Zertifizierungsstelle, die das Zertifikat des DCs signiert hat
help-arg-insecure-plaintext = ldap:// ohne TLS erlauben (das Kennwort geht im Klartext über das Netz)
help-arg-bind-user = Konto für die Anmeldung: UPN, DN oder DOMAIN\user. Das Kennwort kommt aus WRITEBACK_WIZARD_BIND_PASSWORD oder einer Abfrage
help-arg-connector-account = Das AD DS-Connectorkonto (das Konto, das Entra Connect verwendet)
help-arg-targets = Objekt, auf dem berechtigt wird (wiederholbar); Standard: der Domänenstamm
help-arg-forest = Alle Domänen der Gesamtstruktur
help-arg-include-adminsdholder = Auch AdminSDHolder (macht Administratorkonten aus der Cloud zurücksetzbar)
help-arg-inetorgperson = Auch für inetOrgPerson-Objekte berechtigen
help-arg-dry-run = Den Plan und den SDDL-Unterschied ausgeben; nichts schreiben
help-arg-yes = Nicht um Bestätigung bitten
help-arg-backup = Eine von grant geschriebene Sicherungsdatei
## issue 15: pilot test and diagnosis
tenant-error-not-found = { $what } wurde im Mandanten nicht gefunden; prüfen Sie den Namen (den Benutzerprinzipalnamen) und versuchen Sie es erneut
tenant-error-too-large = die Antwort war größer als { $mib } MiB und wurde ungelesen abgelehnt; der Endpunkt verhält sich nicht wie Entra ID (prüfen Sie WRITEBACK_WIZARD_*_URL und einen Proxy)
tenant-error-tenant-mismatch = die Anmeldung landete im Mandanten { $got }, nicht im konfigurierten { $expected }; melden Sie sich mit einem Konto des konfigurierten Mandanten an (oder korrigieren Sie den Mandanten in den Einstellungen)
tenant-error-foreign-link = der Dienst antwortete mit einem Link außerhalb von { $base }; ihm wurde nicht gefolgt (prüfen Sie WRITEBACK_WIZARD_*_URL und einen Proxy)
runbook-plane-pilot = Pilottest (Zurücksetzen in der Cloud → Active Directory)
runbook-action-test = Test
runbook-setting-pwd-last-set = pwdLastSet in Active Directory
runbook-setting-pilot-result = Ergebnis
runbook-setting-pilot-cloud = Vorgang in der Cloud
runbook-setting-pilot-user = Pilotbenutzer
prove-result-proven = Bewiesen: das Zurücksetzen in der Cloud hat Active Directory erreicht
prove-result-failed = Fehlgeschlagen: die Cloud konnte das Kennwort nicht zurückschreiben
prove-result-unproven = Nicht bewiesen: noch keine Änderung in Active Directory
sync-error-too-large = PowerShell hat mehr als { $mib } MiB ausgegeben und wurde beendet; die Antwort des Connect-Servers ist nicht die erwartete (führen Sie den Befehl dort von Hand aus und sehen Sie sich die Ausgabe an)
prove-role-authentication-administrator = Authentifizierungsadministrator
prove-role-privileged-authentication-administrator = Administrator für privilegierte Authentifizierung
prove-error-user-not-found = kein Benutzer { $user } im Mandanten; geben Sie den Benutzerprinzipalnamen des Pilotbenutzers an (wie im Admin Center angezeigt)
prove-error-not-synced = { $user } ist ein reiner Cloud-Benutzer: Kennwortrückschreiben gilt nur für aus Active Directory synchronisierte Benutzer. Wählen Sie einen synchronisierten Benutzer (das Admin Center zeigt „Lokale Synchronisierung aktiviert: Ja“)
prove-error-own-account = { $user } ist das Konto, mit dem Sie angemeldet sind: Microsoft Graph kann das eigene Kennwort nicht zurücksetzen. Wählen Sie einen anderen (normalen, synchronisierten) Benutzer
prove-error-not-in-directory = { $user } ist synchronisiert, wurde aber in Active Directory nicht gefunden (versucht: { $tried }); prüfen Sie, ob der Assistent mit der Domäne dieses Benutzers verbunden ist
prove-error-role-missing = der Mandant hat das Zurücksetzen abgelehnt (403): Ihr Konto braucht die Rolle { $role } (in Entra ID > Rollen und Administratoren zuweisen, dann neu anmelden)
prove-error-consent = der Anmeldeanwendung wurde die Berechtigung { $scope } nicht erteilt; melden Sie sich erneut an und stimmen Sie zu (eventuell muss ein Administrator für den Mandanten zustimmen)
prove-error-cancelled = der Test wurde abgebrochen, bevor sich etwas geändert hat
prove-error-cancelled-sent = der Test wurde abgebrochen, nachdem das Zurücksetzen gesendet war: das Kennwort des Benutzers hat sich wahrscheinlich geändert; geben Sie dem Benutzer das angezeigte neue Kennwort oder setzen Sie es im Admin Center erneut zurück
prove-error-status-unknown = das Zurücksetzen wurde gesendet, sein Status konnte aber nicht gelesen werden ({ $reason }); das Kennwort des Benutzers hat sich wahrscheinlich geändert: prüfen Sie den Benutzer im Admin Center
prove-warning-admin-roles = dieser Benutzer hat Administratorrollen ({ $roles }): ihn zurückzusetzen erfordert den Administrator für privilegierte Authentifizierung, und Administratorkonten liegen oft außerhalb der Reichweite des Rückschreibens (geschützt, adminCount=1). Ein Pilot sollte ein normaler Benutzer sein
prove-warning-roles-unknown = die Verzeichnisrollen dieses Benutzers konnten nicht gelesen werden; stellen Sie sicher, dass es ein normaler Benutzer und kein Administrator ist
prove-confirm = Das Kennwort von { $user } ({ $dn }) jetzt in der Cloud zurücksetzen? Das aktuelle Kennwort funktioniert dann nicht mehr, und der Benutzer muss das neue bei der nächsten Anmeldung ändern.
prove-status-not-started = nicht gestartet
prove-status-running = läuft
prove-status-succeeded = erfolgreich
prove-status-failed = fehlgeschlagen
prove-progress-finding-user = Benutzer im Mandanten wird gesucht…
prove-progress-reading-directory = Benutzer in Active Directory wird gelesen…
prove-progress-resetting = Kennwort wird in der Cloud zurückgesetzt…
prove-progress-cloud = Zurücksetzen in der Cloud: { $status } ({ $elapsed } s von höchstens { $limit } s)
prove-progress-waiting-directory = Warten, bis sich pwdLastSet in Active Directory ändert ({ $elapsed } s von höchstens { $limit } s)
prove-proven-detail = pwdLastSet von { $dn } hat sich von { $before } auf { $after } geändert, nach dem Start des Zurücksetzens um { $started }: das Kennwortrückschreiben funktioniert durchgängig.
prove-failed-detail = Die Cloud meldet: { $detail }
prove-unproven-directory = Die Cloud meldet das Zurücksetzen als erfolgreich, aber pwdLastSet von { $dn } hat sich in der Wartezeit nicht geändert. Der gelesene Domänencontroller hat die Änderung vielleicht noch nicht (Replikation zwischen DCs: verbinden Sie sich mit dem DC, auf den der Connect-Server schreibt, oder testen Sie in ein paar Minuten erneut), oder der Connect-Server hat sie nicht geschrieben: sehen Sie in sein Ereignisprotokoll (writeback-wizard diagnose, oder „Diagnose“ auf der Seite Überprüfen).
prove-unproven-cloud = Das Zurücksetzen in der Cloud wurde in der erlaubten Zeit nicht fertig; sehen Sie sich den Benutzer im Admin Center und das Ereignisprotokoll des Connect-Servers an (writeback-wizard diagnose).
prove-new-password = Neues Kennwort von { $user } (einmal angezeigt, nirgends gespeichert; der Benutzer muss es bei der nächsten Anmeldung ändern): { $password }
prove-new-password-label = Neues Kennwort (einmal angezeigt)
prove-new-password-none = Die Cloud hat das neue Kennwort nicht zurückgegeben: legen Sie im Admin Center eines für den Benutzer fest.
prove-linked-finding = Schritt 1 hat für { $dn } festgestellt: { $reason } { $fix }
diag-cause-access-denied = Dem Connectorkonto wurde der Zugriff auf den Benutzer verweigert (Ereignis 33004, hr=80230626): die Berechtigung fehlt an diesem Benutzer, „Benutzer kann Kennwort nicht ändern“ ist gesetzt, er ist geschützt (adminCount=1) oder erbt nicht, oder die Berechtigung hat ihn noch nicht erreicht.
diag-fix-access-denied = Führen Sie Überprüfen (Schritt 1) aus und beheben Sie den Befund des Benutzers: Berechtigung auf seiner OU erteilen, „Benutzer kann Kennwort nicht ändern“ entfernen, Vererbung aktivieren; unter Windows bis zu einer Stunde für die Weitergabe einplanen.
diag-rule-minimum-age = des minimalen Kennwortalters
diag-rule-history = des Kennwortverlaufs
diag-rule-complexity = der Komplexität oder Länge
diag-rule-any = einer Kennwortregel oder eines Kennwortfilters
diag-cause-password-policy = Active Directory hat das neue Kennwort wegen { $rule } abgelehnt (Ereignis 33008 oder 6329 mit 0x80230619).
diag-fix-password-policy-minimum-age = Setzen Sie das minimale Kennwortalter auf 0 Tage (Standard-Domänenrichtlinie oder die differenzierte Richtlinie des Benutzers), wie Microsoft es für das Rückschreiben verlangt.
diag-fix-password-policy = Wählen Sie ein Kennwort, das der Richtlinie der Domäne entspricht, oder gleichen Sie die Richtlinie (Verlauf, Komplexität, Kennwortfilter) an die der Cloud an.
diag-cause-policy-hints = Die Domänencontroller unterstützen das Steuerelement für Kennwortrichtlinien-Hinweise nicht (Ereignis 6329): sie sind älter als Windows Server 2016 oder es fehlt das Update.
diag-fix-policy-hints = Aktualisieren Sie die Domänencontroller auf Windows Server 2016 oder neuer (oder installieren Sie das Update mit dem Steuerelement).
diag-cause-service-bus = Der Connect-Server erreicht den Kennwortzurücksetzungsdienst nicht (Ereignis 32002, Service Bus): ausgehend 443 ist blockiert oder läuft über einen Proxy.
diag-fix-service-bus = Erlauben Sie ausgehend 443 vom Connect-Server zu *.passwordreset.microsoftonline.com und *.servicebus.windows.net (Firewall, Proxy), mit TLS 1.2 und .NET 4.8.
diag-cause-certificates = Dem Connect-Server fehlen Stammzertifikate, die der Dienst braucht (Ereignis 31034).
diag-fix-certificates = Aktualisieren Sie die vertrauenswürdigen Stammzertifikate des Connect-Servers (Windows Update) und starten Sie dann den Dienst ADSync neu.
diag-cause-sam-restricted = Eine Richtlinie verbietet dem Connectorkonto Remoteaufrufe an SAM (SSPR_0029).
diag-fix-sam-restricted = Erlauben Sie das Connectorkonto im GPO „Netzwerkzugriff: Clients beschränken, die Remoteaufrufe an SAM durchführen dürfen“ auf den Domänencontrollern.
diag-cause-wrong-admin-account = Das Rückschreiben wurde mit einem falschen oder verbundenen Administratorkonto eingerichtet (Ereignis 32009).
diag-fix-wrong-admin-account = Führen Sie den Entra-Connect-Assistenten mit einem reinen Cloud-Administrator (Hybrididentität oder global) erneut aus und schalten Sie das Rückschreiben aus und wieder ein.
diag-cause-forest-added = Eine Gesamtstruktur wurde hinzugefügt, nachdem das Rückschreiben aktiviert war (Ereignis 6329 mit 0x8023061f).
diag-fix-forest-added = Schalten Sie das Kennwortrückschreiben in Entra Connect aus und wieder ein (writeback-wizard sync disable, dann sync enable).
diag-cause-reserved-characters = Ein OU-Name enthält reservierte Zeichen (Ereignis 33001).
diag-fix-reserved-characters = Benennen Sie die OU ohne die reservierten Zeichen um oder verschieben Sie die Benutzer daraus.
diag-cause-connector-password-too-long = Das Kennwort des Connectorkontos ist länger als 256 Zeichen (hr=800700CE).
diag-fix-connector-password-too-long = Geben Sie dem AD-DS-Connectorkonto ein kürzeres Kennwort und tragen Sie es in Entra Connect ein.
diag-cause-writeback-disabled = Das Kennwortrückschreiben ist ausgeschaltet (in Entra Connect oder im Portal): die Cloud hat das Kennwort geändert, Active Directory wurde nie gefragt.
diag-fix-writeback-disabled = Schalten Sie das Rückschreiben in den Schritten 2 und 3 ein (writeback-wizard sync enable, writeback-wizard portal enable) und testen Sie erneut.
diag-cause-healthy = Das Rückschreiben funktioniert (aktiviert, gestartet oder ein Zurücksetzen zurückgeschrieben).
diag-fix-healthy = Nichts zu tun.
diag-cause-unknown = Kein Ereignis, das der Assistent kennt.
diag-fix-unknown = Suchen Sie nach seiner ID zusammen mit „password writeback“ oder öffnen Sie einen Supportfall mit dem Diagnose-Zip.
diag-event = { $time } · { $source } · Ereignis { $id }
diag-unknown-event = Sein Text: { $message }
diag-event-user = Benutzer: { $dn }
sspr-check-nobody = Die Self-Service-Kennwortzurücksetzung ist für niemanden aktiviert: kein Benutzer kann in der Cloud ein Kennwort zurücksetzen, das Rückschreiben hat also nichts zu schreiben. Abhilfe: Entra Admin Center > Schutz > Kennwortzurücksetzung > Eigenschaften > Ausgewählt (eine Gruppe) oder Alle.
sspr-check-group = Die Self-Service-Kennwortzurücksetzung ist für die Gruppe { $group } aktiviert
sspr-check-everyone = Die Self-Service-Kennwortzurücksetzung ist für alle Benutzer aktiviert
sspr-check-unreadable = wer die Self-Service-Kennwortzurücksetzung nutzen darf, konnte nicht gelesen werden ({ $reason }); prüfen Sie Kennwortzurücksetzung > Eigenschaften im Admin Center
prove-new-password-not-terminal = Das neue Kennwort von { $user } wird nur auf einem Terminal angezeigt (nicht in eine Datei oder Pipe geschrieben); führen Sie den Befehl in einem Terminal aus oder legen Sie im Admin Center ein Kennwort für den Benutzer fest.
cli-diag-error-since = --since { $value }: geben Sie eine Dauer wie 30m, 2h oder 1d an
diag-header = Ereignisprotokoll von { $host } seit { $since }: { $count ->
        [one] 1 Eintrag
       *[other] { $count } Einträge
    } des Kennwortzurücksetzungsdienstes und der Synchronisierung
diag-none = Keine Einträge: in dieser Zeit hat weder der Kennwortzurücksetzungsdienst noch die Synchronisierung etwas protokolliert (sehen Sie weiter zurück, oder prüfen Sie, ob das Rückschreiben auf diesem Server aktiviert ist).
prove-title = Rückschreiben mit einem Pilotbenutzer testen
prove-intro = Setzt das Kennwort eines synchronisierten Benutzers in der Cloud zurück (Microsoft Graph) und liest dann sein pwdLastSet in Active Directory: der Beweis, dass ein Zurücksetzen in der Cloud AD erreicht.
prove-user-label = Pilotbenutzer (Benutzerprinzipalname)
prove-start = Rückschreiben testen
prove-reveal = Anzeigen
prove-hide = Verbergen
prove-copy = Kopieren
prove-copied = Kopiert
diag-title = Ereignisprotokoll des Connect-Servers
diag-start = Diagnose
diag-progress-reading = Ereignisprotokoll des Connect-Servers wird gelesen…
help-cmd-test-writeback = Die Rückschreibung durchgängig nachweisen: das Kennwort eines synchronisierten Pilotbenutzers in der Cloud zurücksetzen, dann sein pwdLastSet im AD lesen (Exit 0 nachgewiesen, 1 fehlgeschlagen oder unbewiesen, 2 falsche Eingabe, 3 blockiert)
help-cmd-diagnose = Das Ereignisprotokoll des Connect-Servers lesen (Kennwortzurücksetzungsdienst, Synchronisierungsfehler) und jeden Eintrag mit seiner Behebung erklären
help-arg-cloud-timeout = Sekunden, die das Zurücksetzen in der Cloud dauern darf
help-arg-since = Wie weit zurück gelesen wird: 30m, 2h, 1d… (Standard 24h)
help-arg-user = Der Pilotbenutzer (Benutzerprinzipalname): aus dem AD synchronisiert, nicht Sie selbst, kein Administrator. Sein Kennwort wird ersetzt (ein zufälliges mit mindestens 16 Zeichen, einmal angezeigt) und muss bei der nächsten Anmeldung geändert werden
help-arg-wait = Sekunden, die auf eine Änderung von pwdLastSet gewartet wird, nachdem die Cloud Erfolg meldet
help-arg-test-writeback-client-id = Öffentliche Client-ID (Anwendungs-ID) für die Anmeldung bei Microsoft Graph (bei diesem Befehl: der Client für Graph); Standard: --graph-client-id oder graph_client_id des Profils, sonst Microsoft Graph Command Line Tools
prove-reset-now = Kennwort jetzt zurücksetzen
diag-intro = Liest das Anwendungsprotokoll des Connect-Servers (Kennwortzurücksetzungsdienst, Synchronisierung) der letzten 24 Stunden und erklärt jeden Eintrag mit seiner Behebung.
connect-cloudsync-set = { $host }: Cloud-Sync-Kennwortrückschreiben gesetzt: { $state } (vom Agent angenommen; es lässt sich nicht zurücklesen, prüfen Sie es auf der Portalseite „Lokale Integration“)
connect-cloudsync-state = { $host }: Cloud-Sync-Bereitstellungs-Agent { $version }, Kennwortrückschreiben { $state }
verify-summary = { $carrying } von { $total ->
        [one] { $total } Benutzer
       *[other] { $total } Benutzern
    } { $carrying ->
        [one] hat
       *[other] haben
    } die Berechtigung
permissions-already-granted = { $dn }: Berechtigungen bereits vergeben, nichts zu tun
permissions-rolled-back = { $dn }: Berechtigungsvergabe rückgängig gemacht ({ $count ->
        [one] 1 Eintrag entfernt
       *[other] { $count } Einträge entfernt
    })
## issue 14: forests
forest-error-domain = Domäne { $domain } über den Domänencontroller { $server }: { $reason } (geben Sie einen anderen Domänencontroller dieser Domäne an)
forest-error-referral-refused = das Verzeichnis verwies { $dn } an { $url }, das kein Domänencontroller der Domänen dieser Gesamtstruktur ist: nicht gefolgt, dort nichts geändert
forest-in-domain = { $text } (Domäne { $domain })
cli-forest-error-domain-server = --domain-server { $value }: den DNS-Namen der Domäne, ein Gleichheitszeichen und ihren DC angeben, z. B. --domain-server east.corp.example=ldaps://dc1.east.corp.example
forest-verify-domain = Domäne { $domain } (über { $server }): { $carrying } von { $total ->
        [one] { $total } Benutzer
       *[other] { $total } Benutzern
    } { $carrying ->
        [one] hat
       *[other] haben
    } die Berechtigung, { $blocked } nicht erreichbar
help-arg-domain-servers = Der DC einer Domäne der Gesamtstruktur, DNS=ldaps://HOST[:PORT] (wiederholbar); für andere Domänen der DC, den DNS nennt, sonst der Domänenname
targets-domains = Domänen der Gesamtstruktur
targets-domains-listing = Die Domänen der Gesamtstruktur werden gelesen…
targets-domains-list = Domänen der Gesamtstruktur auflisten
targets-domain-dc = über { $server } ({ $source })
targets-dc-connected = der DC der Anmeldung
targets-dc-given = für diese Domäne angegeben
targets-dc-srv = von DNS genannt
targets-dc-dns-root = der Domänenname; kein DC bekannt
## Issue 23: the token each DC builds, SRV answers, rollback of the grant's own entries
token-without-gc = die Gruppen des Connector-Kontos (tokenGroups) waren nicht lesbar; sie stammen aus tokenGroupsNoGCAcceptable, dem universelle Gruppen anderer Domänen fehlen können: eine Verweigerung für eine davon bliebe unbemerkt (melden Sie sich mit einem Konto an, das tokenGroups lesen darf)
task-error-token-unreadable = die Gruppen von { $dn } (tokenGroups) sind nicht lesbar, eine Verweigerung für eine seiner Gruppen bliebe also unbemerkt: nichts wurde beurteilt. Melden Sie sich mit einem Konto an, das tokenGroups des Connector-Kontos lesen darf (Domänen-Admins oder delegiertes „tokenGroups lesen“)
srv-refused = DNS nennt { $host } als Domänencontroller von { $domain } (Eintrag _ldap._tcp.dc._msdcs.{ $domain }), einen Host außerhalb der DNS-Namen dieser Gesamtstruktur: abgelehnt, das Kennwort wurde nicht dorthin gesendet. Geben Sie den DC der Domäne an (und die Datei der Zertifizierungsstelle, die sein Zertifikat signiert hat)
targets-dc-srv-refused = DNS nannte einen Host außerhalb der Gesamtstruktur: abgelehnt; geben Sie den DC dieser Domäne an
backup-not-the-grant = sie würde { $entry } entfernen, keinen der Einträge, die die Writeback-Berechtigung schreibt (A1–A5 für ein Connector-Konto); eine Sicherung dieses Assistenten tut das nie, sie stammt also nicht von ihm oder wurde bearbeitet
reason-subclass-not-covered = seine Klasse ist { $class }, eine Unterklasse von user, die die Berechtigung nicht nennt: für user-Objekte vererbte Einträge erreichen es nicht
fix-subclass-not-covered = Erteilen Sie die Rechte für { $class }-Objekte selbst (Anwenden auf: Untergeordnete { $class }-Objekte), oder lassen Sie diese Konten aus dem Writeback heraus.
reason-unknown-above = { $dn } oberhalb des Benutzers war nicht lesbar oder ist weder OU noch Container: ob die Berechtigung den Benutzer erreicht, ist unbekannt
fix-unknown-above = Melden Sie sich mit einem Konto an, das die Berechtigungen von { $dn } lesen darf, und prüfen Sie, dass dort die Vererbung aktiv ist.
check-cannot-change = { $count } Benutzer haben „Benutzer kann Kennwort nicht ändern“: Zurücksetzungen aus der Cloud werden zurückgeschrieben, Kennwortänderungen durch den Benutzer nicht (entfernen Sie die Option, wenn sie ihr Kennwort per SSPR ändern sollen)
cli-rollback-foreign = { $backup } steht nicht im Überwachungsprotokoll dieses Rechners: sie wurde anderswo (Datei eines Kollegen) oder von Hand erstellt. Klären Sie es mit der Person, die sie erstellt hat, bevor Sie sie wiederherstellen.
cli-confirm-rollback-foreign = { $count } Sicherungen wiederherstellen, die nicht auf diesem Rechner erstellt wurden?
cli-rollback-foreign-refused = eine Sicherung, die das Überwachungsprotokoll dieses Rechners nicht kennt, wird nie ohne Rückfrage wiederhergestellt: führen Sie rollback in einem Terminal aus und beantworten Sie die Frage (--yes deckt das nicht ab)
task-error-foreign-backup = nicht wiederhergestellt: { $backups } steht nicht im Überwachungsprotokoll dieses Rechners (anderswo, von einem Kollegen oder von Hand erstellt). Klären Sie es mit der Person, die sie erstellt hat; um sie trotzdem wiederherzustellen, führen Sie rollback der Befehlszeile mit dieser Sicherung in einem Terminal aus, das danach fragt.


## Issue 22: the pilot test and diagnosis follow Microsoft's documented contracts
tenant-error-graph = Microsoft Graph hat abgelehnt (HTTP { $status }): { $code }: { $message }
prove-error-privileged = { $user } wird nicht getestet: das Konto ist privilegiert ({ $reasons }). Laut Microsoft werden solche Zurücksetzungen nicht zurückgeschrieben; wählen Sie einen gewöhnlichen synchronisierten Benutzer oder erlauben Sie es ausdrücklich („Diesen privilegierten Benutzer trotzdem testen“)
prove-error-no-password = es konnte kein Kennwort erzeugt werden: die Zufallsquelle des Betriebssystems hat versagt
prove-warning-admin-count = adminCount=1 im Active Directory (durch AdminSDHolder geschützt): das Connector-Konto darf sein Kennwort nicht ändern
prove-warning-protected-group = Mitglied der geschützten Gruppe { $group }: das Connector-Konto darf sein Kennwort nicht ändern
prove-warning-bind-account = es ist das Konto, mit dem der Assistent am Active Directory angemeldet ist
prove-status-unknown-future = ein Status, den diese Version nicht kennt (es wird weiter gewartet)
diag-cause-request-received = Eine Zurücksetzung oder Kennwortänderung kam aus der Cloud an (Ereignisse 31001, 31006, 31009): der erste Schritt jedes Rückschreibens.
diag-fix-request-received = Nichts zu tun; das Ergebnis folgt im nächsten Ereignis (31002, 31007, 31010, wenn geschrieben).
diag-cause-onboarding = Das Kennwortrückschreiben wird in Entra Connect eingeschaltet (Ereignis 31004).
diag-fix-onboarding = Nichts zu tun; 31005 folgt, sobald es bereit ist.
diag-cause-offboarding = Das Kennwortrückschreiben wird in Entra Connect ausgeschaltet oder wurde ausgeschaltet (Ereignisse 31012, 31013).
diag-fix-offboarding = Nichts zu tun, wenn das gewollt war; sonst wieder einschalten (writeback-wizard sync enable).
diag-cause-reset-refused = Die Anforderung erreichte das Active Directory, aber das Setzen des Kennworts schlug fehl (Ereignisse 31003, 31008, 31011): die Kennwortregeln der Domäne, das Zurücksetzungsrecht des Connector-Kontos oder ein geschütztes Konto.
diag-fix-reset-refused = Verwenden Sie ein Kennwort, das die Regeln der Domäne erfüllt, prüfen Sie mit Verify (Schritt 1) das Recht des Connectors auf den Benutzer und testen Sie nicht mit geschützten Konten (adminCount=1).
diag-cause-onboarding-failed = Das Ein- oder Ausschalten des Rückschreibens schlug fehl (Ereignisse 31014, 32011, 32013): Administratorrechte, ein Verbundadministrator oder blockierter ausgehender Verkehr.
diag-fix-onboarding-failed = Erlauben Sie ausgehend TCP 443 (und 9350–9354) zum Service Bus und führen Sie die Einrichtung erneut mit einem nicht verbundenen Administrator (nur Cloud oder mit Kennwortsynchronisierung) aus.
diag-cause-service-stopped = Der Rückschreibdienst oder einer seiner Relay-Endpunkte läuft nicht (Ereignisse 31016, 31044, 6800): Anforderungen aus der Cloud schlagen so lange fehl.
diag-fix-service-stopped = Starten Sie den Dienst ADSync auf dem Connect-Server neu; bleibt er aus, schalten Sie das Rückschreiben aus und wieder ein.
diag-cause-service-error = Ein unbekannter Fehler bei einem Kennwortvorgang (Ereignis 32000); der Text des Ereignisses enthält die Ausnahme.
diag-fix-service-error = Lesen Sie die Ausnahme im Ereignis und schalten Sie das Rückschreiben aus und wieder ein; für den Support das Ereignisprotokoll und die Tracking-ID angeben.
diag-cause-invalid-input = Die an den Webdienst für Kennwortzurücksetzung gesendeten Eingaben waren ungültig (Ereignis 32003).
diag-fix-invalid-input = Versuchen Sie den Vorgang erneut.
diag-cause-reconfigure = Schlüssel oder Konfiguration des Rückschreibens auf dem Connect-Server sind beschädigt (Ereignisse 32004, 32005, 32007, 32008, 32010).
diag-fix-reconfigure = Schalten Sie das Kennwortrückschreiben in Entra Connect aus und wieder ein (writeback-wizard sync disable, dann sync enable); dabei werden Schlüssel und Konfiguration neu geschrieben.
diag-cause-service-bus-retries = Die Verbindung zum Service Bus brauchte Wiederholungen (Ereignis 32014); harmlos, solange es nicht ständig vorkommt.
diag-fix-service-bus-retries = Wenn es oft vorkommt, prüfen Sie den Netzwerkweg zum Service Bus (Latenz, Bandbreite, Proxy).
diag-cause-user-not-found = Der Benutzer wurde lokal oder in der Synchronisierungs-Engine nicht gefunden (Ereignis 33002, „Object could not be found“): lokal gelöscht, außerhalb des Synchronisierungsbereichs oder ein Synchronisierungsproblem.
diag-fix-user-not-found = Prüfen Sie, ob der Benutzer noch im AD existiert und im Synchronisierungsbereich dieses Entra Connect liegt; sehen Sie sich die letzten Synchronisierungsläufe an.
diag-cause-duplicate-anchor = Mehrere lokale Benutzer teilen sich einen Anker, oder der Benutzer hat aktivierte Konten in mehreren Gesamtstrukturen (Ereignis 33003, hr=80230402, „Multiple matches found“).
diag-fix-duplicate-anchor = Lassen Sie pro Benutzer nur ein aktiviertes Konto über alle Gesamtstrukturen und verwenden Sie ein Ankerattribut, das für jeden Benutzer eindeutig ist.
diag-cause-account-disabled = Das Konto des Benutzers ist im Active Directory deaktiviert (Ereignis 33005).
diag-fix-account-disabled = Aktivieren Sie das Konto im Active Directory und versuchen Sie es erneut.
diag-cause-account-locked = Das Konto des Benutzers ist im Active Directory gesperrt (Ereignis 33006).
diag-fix-account-locked = Entsperren Sie das Konto im Active Directory und versuchen Sie es erneut.
diag-cause-wrong-current-password = Bei einer Kennwortänderung wurde ein falsches aktuelles Kennwort angegeben (Ereignis 33007).
diag-fix-wrong-current-password = Versuchen Sie es mit dem richtigen aktuellen Kennwort erneut.
diag-cause-ad-configuration = Ein Problem in der Konfiguration des Active Directory verhinderte das Schreiben des Kennworts (Ereignis 33009).
diag-fix-ad-configuration = Lesen Sie die ADSync-Ereignisse des Anwendungsprotokolls um diese Zeit für den genauen Fehler.
diag-event-pilot-test = zu dieser Zeit lief der Pilottest von { $user }
diag-error-from = { $path } konnte nicht als exportiertes Ereignisprotokoll gelesen werden: { $reason }
prove-password-version = die Replikationsversion des Kennworts im AD ging von { $before } auf { $after } (Metadaten von unicodePwd: das beweist auch Wiederholungen, wenn pwdLastSet 0 bleibt)
prove-must-change = der Benutzer muss dieses Kennwort bei der nächsten Anmeldung ändern (pwdLastSet ist 0, wie es eine Zurücksetzung durch einen Admin über Graph verlangt)
prove-allow-privileged = Diesen privilegierten Benutzer trotzdem testen (die Gründe stehen oben; laut Microsoft wird eine solche Zurücksetzung nicht zurückgeschrieben)
diag-open-exported = Exportiertes Protokoll öffnen…
help-arg-allow-privileged = Einen privilegierten Benutzer trotzdem testen (Verzeichnisrollen, adminCount=1, eine geschützte Gruppe, das Bind-Konto): laut Microsoft werden solche Zurücksetzungen nicht zurückgeschrieben
help-arg-from = Ein exportiertes Protokoll statt des Servers lesen: das JSON des Einzeilers unten oder eine .evtx-Datei (--remote und --since gelten dann nicht)
help-after-diagnose = Um ohne Verbindung zu diagnostizieren, exportieren Sie das Protokoll auf dem Connect-Server mit

  { $command }

und führen Sie dann überall `writeback-wizard diagnose --from writeback-events.json` aus. Eine .evtx-Datei (Ereignisanzeige: Alle Ereignisse speichern unter…) wird genauso gelesen.


## Issue 25: every domain controller
dcs-title = Alle Domänencontroller
dcs-explain = Repliziert: Die Berechtigungen des Ziels auf diesem DC stammen aus dem Schreibvorgang des Assistenten (oder einem späteren) und enthalten die Berechtigung. Weitergegeben: Stichprobenbenutzer dort tragen die geerbten Einträge. Der Connector setzt Kennwörter über einen DC zurück, daher braucht jeder beides.
dcs-heading = Domänencontroller ({ $count })
dcs-row = { $name } ({ $host }, Standort { $site }): repliziert { $replicated }, weitergegeben { $propagated }
dcs-unreachable = { $name } ({ $host }, Standort { $site }): nicht erreichbar — { $reason }
dcs-first-behind = zuerst zurück: { $dn }
dcs-held-yes = ja
dcs-held-behind = noch nicht
dcs-held-differs = abweichend
dcs-held-unknown = unbekannt
dcs-reachable-yes = ja
dcs-reachable-no = nein
dcs-written-to = hier hat der Assistent geschrieben
dcs-connect-uses = hier schreibt der Connect-Server
dcs-read-only = schreibgeschützt: nimmt nie ein Kennwort an
dcs-connect-preferred = Der Connect-Server schreibt über seine bevorzugten Domänencontroller: { $dcs }
dcs-connect-locator = Der Connect-Server hat keine bevorzugten Domänencontroller: Sein DC wird vom DC-Locator gewählt (meist einer seines eigenen Standorts).
dcs-connect-unknown = Der Connect-Server wurde nicht gelesen: Über welchen DC er schreibt, ist unbekannt.
dcs-all-current = Jeder Domänencontroller hat die Änderung.
dcs-behind = Noch nicht auf: { $dcs }
dcs-wait-timed-out = Die Wartezeit ist um; noch zurück: { $dcs }
dcs-wait-cancelled = Warten beendet; noch zurück: { $dcs }
dcs-reading = Lese { $host } ({ $index } von { $total })…
dcs-wait-progress = { $current } von { $total } Domänencontrollern haben die Änderung — { $waited } von { $limit } gewartet
dcs-pull-confirm = { $dc } jetzt bitten, { $count ->
        [one] { $count } Objekt
       *[other] { $count } Objekte
    } von { $source } zu replizieren?
dcs-pull-done = { $dc } wurde gebeten, die Änderung jetzt von { $source } zu replizieren.
dcs-pull-refused = { $dc } lehnt die Replikation auf Anfrage ab ({ $reason }). Führen Sie stattdessen auf einem Domänencontroller aus:
dcs-action-replicate = jetzt replizieren
dcs-column-dc = Domänencontroller
dcs-column-site = Standort
dcs-column-replicated = Repliziert
dcs-column-propagated = Weitergegeben
dcs-column-reachable = Erreichbar
dcs-check = Alle Domänencontroller prüfen
dcs-wait = Warten, bis jeder DC sie hat
dcs-wait-limit = Höchstens warten (Minuten)
dcs-cancel = Abbrechen
dcs-pull = Jetzt holen
dcs-pull-yes = Ja, jetzt replizieren
dcs-pull-no = Nicht jetzt
help-arg-verify-all-dcs = Auch jeden Domänencontroller der betroffenen Domänen lesen: welche die Änderung schon haben (repliziert, weitergegeben) und über welchen der Connect-Server schreibt
help-arg-verify-wait = Warten, bis jeder Domänencontroller die Änderung hat, alle 5 s neu lesen, höchstens MINUTES Minuten (Standard 60); schließt --all-dcs ein
help-arg-verify-pull = Diesen Domänencontroller (DNS-Name) bitten, die Änderung jetzt von dem zu replizieren, auf den der Assistent geschrieben hat; fragt vorher, im Prüfprotokoll vermerkt; schließt --all-dcs ein


## Issue 26: the window reads well (plurals, command-line hints, SDDL, keyboard)
# Appended to a message by the command line only: the option that does it.
cli-with-option = { $text } (Option { $options })
cli-blocked-ou = --target "{ $dn }"  ({ $users } Benutzer)
permissions-subtitle-targets = Das Connector-Konto erhält die Rechte, die das Kennwortrückschreiben braucht, auf untergeordneten Benutzerobjekten { $count ->
        [one] von { $targets }
       *[other] dieser Objekte: { $targets }
    }.
button-copy-sddl = SDDL kopieren
copied-sddl = SDDL kopiert

## Issue 23: the window asks before a plaintext bind
targets-plaintext = Kennwort unverschlüsselt senden (LDAP im Klartext, für jeden im Netzwerk lesbar): das Profil verlangt es, ankreuzen, um es für diesen Lauf zu erlauben

## Issue 22: Graph client on Targets
targets-graph-client = Graph-Client für den Pilottest (Anwendungs-ID)
targets-graph-client-hint = leer: Microsoft Graph Command Line Tools

## Issue 22: Cloud Sync on the portal page
portal-cloud-sync = Kennwörter mit Microsoft Entra Connect-Cloudsynchronisierung zurückschreiben
portal-state-unknown = unbekannt
portal-setting-cloud-sync = „Kennwörter mit Cloudsynchronisierung zurückschreiben“ wird aktiviert…
portal-cloud-sync-unreported = Die API des Portals meldet die Einstellung für die Cloudsynchronisierung nicht: Bitte von Hand setzen.
portal-cloud-sync-refused = Die API des Portals hat die Einstellung für die Cloudsynchronisierung nicht aktiviert: Bitte von Hand setzen.
portal-cloud-sync-steps = Schutz > Kennwortzurücksetzung > Lokale Integration: „Write back passwords with Microsoft Entra Connect cloud sync“ aktivieren, dann Speichern.
help-arg-portal-cloud-sync = Cloud Sync gewählt (oder [connect] cloud_sync des Profils): auch „Kennwörter mit Cloudsynchronisierung zurückschreiben“

## Issue 24A: settings
help-arg-demo = Den Befehl in der integrierten Demo-Organisation ausführen (nichts Echtes wird gelesen oder geändert)
help-arg-graph-client-id = Öffentliche Client-ID (Anwendungs-ID) für Microsoft Graph (der Pilottest); Standard: die des Profils, sonst Microsoft Graph Command Line Tools
help-arg-redirect-uri = Die Umleitungs-URI der Browser-Anmeldung ohne Port, für eine eigene App des Mandanten; Standard: die des Profils, sonst http://localhost

## Issue 24D: runbook
runbook-run-window = Durchlauf { $id }: das Fenster des Assistenten, ab { $time }
runbook-run-cli = Durchlauf { $id }: writeback-wizard { $command }, ab { $time }
runbook-read-back = { $plane }: { $change } auf { $target }, nach dem Schreiben zurückgelesen
runbook-read-failed = { $plane }: konnte nicht gelesen werden ({ $reason })
runbook-no-run = Das Überwachungsprotokoll { $path } enthält noch keinen Durchlauf: Zuerst einen Befehl (grant, sync, portal, verify, test-writeback) oder den Assistenten ausführen, oder mit --demo das Runbook eines Demodurchlaufs schreiben
runbook-no-such-run = Das Überwachungsprotokoll { $path } enthält keinen Durchlauf { $id } (die Durchlauf-ID jedes Eintrags zeigt: writeback-wizard log --json)
help-arg-runbook-run = Der zu schreibende Durchlauf (seine ID, wie in log --json) statt des neuesten
