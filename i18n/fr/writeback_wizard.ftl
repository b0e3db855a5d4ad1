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
sddl-error-needs-domain = l'alias « { $alias } » désigne un groupe du domaine ; indiquez le SID du domaine avec --domain-sid ou écrivez le SID complet
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
cli-no-gui-yet = La fenêtre de l'assistant n'est pas encore intégrée à cette version ; utilisez une sous-commande (voir --help).
explain-owner = Propriétaire : { $trustee }
explain-group = Groupe : { $trustee }
explain-dacl = Autorisations ({ $count } entrées) :
explain-dacl-protected = Autorisations ({ $count } entrées, non héritées du parent) :
explain-null-dacl = Autorisations : aucune définie (une DACL NULL donne le contrôle total à tout le monde)
explain-sacl = Audit ({ $count } entrées) :
