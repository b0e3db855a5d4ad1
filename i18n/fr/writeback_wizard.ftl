# writeback-wizard — français (traduction du fichier de référence anglais ; mêmes identifiants)

## Descripteurs de sécurité : lignes d'ACE en langage clair

ace-allow = { $rights } — { $scope } — { $trustee }
ace-deny = Refuser : { $rights } — { $scope } — { $trustee }
ace-audit = Audit : { $rights } — { $scope } — { $trustee }
ace-unknown = Une entrée d'un type que cet outil ne lit pas (conservée telle quelle)
ace-inherited = { $line } (héritée)

trustee-unknown = (compte inconnu)
trustee-everyone = Tout le monde
trustee-authenticated-users = Utilisateurs authentifiés
trustee-local-system = Système
trustee-self = SELF
trustee-creator-owner = CREATEUR PROPRIETAIRE
trustee-enterprise-dcs = Contrôleurs de domaine d'entreprise
trustee-administrators = Administrateurs
trustee-pre-windows-2000 = Accès compatible pré-Windows 2000
trustee-windows-authorization-access = Groupe d'accès d'autorisation Windows
trustee-domain-admins = Admins du domaine
trustee-enterprise-admins = Administrateurs de l'entreprise
trustee-domain-controllers = Contrôleurs de domaine

name-reset-password = Réinitialiser le mot de passe
name-change-password = Modifier le mot de passe
name-unexpire-password = Ne pas faire expirer le mot de passe
name-lockout-time = lockoutTime
name-pwd-last-set = pwdLastSet
name-user = utilisateur
name-inet-org-person = inetOrgPerson
name-computer = ordinateur
name-group = groupe
name-organizational-unit = unité d'organisation
name-replicating-directory-changes = Réplication des changements de répertoire
name-replicating-directory-changes-all = Réplication de toutes les modifications de l'annuaire
name-user-account-restrictions = restrictions de compte
name-user-logon = informations d'ouverture de session
name-membership = appartenance au groupe
name-general-information = informations générales
name-personal-information = informations personnelles
name-public-information = informations publiques
name-user-account-control = userAccountControl

right-full-control = Contrôle total
right-all-extended = Tous les droits étendus
right-write-property = Écrire { $name }
right-read-property = Lire { $name }
right-create-child = Créer des objets { $name }
right-create-child-any = Créer tous les objets enfants
right-delete-child = Supprimer des objets { $name }
right-delete-child-any = Supprimer tous les objets enfants
right-validated-write = Écriture validée pour { $name }
right-validated-write-any = Toutes les écritures validées
right-write-all-properties = Écrire toutes les propriétés
right-read-all-properties = Lire toutes les propriétés
right-list-contents = Lister le contenu
right-list-object = Lister l'objet
right-read-permissions = Autorisations de lecture
right-modify-permissions = Modifier les autorisations
right-modify-owner = Modifier le propriétaire
right-delete = Supprimer
right-delete-subtree = Supprimer la sous-arborescence
right-generic-read = Lecture générique
right-generic-write = Écriture générique
right-generic-execute = Exécution générique
right-other = Autorisations spéciales { $mask }

scope-this-object = sur cet objet uniquement
scope-this-and-descendants = sur cet objet et tous les objets descendants
scope-descendants = sur tous les objets descendants
scope-descendants-of-class = sur les objets { $class } descendants
scope-this-and-children = sur cet objet et ses enfants directs
scope-children = sur les enfants directs uniquement

## Descripteurs de sécurité : erreurs

sd-error-at-byte = { $what } (à l'octet { $offset })
sd-error-truncated = les données s'arrêtent au milieu de « { $part } » ; la valeur a-t-elle été tronquée lors de la copie ?
sd-error-revision = la révision { $revision } du descripteur de sécurité n'est pas 1 ; il ne s'agit pas d'un descripteur de sécurité
sd-error-not-self-relative = le descripteur de sécurité n'est pas au format auto-relatif (indicateur de contrôle 0x8000 absent)
sd-error-sid-revision = un SID a la révision { $revision } au lieu de 1
sd-error-sid-too-long = un SID annonce { $count } sous-autorités (15 au maximum)
sd-error-acl-revision = une ACL a la révision { $revision } (2 ou 4 attendu)
sd-error-acl-size = une ACL déclare { $size } octets, moins que son en-tête de 8 octets
sd-error-ace-size = une ACE déclare { $size } octets (au moins 4 et un multiple de 4)
sd-error-offset = le décalage { $offset } pointe en dehors des données
sd-error-trailing = octets inattendus après la fin
sd-error-base64 = ce n'est pas du base64 valide ; collez la valeur exactement telle que LDAP l'a renvoyée
sddl-error-at-char = { $what } (au caractère { $position })
sddl-error-section = une section « O: », « G: », « D: » ou « S: » était attendue, mais « { $found } » a été trouvé
sddl-error-duplicate-section = la section « { $section }: » apparaît deux fois
sddl-error-sid = « { $token } » n'est ni un SID (S-1-…) ni un alias connu de deux lettres
sddl-error-needs-domain = l'alias « { $alias } » désigne un groupe du domaine ; indiquez le SID du domaine ou écrivez le SID complet
sddl-error-ace-type = type d'ACE inconnu « { $token } » (utilisez A, D, OA, OD, AU, OU, AL ou OL)
sddl-error-ace-flag = indicateur d'ACE inconnu « { $token } » (utilisez OI, CI, NP, IO, ID, SA ou FA)
sddl-error-rights = droit inconnu « { $token } » (utilisez des droits de deux lettres comme CR, WP, RP ou un masque hexadécimal comme 0x100)
sddl-error-guid = « { $token } » n'est pas un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)
sddl-error-guid-on-basic = le type d'ACE « { $token } » n'accepte pas de GUID d'objet ; utilisez OA ou OD pour les ACE d'objet
sddl-error-ace-fields = une ACE nécessite exactement 6 champs séparés par « ; »
sddl-error-unclosed = une ACE n'est pas fermée par « ) »
sddl-error-acl-flag = indicateur d'ACL inconnu « { $token } » (utilisez P, AI, AR ou NO_ACCESS_CONTROL)
sddl-error-empty = le texte SDDL est vide
sddl-error-unrepresentable = l'entrée { $index } de la { $acl } (type d'ACE { $ace_type }) n'a pas de forme SDDL ; utilisez plutôt la valeur base64

## Ligne de commande

cli-error = erreur : { $message }
cli-error-domain-sid = « { $value } » n'est pas un SID de domaine (S-1-5-21-…)
cli-error-stdin = impossible de lire l'entrée standard : { $reason }
cli-error-encode-too-large = le descripteur de sécurité est trop volumineux pour sa forme binaire (plus de 65 535 octets ou entrées)
gui-error = impossible d'ouvrir la fenêtre de l'assistant : { $reason }
explain-owner = Propriétaire : { $trustee }
explain-group = Groupe : { $trustee }
explain-dacl = Autorisations ({ $count ->
        [one] { $count } entrée
       *[other] { $count } entrées
    }) :
explain-dacl-protected = Autorisations ({ $count ->
        [one] { $count } entrée
       *[other] { $count } entrées
    }, non héritées du parent) :
explain-null-dacl = Autorisations : aucune définie (une DACL NULL donne le contrôle total à tout le monde)
explain-sacl = Audit ({ $count ->
        [one] { $count } entrée
       *[other] { $count } entrées
    }) :

## Étape 1 : erreurs d'annuaire

dir-error-unreachable = impossible de joindre { $url } ({ $reason }) ; vérifiez l'adresse et le port, et assurez-vous que le contrôleur de domaine est en service et n'est pas bloqué par un pare-feu
dir-error-untrusted = le certificat de { $url } n'est pas signé par une autorité de certification approuvée ({ $reason }) ; indiquez le fichier du certificat de l'autorité qui l'a émis
dir-error-hostname = le certificat de { $url } n'a pas été délivré pour ce nom ({ $reason }) ; connectez-vous avec le nom figurant dans le certificat (généralement le nom DNS du contrôleur de domaine)
dir-error-tls = la connexion TLS à { $url } a échoué ({ $reason })
dir-error-credentials = le contrôleur de domaine a refusé l'ouverture de session : vérifiez le nom du compte (UPN, DN ou DOMAIN\user) et le mot de passe
dir-error-rights = le compte connecté n'est pas autorisé à effectuer cette opération sur { $dn } ; connectez-vous en tant que membre des Admins du domaine ou avec un compte autorisé à modifier les autorisations de cet objet
dir-error-no-such-object = { $dn } n'existe pas ; vérifiez le DN
dir-error-timeout = le contrôleur de domaine n'a pas répondu dans un délai de { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    } ; vérifiez le réseau ou augmentez le délai d'attente
dir-error-connection-lost = la connexion au contrôleur de domaine a été perdue ({ $reason }) ; rien d'autre n'a été modifié, relancez la commande
dir-error-ldap = le contrôleur de domaine a répondu par l'erreur LDAP { $code } sur { $dn } : { $text }
dir-error-config = paramètre de connexion non valide : { $text }
task-error-account-not-found = aucun compte nommé « { $name } » n'a été trouvé ; vérifiez le nom du compte de connecteur (sAMAccountName, UPN, DN ou DOMAIN\name)
task-error-account-ambiguous = « { $name } » correspond à plusieurs comptes ({ $candidates }) ; indiquez plutôt le sAMAccountName, l'UPN ou le DN
task-error-bad-data = { $dn } : { $what }
task-error-read-back = { $dn } : les autorisations relues après l'écriture ne sont pas celles qui ont été écrites ; exécutez les commandes check et verify, puis annulez avec rollback si nécessaire
task-error-backup = impossible d'utiliser la sauvegarde { $path } ({ $reason })
task-error-never-applied = l'attribution d'autorisations enregistrée dans { $path } n'a jamais atteint l'annuaire (son écriture a échoué), il n'y a donc rien à annuler ; choisissez une attribution antérieure
task-error-no-backup = aucune sauvegarde d'attribution d'autorisations n'a été trouvée dans { $dir } ; il n'y a rien à annuler

## Étape 1 : résultats des vérifications préalables

outcome-ok = ok
outcome-warning = avertissement
outcome-blocking = bloquant
check-connection-tls = connecté à { $server } en TLS (certificat vérifié)
check-connection-plain = connecté à { $server } SANS chiffrement : les mots de passe circulent en clair sur le réseau
check-dacl-writable = le compte connecté peut modifier les autorisations de { $dn }
check-dacl-not-writable = le compte connecté ne peut PAS modifier les autorisations de { $dn } ; connectez-vous en tant que membre des Admins du domaine (ou avec un compte disposant de l'autorisation « Modifier les autorisations » sur cet objet)
check-connector-found = compte de connecteur { $dn } trouvé et activé
check-connector-disabled = le compte de connecteur { $dn } est désactivé ; activez-le (sinon Entra Connect ne peut pas réécrire les mots de passe avec ce compte)
check-min-pwd-age-ok = la durée de vie minimale du mot de passe est de 0, comme l'exige la réécriture des mots de passe
check-min-pwd-age = la durée de vie minimale du mot de passe est de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } ; la réécriture d'un mot de passe tout juste réinitialisé est refusée tant que ce délai n'est pas écoulé (définissez-la sur 0 dans la Default Domain Policy)
check-policy-hints-ok = le contrôleur de domaine prend en charge le contrôle des indications de stratégie de mot de passe
check-policy-hints-missing = le contrôleur de domaine n'annonce pas le contrôle des indications de stratégie de mot de passe (Windows Server 2016 ou version ultérieure requis) ; la réécriture des mots de passe peut échouer avec l'événement 6329
check-inetorgperson-covered = { $count ->
        [one] { $count } objet inetOrgPerson dans l'étendue, couvert
       *[other] { $count } objets inetOrgPerson dans l'étendue, couverts
    } par les variantes inetOrgPerson
check-inetorgperson-uncovered = { $count ->
        [one] { $count } objet inetOrgPerson dans l'étendue ne recevra
       *[other] { $count } objets inetOrgPerson dans l'étendue ne recevront
    } pas l'autorisation ; incluez les objets inetOrgPerson dans l'attribution
check-grant-complete = { $dn } dispose déjà de toutes les autorisations de réécriture des mots de passe
check-grant-partial = { $dn } ne dispose que d'une partie des autorisations de réécriture des mots de passe ; la commande grant les complète
check-grant-none = { $dn } ne dispose pas encore des autorisations de réécriture des mots de passe
check-adminsdholder = { $dn } est une cible : les mots de passe des comptes d'administration protégés pourront être réinitialisés depuis le cloud

## Étape 1 : ligne de commande

cli-error-profile = impossible de lire le profil { $path } : { $reason }
cli-error-missing = { $option } est obligatoire (ou définissez-le dans le profil)
cli-error-plaintext = ldap:// sans TLS enverrait le mot de passe en clair ; utilisez ldaps:// ou --starttls, ou autorisez-le explicitement avec --insecure-plaintext
cli-warning-plaintext = avertissement : connexion SANS chiffrement (--insecure-plaintext) ; le mot de passe circule en clair sur le réseau
cli-error-no-password = aucun mot de passe : définissez { $var } ou exécutez la commande dans un terminal pour qu'il vous soit demandé
cli-password-prompt = Mot de passe du compte de connexion :
cli-error-confirm-needs-yes = exécution hors d'un terminal : ajoutez --yes pour confirmer la modification
cli-cancelled = annulé ; rien n'a été modifié
cli-blocked = bloqué par les résultats des vérifications préalables ; corrigez-les puis relancez la commande :
cli-confirm-grant = Écrire les nouvelles autorisations sur { $count ->
        [one] { $count } objet
       *[other] { $count } objets
    } ?
cli-confirm-rollback = Annuler l'attribution des autorisations sur { $count ->
        [one] { $count } objet
       *[other] { $count } objets
    } ?
cli-confirm-hint = [o/N]
cli-granted = { $dn } : { $count ->
        [one] { $count } entrée d'autorisation ajoutée
       *[other] { $count } entrées d'autorisation ajoutées
    } ; sauvegarde enregistrée dans { $backup }
cli-already-granted = { $dn } : autorisations déjà attribuées, rien à faire
cli-plan-target = { $dn } : { $count ->
        [one] { $count } entrée d'autorisation
       *[other] { $count } entrées d'autorisation
    } à ajouter :
cli-plan-before = avant : { $sddl }
cli-plan-after = après : { $sddl }
cli-dry-run = simulation : rien n'a été écrit
cli-verify-summary = { $carrying ->
        [one] { $carrying } utilisateur
       *[other] { $carrying } utilisateurs
    } sur { $total } { $carrying ->
        [one] dispose
       *[other] disposent
    } de l'autorisation
cli-rolled-back = { $dn } : attribution annulée ({ $count ->
        [one] { $count } entrée supprimée
       *[other] { $count } entrées supprimées
    })
progress-users = { $carrying ->
        [one] { $carrying } utilisateur
       *[other] { $carrying } utilisateurs
    } sur { $done } { $done ->
        [one] analysé
       *[other] analysés
    } jusqu'ici { $carrying ->
        [one] dispose
       *[other] disposent
    } de l'autorisation

## Assistant : fenêtre principale

step-welcome = Bienvenue
step-targets = Cibles et connexion
step-preflight = Vérifications préalables
step-permissions = Autorisations AD
step-connect = Entra Connect
step-portal = Portail Entra
step-verify = Vérification
step-summary = Résumé
demo-badge = Démo
demo-note = Organisation de démonstration : un annuaire, un serveur Connect et un locataire intégrés. Rien n'est modifié en dehors de cette fenêtre.
theme-toggle = Clair / sombre
button-back = Précédent
button-next = Suivant
button-start = Démarrer
button-cancel = Annuler
state-on = activé
state-off = désactivé

## Assistant : bienvenue

welcome-title = Activer la réécriture des mots de passe
welcome-subtitle = Les mots de passe que les utilisateurs réinitialisent dans le cloud sont réécrits dans l'Active Directory local.
welcome-changes = Ce que cet assistant modifie
welcome-change-ad = Active Directory : le compte de connecteur peut réinitialiser les mots de passe, déverrouiller les comptes et mettre à jour les dates de mot de passe des objets utilisateur.
welcome-change-connect = Entra Connect : la fonctionnalité facultative « Réécriture du mot de passe » est activée.
welcome-change-portal = Centre d'administration Entra : « Enable password write back for synced users » et « Allow users to unlock accounts without resetting their password ».
welcome-safety = Chaque étape vérifie d'abord, montre ce qu'elle va modifier, enregistre une sauvegarde, relit ce qu'elle a écrit et peut être annulée.
welcome-requirements = Prérequis
welcome-req-roles = Un membre des Admins du domaine (ou un compte autorisé à modifier les autorisations de la racine du domaine) et un Administrateur général ou Administrateur d'identités hybrides dans Entra ID
welcome-req-license = Microsoft Entra ID P1 ou P2 (ou une offre groupée qui l'inclut)
welcome-req-connect = Entra Connect 2.x ou version ultérieure, avec un compte de connecteur AD DS
welcome-environment = Environnement
welcome-demo = L'organisation de démonstration intégrée (contoso.com) : vous pouvez tout parcourir sans risque, rien de réel n'est modifié.
welcome-profile = L'organisation décrite par { $profile }
welcome-language = Langue

## Assistant : cibles

targets-title = Cibles et connexion
targets-subtitle = Quel contrôleur de domaine, quels comptes, quel serveur Connect et quel locataire.
targets-directory = Active Directory
targets-server = Contrôleur de domaine
targets-ca-file = Certificat de l'autorité de certification (PEM)
targets-ca-file-hint = vide : racines de confiance du système
targets-browse = Parcourir…
targets-bind-user = Se connecter en tant que (UPN, DN ou DOMAIN\user)
targets-password = Mot de passe
targets-password-hint = jamais enregistré
targets-connector = Compte de connecteur AD DS
targets-find = Rechercher
targets-finding = Recherche…
targets-find-hint = « Rechercher » vérifie que le compte existe, qu'il est unique et qu'il est activé.
targets-found = { $dn } ({ $sid })
targets-cloud = Entra Connect et locataire
targets-sync-host = Serveur Entra Connect
targets-sync-host-hint = vide : cet ordinateur
targets-tenant = Locataire

## Assistant : vérifications préalables

preflight-title = Vérifications préalables
preflight-subtitle = Rien n'est encore modifié. Seuls les résultats bloquants vous empêchent de continuer.
preflight-idle = Les vérifications lisent l'annuaire et analysent les utilisateurs.
preflight-run = Lancer les vérifications
preflight-rerun = Relancer
preflight-running = Vérification de l'annuaire et analyse des utilisateurs…

## Assistant : autorisations

permissions-title = Autorisations Active Directory
permissions-subtitle = Le compte de connecteur reçoit les droits nécessaires à la réécriture des mots de passe, sur les objets utilisateur descendants de la racine du domaine.
permissions-planning = Lecture des autorisations actuelles…
permissions-applying = Sauvegarde, écriture, relecture…
permissions-undoing = Suppression des entrées ajoutées par cet assistant…
permissions-will-add = { $count ->
        [one] { $count } entrée sera ajoutée :
       *[other] { $count } entrées seront ajoutées :
    }
permissions-sddl-added = Les mêmes entrées en SDDL :
permissions-applied-line = { $count ->
        [one] { $count } entrée ajoutée et relue
       *[other] { $count } entrées ajoutées et relues
    }
permissions-result = Résultat
permissions-read-back = { $dn } : écrit et relu
permissions-backup = Sauvegarde : { $path }
permissions-propagation = Sur les contrôleurs de domaine Windows, la modification peut mettre jusqu'à une heure pour atteindre tous les utilisateurs.
permissions-undone = Annulé
permissions-apply = Appliquer
permissions-undo = Annuler

## Assistant : Connect

connect-title = Entra Connect
connect-subtitle = La fonctionnalité facultative « Réécriture du mot de passe » sur le serveur Connect.
connect-reading = Lecture du serveur Connect…
connect-switching = Changement de la réécriture des mots de passe…
connect-reading-back = Relecture…
connect-on = La réécriture des mots de passe est activée
connect-off = La réécriture des mots de passe est désactivée
connect-version = Version { $version }
connect-connector = Connecteur Entra ID : { $connector }
connect-ad-account = Compte de connecteur AD DS : { $account }
connect-enable = Activer la réécriture
connect-retry = Vérifier à nouveau
connect-undo = Désactiver
connect-manual = À faire sur le serveur Connect
connect-manual-steps = Ouvrez l'assistant Entra Connect > Configurer > Personnaliser les options de synchronisation > Fonctionnalités facultatives > cochez « Réécriture du mot de passe » > Suivant > Configurer.
connect-manual-script = Ou dans PowerShell, avec élévation de privilèges : Set-ADSyncAADPasswordResetConfiguration -Connector "<Entra ID connector>" -Enable $true
sync-error = échec sur le serveur Connect : { $reason }

## Assistant : portail

portal-title = Centre d'administration Entra
portal-subtitle = Réinitialisation du mot de passe > Intégration locale.
portal-undocumented = Ces paramètres sont modifiés via l'API propre au portail, non documentée ; en cas de refus, l'assistant affiche les étapes manuelles.
portal-reading = Lecture des paramètres du locataire…
portal-setting-writeback = Activation de « réécrire les mots de passe »…
portal-setting-unlock = Activation de « déverrouiller sans réinitialiser »…
portal-reading-back = Relecture…
portal-writeback = Réécrire les mots de passe en local
portal-unlock = Déverrouiller les comptes sans réinitialiser le mot de passe
portal-toggle = { $setting } : { $current } → { $desired }
portal-apply = Appliquer
portal-undo = Désactiver
portal-manual = À faire dans le centre d'administration Entra
portal-manual-steps = Protection > Réinitialisation du mot de passe > Intégration locale : cochez « Enable password write back for synced users » et « Allow users to unlock accounts without resetting their password », puis Enregistrer.

## Assistant : vérification

verify-title = Vérification
verify-subtitle = Tout est relu, dans l'état actuel.
verify-run = Vérifier à nouveau
verify-running = Lecture de chaque niveau et analyse des utilisateurs…
verify-planes = Les trois niveaux
verify-portal-on = Portail : réécriture et déverrouillage activés
verify-portal-off = Portail : réécriture ou déverrouillage désactivé
verify-not-carrying = Utilisateurs sans l'autorisation
verify-everyone = Tous les utilisateurs disposent de l'autorisation.

## Assistant : résumé

summary-title = Résumé
summary-subtitle = Ce que cette exécution a modifié, et comment l'annuler.
summary-changed = Modifications
summary-no-permissions = Aucune autorisation n'a été écrite.
summary-permissions = { $dn } : { $count ->
        [one] { $count } entrée d'autorisation ajoutée
       *[other] { $count } entrées d'autorisation ajoutées
    }
summary-connect-on = Entra Connect : réécriture des mots de passe activée
summary-connect-unchanged = Entra Connect : non modifié par cette exécution
summary-portal-on = Portail : réécriture et déverrouillage activés
summary-portal-unchanged = Portail : non modifié par cette exécution
summary-backups = Sauvegardes
summary-no-backups = Aucune sauvegarde n'a été nécessaire.
summary-remember = À retenir
summary-propagation = Sur les contrôleurs de domaine Windows, les autorisations peuvent mettre jusqu'à une heure pour atteindre tous les utilisateurs.
summary-policy = Les mots de passe doivent toujours respecter la stratégie de mot de passe locale ; définissez la durée de vie minimale du mot de passe sur 0.
summary-undo-all = Tout annuler

## Étape 2 : Entra Connect

sync-error-no-powershell = impossible de démarrer PowerShell ({ $exe } : { $reason }) ; exécutez l'assistant sur le serveur Connect, installez PowerShell ou indiquez son chemin avec WRITEBACK_WIZARD_POWERSHELL
sync-error-module = le module ADSync n'est pas installé ({ $detail }) ; exécutez l'outil sur le serveur Entra Connect ou indiquez le nom de ce serveur pour l'atteindre à distance
sync-error-access = accès refusé ({ $detail }) ; exécutez l'outil en tant qu'administrateur du serveur Connect (avec élévation de privilèges) et, pour un serveur distant, en tant que membre de son groupe local Administrateurs
sync-error-no-connector = aucun connecteur Entra ID n'a été trouvé sur le serveur Connect ; terminez d'abord la configuration d'Entra Connect
sync-error-several = plusieurs connecteurs Entra ID ont été trouvés ({ $names }) ; activez plutôt la réécriture des mots de passe dans l'assistant Entra Connect
sync-error-remote = la session PowerShell à distance a échoué ({ $detail }) ; vérifiez le nom d'hôte, que WinRM y est activé et vos droits sur cet hôte
sync-error-garbage = PowerShell a renvoyé une réponse inattendue ({ $detail }) ; relancez la commande et vérifiez PowerShell sur le serveur Connect
sync-error-timeout = PowerShell n'a pas répondu dans un délai de { $seconds ->
        [one] { $seconds } seconde
       *[other] { $seconds } secondes
    } et a été arrêté (l'assistant n'a rien modifié d'autre)
sync-error-read-back = l'état de la réécriture relu ne correspond pas à celui qui a été défini ; consultez les fonctionnalités facultatives dans l'assistant Entra Connect
sync-check-version = Entra Connect { $version } (2.x ou version ultérieure)
sync-check-version-old = Entra Connect { $version } n'est plus pris en charge ; effectuez d'abord la mise à niveau vers la version 2.x ou ultérieure
sync-check-service = le service ADSync est en cours d'exécution
sync-check-service-stopped = le service ADSync n'est pas en cours d'exécution ; démarrez-le (la réécriture des mots de passe en a besoin)
sync-check-endpoint = { $host } répond sur le port 443 depuis le serveur Connect
sync-check-endpoint-blocked = { $host } ne répond pas sur le port 443 depuis le serveur Connect ; la réécriture des mots de passe nécessite des connexions sortantes vers cet hôte sur le port 443 (pare-feu ou proxy)
cli-sync-state = { $host } : connecteur « { $connector } », réécriture des mots de passe : { $state }

## Sign-in and the portal API (step 3)
tenant-error-config = { $detail } ; corrigez le réglage (le locataire ou l'identifiant client dans le profil, ou les variables WRITEBACK_WIZARD_*_URL)
tenant-error-network = impossible de joindre Entra ID ({ $detail }) ; vérifiez le réseau, le proxy et le pare-feu de cette machine
tenant-error-timeout = Entra ID n'a pas répondu à temps ; réessayez et vérifiez le réseau de cette machine
tenant-error-not-signed-in = vous n'êtes pas connecté au locataire ; connectez-vous d'abord sur la page « Cibles et connexion »
tenant-error-sign-in = la connexion a échoué ({ $code } : { $detail }) ; vérifiez le nom du locataire et le compte, puis reconnectez-vous
tenant-error-consent = l'application cliente doit recevoir un consentement dans ce locataire ; demandez-le à un administrateur général, ou choisissez un autre identifiant client (client_id dans le profil)
tenant-error-tenant = le locataire { $tenant } est introuvable ; utilisez son domaine principal (contoso.onmicrosoft.com) ou son identifiant de locataire
tenant-error-no-browser = aucun navigateur n'a pu être ouvert pour la connexion ; utilisez « Se connecter avec un code »
tenant-error-declined = la connexion a été refusée dans le navigateur ; reconnectez-vous et acceptez
tenant-error-expired = la connexion a expiré ; reconnectez-vous
tenant-error-state = la réponse ne correspondait pas à cette connexion (state différent) et a été rejetée ; reconnectez-vous
tenant-error-forbidden = le portail a refusé la modification (403) : votre compte n'a pas de rôle autorisé à modifier les paramètres de réinitialisation du mot de passe ; connectez-vous en tant qu'administrateur général, ou faites la modification à la main
tenant-error-api = l'API du portail a répondu de façon inattendue ({ $detail }) ; elle n'est pas documentée et a pu changer : faites la modification à la main dans le centre d'administration
tenant-error-throttled = le service a continué à demander de ralentir (429/503) malgré plusieurs tentatives ; attendez quelques minutes et réessayez
tenant-error-server = le service a échoué (HTTP { $status }) ; réessayez plus tard, ou faites la modification à la main
tenant-error-read-back = les paramètres relus ne sont pas ceux définis ; consultez la page Intégration locale du centre d'administration
portal-check-licence = Une licence Entra ID P1 ou P2 est présente
portal-check-licence-missing = Aucune licence Entra ID P1 ou P2 trouvée : la réécriture des mots de passe en exige une (sans elle, la page Réinitialisation du mot de passe reste masquée)
portal-check-sync = La synchronisation d'annuaire est active (dernière exécution { $last })
portal-check-sync-off = La synchronisation d'annuaire n'est pas active pour ce locataire : la réécriture n'atteint que les utilisateurs synchronisés
portal-check-role = Vos rôles permettent de modifier les paramètres de réinitialisation du mot de passe ({ $roles })
portal-check-role-missing = Vos rôles ({ $roles }) ne font pas partie de ceux cités pour ces paramètres ; un administrateur général peut toujours le faire
signin-page-done = Connecté. Vous pouvez fermer cet onglet et revenir à writeback-wizard.
signin-page-failed = La connexion n'a pas abouti. writeback-wizard en affiche la raison.
cli-portal-browser = Connectez-vous dans la fenêtre du navigateur qui s'est ouverte. Si aucune ne s'est ouverte, allez à : { $url }
cli-portal-device-code = Pour vous connecter, ouvrez { $url } sur n'importe quel appareil et saisissez le code { $code }. En attente…
cli-portal-signed-in = Connecté en tant que { $user }.
cli-portal-tenant = Locataire : { $tenant }
cli-portal-setting = { $setting } : { $state }
cli-portal-graph-failed = les vérifications du locataire n'ont pas pu être lues dans Microsoft Graph : { $reason }
targets-sign-in = Se connecter au locataire
targets-sign-in-code = Se connecter avec un code
targets-sign-in-hint = Facultatif : une fois connecté, l'assistant vérifie le locataire et modifie lui-même les paramètres du portail ; sinon, l'étape du portail indique les clics à faire à la main.
targets-signing-in = En attente de la connexion dans votre navigateur…
targets-browser-fallback = Si aucune fenêtre de navigateur ne s'est ouverte, ouvrez vous-même la page de connexion.
targets-open-link = Ouvrir la page de connexion
targets-device-code = Sur n'importe quel appareil, ouvrez { $url } et saisissez ce code :
targets-signed-in = Connecté en tant que { $user } ({ $tenant })
targets-sign-out = Se déconnecter
targets-read-connector = Lire depuis Connect
targets-read-connector-none = Le serveur Connect n'a indiqué aucun compte de connecteur AD DS ; saisissez-le.
portal-not-signed-in = Vous n'êtes pas connecté au locataire (page « Cibles et connexion ») : l'assistant ne peut pas modifier ces paramètres lui-même.
portal-open = Ouvrir le centre d'administration
portal-recheck = Vérifier à nouveau
preflight-tenant = Locataire Entra ID
preflight-tenant-failed = Les vérifications du locataire n'ont pas pu être lues : { $reason }
preflight-tenant-skipped = Non connecté au locataire : licence, synchronisation et rôles n'ont pas été vérifiés (connectez-vous sur la page « Cibles et connexion »).
preflight-directory = Active Directory
verify-portal-unread = Portail : non connecté, les paramètres n'ont donc pas été lus ; vérifiez-les dans le centre d'administration

## Cloud Sync

cloudsync-error-agent = le module PowerShell de l'agent d'approvisionnement Cloud Sync n'est pas installé ({ $detail }) ; lancez ceci sur le serveur de l'agent d'approvisionnement (1.1.977.0 ou ultérieur), ou indiquez le nom de ce serveur pour l'atteindre à distance
cloudsync-error-sign-in = le locataire a refusé la connexion ({ $detail }) ; vérifiez le nom d'utilisateur et le mot de passe de l'administrateur du locataire : il doit être administrateur d'identité hybride ou administrateur général du locataire
cloudsync-check-version = agent d'approvisionnement { $version } (1.1.977.0 ou ultérieur)
cloudsync-check-version-old = l'agent d'approvisionnement { $version } est trop ancien pour la réécriture des mots de passe ; mettez-le d'abord à jour vers 1.1.977.0 ou ultérieur
cloudsync-check-version-unknown = la version de l'agent d'approvisionnement n'a pas pu être lue ; elle doit être 1.1.977.0 ou ultérieure
cloudsync-check-service = le service de l'agent d'approvisionnement fonctionne
cloudsync-check-service-stopped = le service de l'agent d'approvisionnement (AADConnectProvisioningAgent) ne fonctionne pas ; démarrez-le (la réécriture en a besoin)
cloudsync-check-not-readable = le réglage de réécriture de Cloud Sync ne peut pas être lu (Microsoft ne fournit aucune cmdlet pour cela) ; la page « Intégration locale » du portail l'affiche
cloudsync-not-readable = illisible
cli-cloudsync-state = { $host } : agent d'approvisionnement Cloud Sync { $version }, réécriture des mots de passe { $state }
cli-cloudsync-set = { $host } : réécriture des mots de passe Cloud Sync réglée : { $state } (réglage accepté par l'agent ; elle ne peut pas être relue, vérifiez-la sur la page « Intégration locale » du portail)
cli-cloudsync-set-confirmed = { $host } : réécriture des mots de passe Cloud Sync { $state } (relue)
cli-tenant-password-prompt = Mot de passe de { $user } :
cli-error-no-tenant-password = aucun mot de passe pour l'administrateur du locataire : définissez { $var } ou lancez dans un terminal
cli-error-tenant-admin-needs-cloud-sync = --tenant-admin ne s'utilise qu'avec --cloud-sync (Entra Connect n'a pas besoin de connexion au locataire)

## Runbook and audit log

audit-error = impossible d'écrire le journal d'audit ({ $reason }) ; rien n'a été modifié. Vérifiez que le répertoire de données est accessible en écriture, ou définissez WRITEBACK_WIZARD_DATA_DIR
audit-read-error = impossible de lire le journal d'audit ({ $reason })
log-change = Modification
log-empty = Aucune modification enregistrée pour l'instant ({ $path }).
log-skipped = { $path }, ligne { $line } : ignorée, enregistrement incomplet ({ $reason })
runbook-title = Runbook : réécriture des mots de passe
runbook-meta = Organisation : { $environment } · rédigé le { $time }
runbook-demo-note = Ce runbook décrit une exécution sur l'organisation de démonstration intégrée ; rien de réel n'a été modifié.
runbook-env-demo = l'organisation de démonstration intégrée (contoso.com)
runbook-contents = Sommaire
runbook-purpose = Objectif
runbook-purpose-text = Activer la réinitialisation de mot de passe en libre-service de Microsoft Entra ID avec réécriture des mots de passe, afin qu'un mot de passe réinitialisé dans le cloud soit réécrit dans l'Active Directory local. Trois plans sont modifiés :
runbook-prerequisites = Prérequis
runbook-steps = Étapes
runbook-changes = Modifications exactes
runbook-verification = Résultats de la vérification
runbook-undo = Comment annuler
runbook-screenshot = Capture d'écran : { $step }
runbook-no-screenshot = Aucune capture d'écran n'a été prise pour cette étape.
runbook-no-changes = Cette exécution n'a rien modifié.
runbook-not-verified = La vérification n'a pas été lancée.
runbook-time = Heure
runbook-operator = Opérateur
runbook-target = Cible
runbook-result = Résultat
runbook-backup = Sauvegarde
runbook-sddl-diff = Entrées modifiées (SDDL)
runbook-sddl-before = Descripteur de sécurité avant (SDDL)
runbook-sddl-after = Descripteur de sécurité après, relu (SDDL)
runbook-plane-ad = Autorisations AD
runbook-plane-connect = Entra Connect
runbook-plane-portal = Portail Entra
runbook-action-grant = autorisations accordées
runbook-action-rollback = autorisations retirées
runbook-action-enable = activé
runbook-action-disable = désactivé
runbook-result-ok = fait et relu
runbook-result-failed = échec : { $reason }
runbook-setting-password-writeback = Réécriture des mots de passe
runbook-value-unknown = inconnu
runbook-aces-added = { $count ->
        [one] { $count } entrée ajoutée
       *[other] { $count } entrées ajoutées
    }
runbook-aces-removed = { $count ->
        [one] { $count } entrée retirée
       *[other] { $count } entrées retirées
    }
runbook-undo-summary = Dans l'assistant, tant qu'il est ouvert : Résumé > Tout annuler annule chaque modification de cette exécution et relit chaque plan.
runbook-undo-ad = Retirer les autorisations ajoutées sur { $dn } (restaure le descripteur de sécurité sauvegardé s'il n'a pas changé depuis, sinon retire exactement les entrées ajoutées) ; ajoutez les options de connexion utilisées pour l'octroi (--server, --bind-user ou --profile) :
runbook-undo-connect = Désactiver de nouveau la réécriture des mots de passe sur le serveur Entra Connect { $host } :
runbook-undo-portal = Désactiver de nouveau les deux options du portail pour le locataire { $tenant } (le déverrouillage d'abord, puis la réécriture) ; ou, dans le centre d'administration Entra, Protection > Réinitialisation du mot de passe > Intégration locale : décochez « Enable password write back for synced users » et « Allow users to unlock accounts without resetting their password », puis Enregistrer ({ $link }) :
runbook-undo-nothing = Rien à annuler : cette exécution n'a rien modifié.
runbook-capture = Prendre une capture d'écran de chaque page pour le runbook
runbook-export = Exporter le runbook…
runbook-export-hint = Enregistrer cette exécution comme runbook : chaque étape avec sa capture d'écran, les modifications exactes, la vérification et comment annuler (HTML, ou Markdown avec des PNG).
runbook-exported = Runbook enregistré : { $path }
runbook-export-failed = impossible d'écrire le runbook { $path } ({ $reason })
targets-cloud-sync = Agent d'approvisionnement Cloud Sync au lieu d'Entra Connect
targets-tenant-admin = Administrateur du locataire (pour Cloud Sync)
runbook-setting-cloud-sync = Réécriture des mots de passe (Cloud Sync)
runbook-setting-read-back = Relu

## Accès effectif (issue 13) : ce que le connecteur peut réellement faire sur chaque utilisateur
verify-why = Pour que la réécriture des mots de passe fonctionne pour un utilisateur, le compte de connecteur doit disposer des quatre droits sur cet utilisateur. Chaque groupe indique pourquoi ils lui manquent et comment y remédier.
summary-unreached = { $count ->
        [one] { $count } utilisateur est
       *[other] { $count } utilisateurs sont
    } hors de portée du connecteur (un refus, l'héritage désactivé, un compte protégé…) : la réécriture des mots de passe échoue pour { $count ->
        [one] lui
       *[other] eux
    }. L'étape Vérification { $count ->
        [one] l'indique
       *[other] les liste
    } avec la correction à apporter.
check-reach-all = Le connecteur disposera de tous les droits de réécriture sur { $scanned ->
        [one] l'utilisateur
       *[other] les { $scanned } utilisateurs
    } de l'étendue
check-reach-some = { $count ->
        [one] { $count } utilisateur
       *[other] { $count } utilisateurs
    } sur { $scanned } { $count ->
        [one] sera
       *[other] seront
    } hors de portée du connecteur ; la réécriture des mots de passe échoue pour eux
check-blocked-ous = { $count ->
        [one] { $count } unité d'organisation ou conteneur de l'étendue a
       *[other] { $count } unités d'organisation ou conteneurs de l'étendue ont
    } l'héritage désactivé : l'attribution n'atteint pas les utilisateurs situés en dessous. { $count ->
        [one] Ajoutez-le comme cible :
       *[other] Ajoutez chacun d'eux comme cible :
    }
check-blocked-ou = { $dn } ({ $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    })
check-pso-min-age = { $count ->
        [one] { $count } utilisateur relève
       *[other] { $count } utilisateurs relèvent
    } d'une stratégie de mot de passe affinée dont la durée de vie minimale du mot de passe est supérieure à 0 : une réinitialisation depuis le cloud juste après un changement est refusée. Définissez la durée de vie minimale de cette stratégie sur 0.
check-unexpire-ok = Le connecteur dispose (ou disposera après l'attribution) de « Ne pas faire expirer le mot de passe » sur { $dn }
check-unexpire-missing = Il manque au connecteur « Ne pas faire expirer le mot de passe » sur { $dn } : après une réinitialisation, « L'utilisateur doit changer le mot de passe à la prochaine ouverture de session » peut rester coché. Accordez-le sur la racine du domaine.
connector-not-a-user = Le compte de connecteur n'est pas un compte d'utilisateur (sAMAccountType 805306368), mais { $kind } : indiquez le compte de connecteur AD DS qu'utilise Entra Connect
account-kind-computer = un ordinateur
account-kind-gmsa = un compte de service administré de groupe (convient à l'agent Cloud Sync)
account-kind-other = un objet d'un autre type
connector-locked-out = Le compte de connecteur est verrouillé : la réécriture échoue tant qu'il n'est pas déverrouillé
connector-password-expired = Le mot de passe du compte de connecteur a expiré : définissez-en un nouveau dans AD et dans Entra Connect
connector-account-expired = Le compte de connecteur a expiré : prolongez-le dans Active Directory
connector-privileged = Le compte de connecteur est privilégié ({ $groups }) : Entra Connect 1.4 et versions ultérieures refusent les comptes d'administration ; utilisez un compte dédié, non privilégié
connector-protected-users = Le compte de connecteur est membre de Protected Users : les connexions NTLM lui sont refusées ; retirez-le de ce groupe
reason-cannot-change-password = « L'utilisateur ne peut pas changer de mot de passe » est coché pour l'utilisateur
reason-explicit-deny = un refus explicite sur l'utilisateur lui retire le droit
reason-inherited-deny-from = un refus hérité de { $ou } lui retire le droit
reason-inherited-deny = un refus hérité d'un niveau supérieur lui retire le droit
reason-inheritance-disabled = l'héritage est désactivé sur l'utilisateur
reason-blocked-above = l'héritage est désactivé sur { $ou }, au-dessus de l'utilisateur
reason-admin-count = compte protégé (adminCount=1) : AdminSDHolder régit ses autorisations, et SDProp les réécrit en moins d'une heure sur un contrôleur de domaine Windows
reason-class-not-covered = classe inetOrgPerson, alors que l'attribution ne couvre que les objets utilisateur
reason-not-propagated = l'autorisation n'a pas encore atteint l'utilisateur
reason-unknown = ses autorisations n'ont pas pu être lues
fix-cannot-change-password = Décochez « L'utilisateur ne peut pas changer de mot de passe » sur le compte (onglet Compte) si l'utilisateur doit pouvoir réinitialiser son mot de passe depuis le cloud.
fix-explicit-deny = Supprimez l'entrée de refus des autorisations de l'utilisateur.
fix-inherited-deny = Supprimez l'entrée de refus de cette unité d'organisation, ou déplacez les utilisateurs hors de celle-ci.
fix-inheritance-disabled = Activez l'héritage sur l'utilisateur (Sécurité > Avancé > Activer l'héritage).
fix-blocked-above = Ajoutez { $ou } comme cible, ou activez-y l'héritage.
fix-admin-count = Les comptes d'administration sont exclus de la réécriture à dessein ; pour les inclure, accordez les autorisations sur AdminSDHolder (avec avertissement), ou effacez adminCount pour les comptes qui ne font plus partie d'aucun groupe d'administration.
fix-class-not-covered = Accordez les autorisations avec l'option inetOrgPerson.
fix-not-propagated = Patientez : sous Windows, une modification atteint tous les utilisateurs en moins d'une heure. Vérifiez à nouveau plus tard.
fix-unknown = Vérifiez que le compte connecté peut lire les autorisations de l'utilisateur.
right-reset-password = Réinitialiser le mot de passe
right-change-password = Modifier le mot de passe
right-write-lockout-time = Écrire lockoutTime
right-write-pwd-last-set = Écrire pwdLastSet
blocked-user = { $name } ({ $dn }) — droits manquants : { $rights }
reach-group = { $count } × { $reason }. { $fix }
reach-more = … et { $count } de plus
verify-target-ungranted = { $target } n'a pas reçu l'attribution : { $count ->
        [one] son utilisateur recevra
       *[other] ses { $count } utilisateurs recevront
    } les autorisations une fois celle-ci faite (accordez d'abord les autorisations)
task-error-null-dacl = { $dn } n'a aucune DACL (une NULL DACL donne le contrôle total à tout le monde). Rien n'a été modifié. Donnez-lui d'abord une DACL correcte (Sécurité > Avancé), puis relancez l'attribution.
task-error-acl-too-large = { $dn } : avec l'attribution, sa DACL ferait { $bytes } octets, plus qu'une ACL ne peut en contenir (65 535). Rien n'a été modifié. Supprimez-en d'abord les entrées inutilisées.
task-error-kept-changing = { $dn } : ses autorisations n'ont cessé de changer pendant l'écriture de l'attribution, rien n'a donc été écrasé. Réessayez quand personne d'autre ne les modifie.
task-error-backup-refused = La sauvegarde { $path } a été refusée : { $why }. Rien n'a été modifié.
task-error-partial-rollback = L'annulation s'est arrêtée sur { $failed } : { $reason }. Déjà annulé : { $undone }.
task-error-partial-none = rien
backup-other-server = elle a été faite sur { $backup }, et non sur { $connected } (connectez-vous à ce serveur, ou choisissez la bonne sauvegarde)
backup-other-domain = elle appartient à { $backup }, et non à { $connected }
backup-inconsistent = son descripteur d'avant l'attribution ne correspond pas au descripteur écrit moins les entrées ajoutées (le fichier a été modifié ou est endommagé)
backup-outside-domain = elle désigne { $dn }, qui se trouve hors du domaine connecté
runbook-result-pending = sur le point d'être écrit (aucun résultat enregistré : l'exécution s'est arrêtée en pleine écriture ; sa sauvegarde permet de l'annuler)
cli-rollback-target = { $dn } (sauvegarde { $backup }) — entrées à supprimer :
preflight-add-target = Ajouter { $dn } comme cible
## Diagnostics (issue 18)
diagnostics-log-failed = impossible d'écrire le journal de diagnostic dans { $path } ({ $reason }) ; l'assistant continue sans lui
diagnostics-title = Diagnostic
diagnostics-log-at = Journal : { $path }
diagnostics-log-off = Le journal de diagnostic n'est pas écrit : { $reason }
diagnostics-hint = Pour un ticket de support : le zip contient les fichiers journaux, le journal d'audit, les noms des sauvegardes (pas leur contenu), la version de l'application, le système et les paramètres — aucun mot de passe, jeton ni code.
diagnostics-open-folder = Ouvrir le dossier
diagnostics-open-failed = impossible d'ouvrir le dossier { $path } ({ $reason })
diagnostics-save = Enregistrer le diagnostic…
diagnostics-saved = Diagnostic enregistré : { $path }
diagnostics-save-failed = impossible d'écrire le diagnostic { $path } ({ $reason })
diagnostics-subtitle = Ce dont le support a besoin pour examiner un problème : où se trouve le journal, et un zip à joindre au ticket.
diagnostics-close = Retour à l'assistant

## issue 16: settings and pages
targets-starttls = Utiliser StartTLS (une adresse ldap:// passe en TLS)
targets-grant = Ce qui est accordé
targets-grant-hint = Les objets sur lesquels les autorisations sont posées ; les utilisateurs en dessous les héritent. Sans objet listé, la racine du domaine.
targets-root = La racine du domaine (aucun objet listé)
targets-remove = Retirer
targets-add = Ajouter
targets-forest = Tous les domaines de la forêt
targets-inetorgperson = Aussi les utilisateurs de classe inetOrgPerson
targets-adminsdholder = Aussi AdminSDHolder (comptes protégés)
targets-adminsdholder-warning = Les mots de passe des administrateurs deviennent réinitialisables depuis le cloud. Microsoft le déconseille.
verify-connect-skipped = Le serveur Connect n’a pas été lu.
busy-writing = La modification est envoyée et ne peut plus être rappelée ; la relecture suit.
dir-error-plaintext = ldap:// sans TLS enverrait le mot de passe en clair ; utilisez ldaps:// ou StartTLS, ou autorisez-le explicitement
cli-verify-skipped = { $plane } : non lu (indiquez { $option })

## issue 16: the command line's help
help-usage = Utilisation :
help-commands = Commandes
help-options = Options
help-cmd-writeback-wizard = Active de bout en bout la réécriture des mots de passe de Microsoft Entra ID : autorisations AD, Entra Connect, portail. Sans commande, la fenêtre de l’assistant s’ouvre.
help-cmd-help = Afficher cette aide ou celle de la commande indiquée
help-cmd-sd = Décoder et encoder des descripteurs de sécurité (base64 ⇄ SDDL)
help-cmd-sd-decode = Afficher le SDDL d’un descripteur de sécurité auto-relatif en base64
help-cmd-sd-encode = Afficher la forme base64 auto-relative d’une chaîne SDDL
help-cmd-screenshots = Enregistrer chaque page d’un parcours de démonstration en PNG (sans écran)
help-cmd-runbook = Écrire le runbook de l’exécution la plus récente du journal d’audit (une commande ou une fenêtre) : les modifications, sauvegardes, la vérification, le test pilote, l’annulation et les captures de la fenêtre (sans écran)
help-cmd-diagnostics = Écrire un zip pour un ticket de support : journal de diagnostic, journal d’audit, noms des sauvegardes, version, système et paramètres (aucun secret)
help-cmd-log = Afficher le journal d’audit : chaque modification appliquée, sur chaque plan
help-cmd-sync = Étape 2 : la réécriture des mots de passe sur le serveur Entra Connect
help-cmd-sync-status = Afficher l’état de la réécriture sur le serveur Connect et ses vérifications préalables (avec --cloud-sync : celles de l’agent d’approvisionnement)
help-cmd-sync-enable = Activer la réécriture des mots de passe, puis la relire (le réglage de Cloud Sync ne peut pas être relu ; signalé comme appliqué)
help-cmd-sync-disable = Désactiver la réécriture des mots de passe (annulation), puis la relire si possible
help-cmd-portal = Étape 3 : l’intégration locale du portail (connexion à Entra ID)
help-cmd-portal-status = Afficher les réglages de l’intégration locale et les vérifications du locataire
help-cmd-portal-enable = Activer « réécrire les mots de passe » et « déverrouiller sans réinitialiser », puis relire
help-cmd-portal-disable = Désactiver les deux (annulation), puis relire
help-cmd-check = Étape 1, vérification préalable : connexion, comptes, droits, utilisateurs protégés
help-cmd-grant = Étape 1 : accorder les autorisations de réécriture (sauvegarde, écriture, relecture)
help-cmd-verify = Relire les trois plans : quels utilisateurs le connecteur peut réinitialiser (--server), la réécriture dans Connect (--remote), le portail (--tenant)
help-cmd-rollback = Étape 1 : annuler l’octroi le plus récent (ou celui de --backup)
help-arg-help = Afficher l’aide
help-arg-version = Afficher la version
help-arg-lang = Langue des messages (en, de, fr, es) ; par défaut : celle du système
help-arg-theme = Thème : system (par défaut), light ou dark
help-arg-verbose = Plus de détails dans le journal de diagnostic (DEBUG ; deux fois : TRACE) ; en ligne de commande, les lignes s’affichent aussi sur la sortie d’erreur
help-arg-writeback-wizard-profile = L’organisation que décrit ce profil (TOML) : la fenêtre s’ouvre sur elle au lieu de la démonstration intégrée, et une commande en prend les réglages (les options données l’emportent) ; avant ou après la commande
help-arg-profile = Profil (TOML) avec les mêmes réglages ; les options données ici l’emportent
help-arg-diagnostics-profile = Profil (TOML) dont les réglages vont dans le zip
help-arg-base64 = La valeur base64 ; lue sur l’entrée standard si absente
help-arg-explain = Afficher une ligne en clair par entrée au lieu du SDDL
help-arg-sd-decode-domain-sid = SID du domaine, pour écrire les groupes du domaine en alias (DA, DU, …)
help-arg-sd-encode-domain-sid = SID du domaine, pour développer les alias du domaine (DA, DU, …)
help-arg-sddl = Le texte SDDL ; lu sur l’entrée standard si absent
help-arg-screenshots-out = Dossier pour NN-<page>.png
help-arg-runbook-out = Dossier pour runbook.html (ou runbook.md et runbook-images/)
help-arg-diagnostics-out = Le zip à écrire
help-arg-format = html (un fichier autonome, par défaut) ou md (Markdown et PNG)
help-arg-json = Afficher un document JSON
help-arg-log-json = Afficher les enregistrements en lignes JSON
help-arg-remote = Le serveur Connect, par la communication à distance PowerShell (par défaut : cette machine)
help-arg-verify-remote = Le serveur Entra Connect à lire (communication à distance PowerShell ; localhost pour cette machine)
help-arg-cloud-sync = Cloud Sync au lieu d’Entra Connect : le serveur exécute l’agent d’approvisionnement, et enable/disable se connectent au locataire
help-arg-tenant-admin = Avec --cloud-sync : l’administrateur du locataire (UPN) pour la connexion. Le mot de passe vient de WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD ou d’une invite
help-arg-timeout = Secondes accordées à chaque opération (par défaut : 30 pour l’annuaire, 120 pour chaque appel PowerShell)
help-arg-sync-timeout = Secondes accordées à chaque appel PowerShell (par défaut : 120)
help-arg-tenant = Locataire : son domaine (contoso.onmicrosoft.com) ou son ID ; par défaut : celui du profil, sinon tout compte professionnel (« organizations »)
help-arg-verify-tenant = Le locataire dont les réglages du portail sont lus (domaine ou ID) ; connexion dans le navigateur ou avec --device-code
help-arg-client-id = ID client public (application) pour la connexion ; par défaut : celui du profil, sinon celui d’Azure CLI
help-arg-device-code = Se connecter avec un code saisi sur n’importe quel appareil au lieu du navigateur
help-arg-server = Contrôleur de domaine : ldaps://HÔTE[:PORT] (ou ldap:// avec --starttls)
help-arg-starttls = Passer ldap:// en TLS avec StartTLS
help-arg-ca-file = Fichier PEM de l’autorité qui a signé le certificat du DC
help-arg-insecure-plaintext = Autoriser ldap:// sans TLS (le mot de passe traverse le réseau en clair)
help-arg-bind-user = Compte de connexion : UPN, DN ou DOMAINE\utilisateur. Le mot de passe vient de WRITEBACK_WIZARD_BIND_PASSWORD ou d’une invite
help-arg-connector-account = Le compte de connecteur AD DS (celui qu’utilise Entra Connect)
help-arg-targets = Objet sur lequel accorder (répétable) ; par défaut : la racine du domaine
help-arg-forest = Tous les domaines de la forêt
help-arg-include-adminsdholder = Aussi AdminSDHolder (rend les comptes administrateurs réinitialisables depuis le cloud)
help-arg-inetorgperson = Accorder aussi pour les objets inetOrgPerson
help-arg-dry-run = Afficher le plan et la différence SDDL ; ne rien écrire
help-arg-yes = Ne pas demander de confirmation
help-arg-backup = Un fichier de sauvegarde écrit par grant
## issue 15: pilot test and diagnosis
tenant-error-not-found = { $what } est introuvable dans le locataire ; vérifiez le nom (son nom d'utilisateur principal) et réessayez
tenant-error-too-large = la réponse dépassait { $mib } Mio et a été refusée sans être lue ; le point de terminaison ne se comporte pas comme Entra ID (vérifiez WRITEBACK_WIZARD_*_URL et un éventuel proxy)
tenant-error-tenant-mismatch = la connexion a abouti dans le locataire { $got }, et non dans { $expected } configuré ; connectez-vous avec un compte du locataire configuré (ou corrigez le locataire dans les réglages)
tenant-error-foreign-link = le service a répondu avec un lien hors de { $base } ; il n'a pas été suivi (vérifiez WRITEBACK_WIZARD_*_URL et un éventuel proxy)
runbook-plane-pilot = Test pilote (réinitialisation dans le cloud → Active Directory)
runbook-action-test = test
runbook-setting-pwd-last-set = pwdLastSet dans Active Directory
runbook-setting-pilot-result = résultat
runbook-setting-pilot-cloud = opération dans le cloud
runbook-setting-pilot-user = utilisateur pilote
prove-result-proven = Prouvé : la réinitialisation dans le cloud a atteint Active Directory
prove-result-failed = Échec : le cloud n'a pas pu réécrire le mot de passe
prove-result-unproven = Non prouvé : aucun changement visible dans Active Directory pour l'instant
sync-error-too-large = PowerShell a écrit plus de { $mib } Mio et a été arrêté ; la réponse du serveur Connect n'est pas celle attendue (lancez la commande à la main sur le serveur et examinez sa sortie)
prove-role-authentication-administrator = Administrateur d'authentification
prove-role-privileged-authentication-administrator = Administrateur d'authentification privilégié
prove-error-user-not-found = aucun utilisateur { $user } dans le locataire ; indiquez le nom d'utilisateur principal de l'utilisateur pilote (tel que le centre d'administration l'affiche)
prove-error-not-synced = { $user } est un utilisateur cloud uniquement : la réécriture du mot de passe ne s'applique qu'aux utilisateurs synchronisés depuis Active Directory. Choisissez un utilisateur synchronisé (le centre d'administration affiche « Synchronisation locale activée : Oui »)
prove-error-own-account = { $user } est le compte avec lequel vous êtes connecté : Microsoft Graph ne peut pas réinitialiser son propre mot de passe. Choisissez un autre utilisateur (ordinaire, synchronisé)
prove-error-not-in-directory = { $user } est synchronisé mais introuvable dans Active Directory (essayé : { $tried }) ; vérifiez que l'assistant est connecté au domaine de cet utilisateur
prove-error-role-missing = le locataire a refusé la réinitialisation (403) : votre compte a besoin du rôle { $role } (attribuez-le dans Entra ID > Rôles et administrateurs, puis reconnectez-vous)
prove-error-consent = l'autorisation { $scope } n'a pas été accordée à l'application de connexion ; reconnectez-vous et acceptez-la (un administrateur devra peut-être donner son consentement pour le locataire)
prove-error-cancelled = le test a été annulé avant tout changement
prove-error-cancelled-sent = le test a été annulé après l'envoi de la réinitialisation : le mot de passe de l'utilisateur a probablement changé ; donnez-lui le nouveau mot de passe affiché, ou réinitialisez-le à nouveau dans le centre d'administration
prove-error-status-unknown = la réinitialisation a été envoyée mais son état n'a pas pu être lu ({ $reason }) ; le mot de passe de l'utilisateur a probablement changé : vérifiez l'utilisateur dans le centre d'administration
prove-warning-admin-roles = cet utilisateur détient des rôles d'administrateur ({ $roles }) : le réinitialiser exige l'administrateur d'authentification privilégié, et les comptes d'administrateur sont souvent hors de portée de la réécriture (protégés, adminCount=1). Un pilote devrait être un utilisateur ordinaire
prove-warning-roles-unknown = les rôles d'annuaire de cet utilisateur n'ont pas pu être lus ; assurez-vous qu'il s'agit d'un utilisateur ordinaire et non d'un administrateur
prove-confirm = Réinitialiser maintenant dans le cloud le mot de passe de { $user } ({ $dn }) ? Son mot de passe actuel cessera de fonctionner et l'utilisateur devra changer le nouveau à la prochaine connexion.
prove-status-not-started = non démarrée
prove-status-running = en cours
prove-status-succeeded = réussie
prove-status-failed = échouée
prove-progress-finding-user = Recherche de l'utilisateur dans le locataire…
prove-progress-reading-directory = Lecture de l'utilisateur dans Active Directory…
prove-progress-resetting = Réinitialisation du mot de passe dans le cloud…
prove-progress-cloud = Réinitialisation dans le cloud : { $status } ({ $elapsed } s sur { $limit } s au plus)
prove-progress-waiting-directory = Attente du changement de pwdLastSet dans Active Directory ({ $elapsed } s sur { $limit } s au plus)
prove-proven-detail = pwdLastSet de { $dn } est passé de { $before } à { $after }, après le début de la réinitialisation à { $started } : la réécriture du mot de passe fonctionne de bout en bout.
prove-failed-detail = Le cloud indique : { $detail }
prove-unproven-directory = Le cloud indique que la réinitialisation a réussi, mais pwdLastSet de { $dn } n'a pas changé pendant l'attente. Le contrôleur de domaine lu n'a peut-être pas encore la modification (réplication entre DC : connectez-vous au DC sur lequel écrit le serveur Connect, ou refaites le test dans quelques minutes), ou le serveur Connect ne l'a pas écrite : consultez son journal d'événements (writeback-wizard diagnose, ou Diagnostiquer sur la page Vérifier).
prove-unproven-cloud = La réinitialisation dans le cloud ne s'est pas terminée dans le temps imparti ; examinez l'utilisateur dans le centre d'administration et le journal d'événements du serveur Connect (writeback-wizard diagnose).
prove-new-password = Nouveau mot de passe de { $user } (affiché une seule fois, enregistré nulle part ; l'utilisateur doit le changer à la prochaine connexion) : { $password }
prove-new-password-label = Nouveau mot de passe (affiché une seule fois)
prove-new-password-none = Le cloud n'a pas renvoyé le nouveau mot de passe : définissez-en un pour l'utilisateur dans le centre d'administration.
prove-linked-finding = L'étape 1 a constaté pour { $dn } : { $reason } { $fix }
diag-cause-access-denied = L'accès à l'utilisateur a été refusé au compte du connecteur (événement 33004, hr=80230626) : l'autorisation manque sur cet utilisateur, « L'utilisateur ne peut pas changer de mot de passe » est activé, il est protégé (adminCount=1) ou n'hérite pas, ou l'autorisation ne l'a pas encore atteint.
diag-fix-access-denied = Lancez Vérifier (étape 1) et corrigez le constat de l'utilisateur : accordez l'autorisation sur son UO, décochez « L'utilisateur ne peut pas changer de mot de passe », activez l'héritage ; sous Windows, prévoyez jusqu'à une heure de propagation.
diag-rule-minimum-age = l'âge minimal du mot de passe
diag-rule-history = l'historique des mots de passe
diag-rule-complexity = la complexité ou la longueur
diag-rule-any = une règle ou un filtre de mot de passe
diag-cause-password-policy = Active Directory a refusé le nouveau mot de passe à cause de { $rule } (événement 33008 ou 6329 avec 0x80230619).
diag-fix-password-policy-minimum-age = Réglez l'âge minimal du mot de passe sur 0 jour (stratégie de domaine par défaut, ou la stratégie affinée de l'utilisateur), comme Microsoft l'exige pour la réécriture.
diag-fix-password-policy = Choisissez un mot de passe conforme à la stratégie du domaine, ou alignez la stratégie (historique, complexité, filtres) sur celle du cloud.
diag-cause-policy-hints = Les contrôleurs de domaine ne prennent pas en charge le contrôle d'indications de stratégie de mot de passe (événement 6329) : ils sont antérieurs à Windows Server 2016 ou la mise à jour manque.
diag-fix-policy-hints = Mettez à jour les contrôleurs de domaine vers Windows Server 2016 ou plus récent (ou installez la mise à jour qui ajoute le contrôle).
diag-cause-service-bus = Le serveur Connect n'atteint pas le service de réinitialisation (événement 32002, Service Bus) : le port 443 sortant est bloqué ou passe par un proxy.
diag-fix-service-bus = Autorisez le 443 sortant du serveur Connect vers *.passwordreset.microsoftonline.com et *.servicebus.windows.net (pare-feu, proxy), avec TLS 1.2 et .NET 4.8.
diag-cause-certificates = Il manque au serveur Connect des certificats racine dont le service a besoin (événement 31034).
diag-fix-certificates = Mettez à jour les certificats racine de confiance du serveur Connect (Windows Update), puis redémarrez le service ADSync.
diag-cause-sam-restricted = Une stratégie interdit au compte du connecteur les appels distants à SAM (SSPR_0029).
diag-fix-sam-restricted = Autorisez le compte du connecteur dans la GPO « Accès réseau : restreindre les clients autorisés à effectuer des appels distants vers SAM » sur les contrôleurs de domaine.
diag-cause-wrong-admin-account = La réécriture a été configurée avec un compte administrateur erroné ou fédéré (événement 32009).
diag-fix-wrong-admin-account = Relancez l'assistant Entra Connect avec un administrateur cloud uniquement (identité hybride ou général), puis désactivez et réactivez la réécriture.
diag-cause-forest-added = Une forêt a été ajoutée après l'activation de la réécriture (événement 6329 avec 0x8023061f).
diag-fix-forest-added = Désactivez puis réactivez la réécriture du mot de passe dans Entra Connect (writeback-wizard sync disable, puis sync enable).
diag-cause-reserved-characters = Un nom d'UO contient des caractères réservés (événement 33001).
diag-fix-reserved-characters = Renommez l'UO sans les caractères réservés, ou déplacez-en les utilisateurs.
diag-cause-connector-password-too-long = Le mot de passe du compte du connecteur dépasse 256 caractères (hr=800700CE).
diag-fix-connector-password-too-long = Donnez au compte du connecteur AD DS un mot de passe plus court et mettez-le à jour dans Entra Connect.
diag-cause-writeback-disabled = La réécriture du mot de passe est désactivée (dans Entra Connect ou le portail) : le cloud a changé le mot de passe, Active Directory n'a jamais été sollicité.
diag-fix-writeback-disabled = Activez la réécriture aux étapes 2 et 3 (writeback-wizard sync enable, writeback-wizard portal enable), puis refaites le test.
diag-cause-healthy = La réécriture fonctionne (activée, démarrée, ou une réinitialisation réécrite).
diag-fix-healthy = Rien à faire.
diag-cause-unknown = Un événement que l'assistant ne connaît pas.
diag-fix-unknown = Recherchez son identifiant avec « password writeback », ou ouvrez une demande de support avec le zip de diagnostic.
diag-event = { $time } · { $source } · événement { $id }
diag-unknown-event = Son texte : { $message }
diag-event-user = Utilisateur : { $dn }
sspr-check-nobody = La réinitialisation de mot de passe en libre-service n'est activée pour personne : aucun utilisateur ne peut réinitialiser un mot de passe dans le cloud, la réécriture n'a donc rien à écrire. Correction : centre d'administration Entra > Protection > Réinitialisation du mot de passe > Propriétés > Sélectionné (un groupe) ou Tous.
sspr-check-group = La réinitialisation de mot de passe en libre-service est activée pour le groupe { $group }
sspr-check-everyone = La réinitialisation de mot de passe en libre-service est activée pour tous les utilisateurs
sspr-check-unreadable = impossible de lire qui peut utiliser la réinitialisation en libre-service ({ $reason }) ; vérifiez Réinitialisation du mot de passe > Propriétés dans le centre d'administration
prove-new-password-not-terminal = Le nouveau mot de passe de { $user } n'est affiché que sur un terminal (jamais écrit dans un fichier ou un tube) ; lancez la commande dans un terminal, ou définissez un mot de passe pour l'utilisateur dans le centre d'administration.
cli-diag-error-since = --since { $value } : indiquez une durée comme 30m, 2h ou 1d
diag-header = Journal d'événements de { $host } depuis { $since } : { $count ->
        [one] { $count } entrée
       *[other] { $count } entrées
    } du service de réinitialisation et de la synchronisation
diag-none = Aucune entrée : ni le service de réinitialisation ni la synchronisation n'ont rien journalisé pendant cette période (remontez plus loin, ou vérifiez que la réécriture est activée sur ce serveur).
prove-title = Tester la réécriture avec un utilisateur pilote
prove-intro = Réinitialise dans le cloud le mot de passe d'un utilisateur synchronisé (Microsoft Graph), puis lit son pwdLastSet dans Active Directory : la preuve qu'une réinitialisation dans le cloud atteint AD.
prove-user-label = Utilisateur pilote (nom d'utilisateur principal)
prove-start = Tester la réécriture
prove-reveal = Afficher
prove-hide = Masquer
prove-copy = Copier
prove-copied = Copié
diag-title = Journal d'événements du serveur Connect
diag-start = Diagnostiquer
diag-progress-reading = Lecture du journal d'événements du serveur Connect…
help-cmd-test-writeback = Prouver la réécriture de bout en bout : réinitialiser dans le cloud le mot de passe d’un utilisateur pilote synchronisé, puis lire son pwdLastSet dans AD (code 0 prouvé, 1 échec ou non prouvé, 2 saisie incorrecte, 3 bloqué)
help-cmd-diagnose = Lire le journal d’événements du serveur Connect (service de réinitialisation, erreurs de synchronisation) et expliquer chaque entrée avec sa correction
help-arg-cloud-timeout = Secondes que peut prendre la réinitialisation dans le cloud
help-arg-since = Jusqu’où remonter : 30m, 2h, 1d… (par défaut 24h)
help-arg-user = L’utilisateur pilote (nom d’utilisateur principal) : synchronisé depuis AD, pas vous, pas un administrateur. Son mot de passe est remplacé (un mot de passe aléatoire d’au moins 16 caractères, affiché une fois) et doit être changé à la prochaine connexion
help-arg-wait = Secondes d’attente d’un changement de pwdLastSet une fois que le cloud a réussi
help-arg-test-writeback-client-id = ID client public (application) pour la connexion à Microsoft Graph (pour cette commande : le client de Graph) ; par défaut : --graph-client-id ou graph_client_id du profil, sinon Microsoft Graph Command Line Tools
prove-reset-now = Réinitialiser le mot de passe maintenant
diag-intro = Lit le journal Application du serveur Connect (service de réinitialisation, synchronisation) des dernières 24 heures et explique chaque entrée avec sa correction.
connect-cloudsync-set = { $host } : réécriture des mots de passe Cloud Sync réglée : { $state } (réglage accepté par l'agent ; elle ne peut pas être relue, vérifiez-la sur la page « Intégration locale » du portail)
connect-cloudsync-state = { $host } : agent d'approvisionnement Cloud Sync { $version }, réécriture des mots de passe { $state }
verify-summary = { $carrying ->
        [one] { $carrying } utilisateur
       *[other] { $carrying } utilisateurs
    } sur { $total } { $carrying ->
        [one] dispose
       *[other] disposent
    } de l'autorisation
permissions-already-granted = { $dn } : autorisations déjà attribuées, rien à faire
permissions-rolled-back = { $dn } : attribution annulée ({ $count ->
        [one] { $count } entrée supprimée
       *[other] { $count } entrées supprimées
    })
## issue 14: forests
forest-error-domain = domaine { $domain } via le contrôleur de domaine { $server } : { $reason } (indiquez un autre contrôleur de ce domaine)
forest-error-referral-refused = l'annuaire a renvoyé { $dn } vers { $url }, qui n'est pas un contrôleur de domaine des domaines de cette forêt : renvoi non suivi, rien n'y a été modifié
forest-in-domain = { $text } (domaine { $domain })
cli-forest-error-domain-server = --domain-server { $value } : indiquez le nom DNS du domaine, un signe égal et son DC, par exemple --domain-server east.corp.example=ldaps://dc1.east.corp.example
forest-verify-domain = domaine { $domain } (via { $server }) : { $carrying ->
        [one] { $carrying } utilisateur
       *[other] { $carrying } utilisateurs
    } sur { $total } { $carrying ->
        [one] porte
       *[other] portent
    } l'autorisation, { $blocked } hors de portée
help-arg-domain-servers = Le DC d’un domaine de la forêt, DNS=ldaps://HÔTE[:PORT] (répétable) ; pour les autres domaines, le DC que nomme le DNS, sinon le nom du domaine
targets-domains = Domaines de la forêt
targets-domains-listing = Lecture des domaines de la forêt…
targets-domains-list = Lister les domaines de la forêt
targets-domain-dc = par { $server } ({ $source })
targets-dc-connected = le DC de la connexion
targets-dc-given = indiqué pour ce domaine
targets-dc-srv = nommé par le DNS
targets-dc-dns-root = le nom du domaine ; aucun DC connu
## Issue 23: the token each DC builds, SRV answers, rollback of the grant's own entries
token-without-gc = les groupes du compte du connecteur (tokenGroups) n'ont pas pu être lus ; ils viennent de tokenGroupsNoGCAcceptable, qui peut omettre les groupes universels d'autres domaines : un refus à l'un d'eux passerait inaperçu (connectez-vous avec un compte autorisé à lire tokenGroups)
task-error-token-unreadable = les groupes de { $dn } (tokenGroups) ne peuvent pas être lus, un refus à l'un de ses groupes passerait donc inaperçu : rien n'a été évalué. Connectez-vous avec un compte autorisé à lire tokenGroups du compte du connecteur (Admins du domaine, ou « Lire tokenGroups » délégué)
srv-refused = le DNS désigne { $host } comme contrôleur du domaine { $domain } (enregistrement _ldap._tcp.dc._msdcs.{ $domain }), un hôte hors des noms DNS de cette forêt : refusé, le mot de passe n'y a pas été envoyé. Indiquez le DC du domaine (et le fichier de l'autorité qui a signé son certificat)
targets-dc-srv-refused = le DNS a désigné un hôte hors de la forêt : refusé ; indiquez le DC de ce domaine
backup-not-the-grant = elle retirerait { $entry }, qui n'est pas l'une des entrées qu'écrit l'autorisation de réécriture (A1–A5 pour un seul compte de connecteur) ; une sauvegarde de cet assistant ne le fait jamais : elle ne vient donc pas de lui ou a été modifiée
reason-subclass-not-covered = sa classe est { $class }, une sous-classe de user que l'autorisation ne nomme pas : les entrées héritées pour les objets user ne l'atteignent pas
fix-subclass-not-covered = Accordez vous-même les droits pour les objets { $class } (S'applique à : objets { $class } descendants), ou laissez ces comptes hors de la réécriture.
reason-unknown-above = { $dn } au-dessus de l'utilisateur n'a pas pu être lu, ou n'est ni une UO ni un conteneur : on ne sait pas si l'autorisation atteint l'utilisateur
fix-unknown-above = Connectez-vous avec un compte autorisé à lire les autorisations de { $dn }, et vérifiez que l'héritage y est activé.
check-cannot-change = { $count } utilisateurs ont « L'utilisateur ne peut pas changer de mot de passe » : les réinitialisations depuis le cloud sont réécrites, les changements de mot de passe par l'utilisateur ne le sont pas (retirez l'option s'ils doivent changer leur mot de passe par SSPR)
cli-rollback-foreign = { $backup } n'est pas dans le journal d'audit de cette machine : elle a été faite ailleurs (fichier d'un collègue) ou à la main. Vérifiez auprès de qui l'a faite avant de la restaurer.
cli-confirm-rollback-foreign = Restaurer { $count } sauvegardes que cette machine n'a pas faites ?
cli-rollback-foreign-refused = une sauvegarde inconnue du journal d'audit de cette machine n'est jamais restaurée sans question : lancez rollback dans un terminal et répondez (--yes ne suffit pas)
task-error-foreign-backup = non restaurée : { $backups } n'est pas dans le journal d'audit de cette machine (faite ailleurs, par un collègue ou à la main). Vérifiez auprès de qui l'a faite ; pour la restaurer malgré tout, lancez le rollback de la ligne de commande avec cette sauvegarde dans un terminal, qui pose la question.


## Issue 22: the pilot test and diagnosis follow Microsoft's documented contracts
tenant-error-graph = Microsoft Graph a refusé (HTTP { $status }) : { $code } : { $message }
prove-error-privileged = { $user } n'est pas testé : le compte est privilégié ({ $reasons }). Microsoft indique que ces réinitialisations ne sont pas réécrites ; choisissez un utilisateur synchronisé ordinaire, ou autorisez-le explicitement (« Tester quand même cet utilisateur privilégié »)
prove-error-no-password = aucun mot de passe n'a pu être généré : la source aléatoire du système d'exploitation a échoué
prove-warning-admin-count = adminCount=1 dans Active Directory (protégé par AdminSDHolder) : le compte du connecteur ne peut pas changer son mot de passe
prove-warning-protected-group = membre du groupe protégé { $group } : le compte du connecteur ne peut pas changer son mot de passe
prove-warning-bind-account = c'est le compte avec lequel l'assistant est connecté à Active Directory
prove-status-unknown-future = un statut que cette version ne connaît pas (l'attente continue)
diag-cause-request-received = Une réinitialisation ou un changement de mot de passe est arrivé du cloud (événements 31001, 31006, 31009) : la première étape de toute réécriture.
diag-fix-request-received = Rien à faire ; son résultat suit dans l'événement suivant (31002, 31007, 31010 une fois écrit).
diag-cause-onboarding = La réécriture des mots de passe est en cours d'activation dans Entra Connect (événement 31004).
diag-fix-onboarding = Rien à faire ; 31005 suit quand elle est prête.
diag-cause-offboarding = La réécriture des mots de passe est en cours de désactivation, ou a été désactivée, dans Entra Connect (événements 31012, 31013).
diag-fix-offboarding = Rien à faire si c'était voulu ; sinon réactivez-la (writeback-wizard sync enable).
diag-cause-reset-refused = La demande a atteint Active Directory, mais la définition du mot de passe a échoué (événements 31003, 31008, 31011) : les règles de mot de passe du domaine, le droit de réinitialisation du compte du connecteur, ou un compte protégé.
diag-fix-reset-refused = Utilisez un mot de passe conforme aux règles du domaine, lancez Verify (étape 1) pour le droit du connecteur sur l'utilisateur, et ne testez pas avec des comptes protégés (adminCount=1).
diag-cause-onboarding-failed = L'activation ou la désactivation de la réécriture a échoué (événements 31014, 32011, 32013) : droits d'administrateur, administrateur fédéré ou trafic sortant bloqué.
diag-fix-onboarding-failed = Autorisez le TCP 443 sortant (et 9350–9354) vers Service Bus, puis relancez la configuration avec un administrateur non fédéré (cloud uniquement ou avec synchronisation du hachage).
diag-cause-service-stopped = Le service de réécriture ou l'un de ses points de relais ne tourne pas (événements 31016, 31044, 6800) : les demandes du cloud échouent entre-temps.
diag-fix-service-stopped = Redémarrez le service ADSync sur le serveur Connect ; s'il reste arrêté, désactivez puis réactivez la réécriture.
diag-cause-service-error = Un échec inconnu pendant une opération de mot de passe (événement 32000) ; le texte de l'événement contient l'exception.
diag-fix-service-error = Lisez l'exception dans l'événement, puis désactivez et réactivez la réécriture ; pour le support, fournissez le journal des événements et l'identifiant de suivi.
diag-cause-invalid-input = Les données envoyées au service web de réinitialisation étaient invalides (événement 32003).
diag-fix-invalid-input = Recommencez l'opération.
diag-cause-reconfigure = Les clés ou la configuration de la réécriture sur le serveur Connect sont endommagées (événements 32004, 32005, 32007, 32008, 32010).
diag-fix-reconfigure = Désactivez puis réactivez la réécriture des mots de passe dans Entra Connect (writeback-wizard sync disable, puis sync enable), ce qui réécrit clés et configuration.
diag-cause-service-bus-retries = La connexion à Service Bus a nécessité des nouvelles tentatives (événement 32014) ; sans gravité tant que cela ne se répète pas.
diag-fix-service-bus-retries = Si cela se répète souvent, vérifiez le chemin réseau vers Service Bus (latence, bande passante, proxy).
diag-cause-user-not-found = L'utilisateur est introuvable en local ou dans le moteur de synchronisation (événement 33002, « Object could not be found ») : supprimé en local, hors du périmètre de synchronisation, ou un problème de synchronisation.
diag-fix-user-not-found = Vérifiez que l'utilisateur existe toujours dans AD et fait partie du périmètre de ce Entra Connect ; examinez les dernières synchronisations.
diag-cause-duplicate-anchor = Plusieurs utilisateurs locaux partagent une même ancre, ou l'utilisateur a des comptes activés dans plusieurs forêts (événement 33003, hr=80230402, « Multiple matches found »).
diag-fix-duplicate-anchor = Ne laissez qu'un compte activé par utilisateur dans l'ensemble des forêts et utilisez un attribut d'ancre unique pour chaque utilisateur.
diag-cause-account-disabled = Le compte de l'utilisateur est désactivé dans Active Directory (événement 33005).
diag-fix-account-disabled = Activez le compte dans Active Directory, puis réessayez.
diag-cause-account-locked = Le compte de l'utilisateur est verrouillé dans Active Directory (événement 33006).
diag-fix-account-locked = Déverrouillez le compte dans Active Directory, puis réessayez.
diag-cause-wrong-current-password = Un changement de mot de passe a fourni un mot de passe actuel erroné (événement 33007).
diag-fix-wrong-current-password = Réessayez avec le bon mot de passe actuel.
diag-cause-ad-configuration = Un problème de configuration d'Active Directory a empêché l'écriture du mot de passe (événement 33009).
diag-fix-ad-configuration = Lisez les événements ADSync du journal Application à ce moment-là pour l'erreur précise.
diag-event-pilot-test = le test pilote de { $user } s'est déroulé à ce moment-là
diag-error-from = { $path } n'a pas pu être lu comme journal d'événements exporté : { $reason }
prove-password-version = la version de réplication du mot de passe dans AD est passée de { $before } à { $after } (métadonnées de unicodePwd : cela prouve aussi les nouveaux essais, quand pwdLastSet reste à 0)
prove-must-change = l'utilisateur doit changer ce mot de passe à la prochaine connexion (pwdLastSet vaut 0, comme le demande une réinitialisation par un administrateur via Graph)
prove-allow-privileged = Tester quand même cet utilisateur privilégié (les raisons sont ci-dessus ; Microsoft indique qu'une telle réinitialisation n'est pas réécrite)
diag-open-exported = Ouvrir un journal exporté…
help-arg-allow-privileged = Tester quand même un utilisateur privilégié (rôles d'annuaire, adminCount=1, un groupe protégé, le compte de liaison) : Microsoft indique que ces réinitialisations ne sont pas réécrites
help-arg-from = Lire un journal exporté au lieu du serveur : le JSON de la commande ci-dessous, ou un fichier .evtx (--remote et --since ne servent alors pas)
help-after-diagnose = Pour diagnostiquer hors ligne, exportez le journal sur le serveur Connect avec

  { $command }

puis lancez `writeback-wizard diagnose --from writeback-events.json` n'importe où. Un fichier .evtx (Observateur d'événements : Enregistrer tous les événements sous…) se lit de la même façon.


## Issue 25: every domain controller
dcs-title = Tous les contrôleurs de domaine
dcs-explain = Répliqué : les autorisations de la cible sur ce DC proviennent de l'écriture de l'assistant (ou d'une plus récente) et portent l'autorisation. Propagé : les utilisateurs échantillonnés y portent les entrées héritées. Le connecteur réinitialise les mots de passe via un DC : chacun doit avoir les deux.
dcs-heading = Contrôleurs de domaine ({ $count })
dcs-row = { $name } ({ $host }, site { $site }) : répliqué { $replicated }, propagé { $propagated }
dcs-unreachable = { $name } ({ $host }, site { $site }) : injoignable — { $reason }
dcs-first-behind = premier en retard : { $dn }
dcs-held-yes = oui
dcs-held-behind = pas encore
dcs-held-differs = différent
dcs-held-unknown = inconnu
dcs-reachable-yes = oui
dcs-reachable-no = non
dcs-written-to = l'assistant a écrit ici
dcs-connect-uses = le serveur Connect écrit ici
dcs-read-only = en lecture seule : n'accepte jamais l'écriture d'un mot de passe
dcs-connect-preferred = Le serveur Connect écrit via ses contrôleurs de domaine préférés : { $dcs }
dcs-connect-locator = Le serveur Connect n'a pas de contrôleur de domaine préféré : son DC est choisi par le localisateur de DC (en général un DC de son propre site).
dcs-connect-unknown = Le serveur Connect n'a pas été lu : le DC par lequel il écrit est inconnu.
dcs-all-current = Chaque contrôleur de domaine a la modification.
dcs-behind = Pas encore sur : { $dcs }
dcs-wait-timed-out = Le délai d'attente est écoulé ; encore en retard : { $dcs }
dcs-wait-cancelled = Attente arrêtée ; encore en retard : { $dcs }
dcs-reading = Lecture de { $host } ({ $index } sur { $total })…
dcs-wait-progress = { $current } contrôleurs de domaine sur { $total } ont la modification — attendu { $waited } sur { $limit }
dcs-pull-confirm = Demander maintenant à { $dc } de répliquer { $count ->
        [one] { $count } objet
       *[other] { $count } objets
    } depuis { $source } ?
dcs-pull-done = { $dc } a été invité à répliquer la modification depuis { $source } maintenant.
dcs-pull-refused = { $dc } refuse de répliquer sur demande ({ $reason }). Exécutez plutôt ceci sur un contrôleur de domaine :
dcs-action-replicate = répliquer maintenant
dcs-column-dc = Contrôleur de domaine
dcs-column-site = Site
dcs-column-replicated = Répliqué
dcs-column-propagated = Propagé
dcs-column-reachable = Joignable
dcs-check = Vérifier chaque contrôleur de domaine
dcs-wait = Attendre que chaque DC l'ait
dcs-wait-limit = Attendre au plus (minutes)
dcs-cancel = Annuler
dcs-pull = La récupérer maintenant
dcs-pull-yes = Oui, répliquer maintenant
dcs-pull-no = Pas maintenant
help-arg-verify-all-dcs = Lire aussi chaque contrôleur de domaine des domaines concernés : lesquels ont déjà la modification (répliquée, propagée) et par lequel écrit le serveur Connect
help-arg-verify-wait = Attendre que chaque contrôleur de domaine ait la modification, en relisant toutes les 5 s, au plus MINUTES minutes (60 par défaut) ; implique --all-dcs
help-arg-verify-pull = Demander à ce contrôleur de domaine (son nom DNS) de répliquer maintenant la modification depuis celui où l'assistant a écrit ; demande d'abord, consigné dans le journal d'audit ; implique --all-dcs


## Issue 26: the window reads well (plurals, command-line hints, SDDL, keyboard)
# Appended to a message by the command line only: the option that does it.
cli-with-option = { $text } (option { $options })
cli-blocked-ou = --target "{ $dn }"  ({ $users ->
        [one] { $users } utilisateur
       *[other] { $users } utilisateurs
    })
permissions-subtitle-targets = Le compte du connecteur reçoit les droits nécessaires à la réécriture, sur les objets utilisateur descendants { $count ->
        [one] de { $targets }
       *[other] de ces objets : { $targets }
    }.
button-copy-sddl = Copier le SDDL
copied-sddl = SDDL copié

## Issue 23: the window asks before a plaintext bind
targets-plaintext = Envoyer le mot de passe sans chiffrement (LDAP en clair, lisible par tous sur le réseau) : le profil le demande, cochez pour l'autoriser pour cette exécution

## Issue 22: Graph client on Targets
targets-graph-client = Client Graph pour le test pilote (ID d'application)
targets-graph-client-hint = vide : Microsoft Graph Command Line Tools

## Issue 22: Cloud Sync on the portal page
portal-cloud-sync = Réécrire les mots de passe avec la synchronisation cloud de Microsoft Entra Connect
portal-state-unknown = inconnu
portal-setting-cloud-sync = Activation de « réécrire les mots de passe avec la synchronisation cloud »…
portal-cloud-sync-unreported = L'API du portail n'indique pas le paramètre de synchronisation cloud : réglez-le à la main.
portal-cloud-sync-refused = L'API du portail n'a pas activé le paramètre de synchronisation cloud : réglez-le à la main.
portal-cloud-sync-steps = Protection > Réinitialisation du mot de passe > Intégration locale : cochez « Write back passwords with Microsoft Entra Connect cloud sync », puis Enregistrer.
help-arg-portal-cloud-sync = Cloud Sync choisi (ou [connect] cloud_sync du profil) : aussi « réécrire les mots de passe avec la synchronisation cloud »

## Issue 24A: settings
help-arg-demo = Exécuter la commande sur l’organisation de démonstration intégrée (rien de réel n’est lu ni modifié)
help-arg-graph-client-id = ID client public (application) pour Microsoft Graph (le test pilote) ; par défaut : celui du profil, sinon Microsoft Graph Command Line Tools
help-arg-redirect-uri = L’URI de redirection de la connexion par navigateur, sans port, pour une application propre au locataire ; par défaut : celle du profil, sinon http://localhost

## Issue 24D: runbook
runbook-run-window = Exécution { $id } : la fenêtre de l’assistant, depuis { $time }
runbook-run-cli = Exécution { $id } : writeback-wizard { $command }, depuis { $time }
runbook-read-back = { $plane } : { $change } sur { $target }, relu après l’écriture
runbook-read-failed = { $plane } : lecture impossible ({ $reason })
runbook-no-run = le journal d’audit { $path } ne contient encore aucune exécution : lancez d’abord une commande (grant, sync, portal, verify, test-writeback) ou l’assistant, ou écrivez le runbook d’une exécution de démonstration avec --demo
runbook-no-such-run = le journal d’audit { $path } ne contient aucune exécution { $id } (l’identifiant d’exécution de chaque entrée figure dans : writeback-wizard log --json)
help-arg-runbook-run = L’exécution à écrire (son identifiant, comme dans log --json) au lieu de la plus récente
