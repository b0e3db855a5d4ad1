# writeback-wizard — español (traducción del archivo de referencia en inglés; los mismos identificadores)

## Descriptores de seguridad: líneas de ACE en lenguaje sencillo

ace-allow = { $rights } — { $scope } — { $trustee }
ace-deny = Denegar: { $rights } — { $scope } — { $trustee }
ace-audit = Auditoría: { $rights } — { $scope } — { $trustee }
ace-unknown = Una entrada de un tipo que esta herramienta no lee (se conserva sin cambios)
ace-inherited = { $line } (heredada)

trustee-unknown = (cuenta desconocida)
trustee-everyone = Todos
trustee-authenticated-users = Usuarios autentificados
trustee-local-system = SYSTEM
trustee-self = SELF
trustee-creator-owner = CREATOR OWNER
trustee-enterprise-dcs = Controladores de dominio de empresa
trustee-administrators = Administradores
trustee-pre-windows-2000 = Acceso compatible con versiones anteriores a Windows 2000
trustee-windows-authorization-access = Grupo de acceso de autorización de Windows
trustee-domain-admins = Admins. del dominio
trustee-enterprise-admins = Administradores de empresas
trustee-domain-controllers = Controladores de dominio

name-reset-password = Restablecer contraseña
name-change-password = Cambiar contraseña
name-unexpire-password = Contraseña sin expiración
name-lockout-time = lockoutTime
name-pwd-last-set = pwdLastSet
name-user = usuario
name-inet-org-person = inetOrgPerson
name-computer = equipo
name-group = grupo
name-organizational-unit = unidad organizativa
name-replicating-directory-changes = Replicar cambios de directorio
name-replicating-directory-changes-all = Replicar todos los cambios de directorio
name-user-account-restrictions = restricciones de cuenta
name-user-logon = información de inicio de sesión
name-membership = pertenencia a grupos
name-general-information = información general
name-personal-information = información personal
name-public-information = información pública
name-user-account-control = userAccountControl

right-full-control = Control total
right-all-extended = Todos los derechos extendidos
right-write-property = Escribir { $name }
right-read-property = Leer { $name }
right-create-child = Crear objetos de { $name }
right-create-child-any = Crear todos los objetos secundarios
right-delete-child = Eliminar objetos de { $name }
right-delete-child-any = Eliminar todos los objetos secundarios
right-validated-write = Escritura validada en { $name }
right-validated-write-any = Todas las escrituras validadas
right-write-all-properties = Escribir todas las propiedades
right-read-all-properties = Leer todas las propiedades
right-list-contents = Mostrar contenido
right-list-object = Mostrar objeto
right-read-permissions = Permisos de lectura
right-modify-permissions = Modificar permisos
right-modify-owner = Modificar propietario
right-delete = Eliminar
right-delete-subtree = Eliminar subárbol
right-generic-read = Lectura genérica
right-generic-write = Escritura genérica
right-generic-execute = Ejecución genérica
right-other = Permisos especiales { $mask }

scope-this-object = solo en este objeto
scope-this-and-descendants = en este objeto y todos los descendientes
scope-descendants = en todos los objetos descendientes
scope-descendants-of-class = en los objetos de { $class } descendientes
scope-this-and-children = en este objeto y sus objetos secundarios directos
scope-children = solo en los objetos secundarios directos

## Descriptores de seguridad: errores

sd-error-at-byte = { $what } (en el byte { $offset })
sd-error-truncated = los datos terminan dentro de "{ $part }"; ¿se cortó el valor al copiarlo?
sd-error-revision = la revisión { $revision } del descriptor de seguridad no es 1; esto no es un descriptor de seguridad
sd-error-not-self-relative = el descriptor de seguridad no está en formato autorrelativo (falta la marca de control 0x8000)
sd-error-sid-revision = un SID tiene la revisión { $revision } en lugar de 1
sd-error-sid-too-long = un SID declara { $count } subautoridades (como máximo 15)
sd-error-acl-revision = una ACL tiene la revisión { $revision } (se esperaba 2 o 4)
sd-error-acl-size = una ACL declara { $size } bytes, menos que su encabezado de 8 bytes
sd-error-ace-size = una ACE declara { $size } bytes (al menos 4 y múltiplo de 4)
sd-error-offset = el desplazamiento { $offset } apunta fuera de los datos
sd-error-trailing = bytes inesperados después del final
sd-error-base64 = esto no es base64 válido; pegue el valor exactamente como lo devolvió LDAP
sddl-error-at-char = { $what } (en el carácter { $position })
sddl-error-section = se esperaba una sección "O:", "G:", "D:" o "S:", pero se encontró "{ $found }"
sddl-error-duplicate-section = la sección "{ $section }:" aparece dos veces
sddl-error-sid = "{ $token }" no es un SID (S-1-…) ni un alias conocido de dos letras
sddl-error-needs-domain = el alias "{ $alias }" representa un grupo de dominio; indique el SID del dominio con --domain-sid o escriba el SID completo
sddl-error-ace-type = tipo de ACE desconocido "{ $token }" (use A, D, OA, OD, AU, OU, AL u OL)
sddl-error-ace-flag = marca de ACE desconocida "{ $token }" (use OI, CI, NP, IO, ID, SA o FA)
sddl-error-rights = derecho desconocido "{ $token }" (use derechos de dos letras como CR, WP, RP o una máscara hexadecimal como 0x100)
sddl-error-guid = "{ $token }" no es un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)
sddl-error-guid-on-basic = el tipo de ACE "{ $token }" no admite GUID de objeto; use OA u OD para las ACE de objeto
sddl-error-ace-fields = una ACE necesita exactamente 6 campos separados por ";"
sddl-error-unclosed = una ACE no está cerrada con ")"
sddl-error-acl-flag = marca de ACL desconocida "{ $token }" (use P, AI, AR o NO_ACCESS_CONTROL)
sddl-error-empty = el texto SDDL está vacío
sddl-error-unrepresentable = la entrada { $index } de la { $acl } (tipo de ACE { $ace_type }) no tiene forma SDDL; use en su lugar el valor base64

## Línea de comandos

cli-error = error: { $message }
cli-error-domain-sid = "{ $value }" no es un SID de dominio (S-1-5-21-…)
cli-error-stdin = no se puede leer la entrada estándar: { $reason }
cli-error-encode-too-large = el descriptor de seguridad es demasiado grande para su forma binaria (más de 65.535 bytes o entradas)
cli-no-gui-yet = La ventana del asistente aún no está incluida en esta versión; use un subcomando (consulte --help).
explain-owner = Propietario: { $trustee }
explain-group = Grupo: { $trustee }
explain-dacl = Permisos ({ $count } entradas):
explain-dacl-protected = Permisos ({ $count } entradas, no heredadas del objeto primario):
explain-null-dacl = Permisos: ninguno establecido (una DACL NULL concede control total a todos)
explain-sacl = Auditoría ({ $count } entradas):

## Paso 1: errores del directorio

dir-error-unreachable = no se puede conectar con { $url } ({ $reason }); compruebe la dirección y el puerto, y que el controlador de dominio esté en ejecución y no lo bloquee un firewall
dir-error-untrusted = el certificado de { $url } no está firmado por una entidad de certificación de confianza ({ $reason }); indique el certificado de la entidad de certificación con --ca-file
dir-error-hostname = el certificado de { $url } no se emitió para ese nombre ({ $reason }); conéctese con el nombre que figura en el certificado (normalmente el nombre DNS del controlador de dominio)
dir-error-tls = la conexión TLS con { $url } falló ({ $reason })
dir-error-credentials = el controlador de dominio rechazó el inicio de sesión: compruebe el nombre de la cuenta (UPN, DN o DOMAIN\user) y la contraseña
dir-error-rights = la cuenta conectada no puede realizar esta operación en { $dn }; inicie sesión como miembro de Admins. del dominio o con una cuenta que pueda cambiar los permisos de ese objeto
dir-error-no-such-object = { $dn } no existe; compruebe el DN
dir-error-timeout = el controlador de dominio no respondió en { $seconds } segundos; compruebe la red o aumente --timeout
dir-error-connection-lost = se perdió la conexión con el controlador de dominio ({ $reason }); no se cambió nada más, vuelva a ejecutar el comando
dir-error-ldap = el controlador de dominio respondió con el error LDAP { $code } en { $dn }: { $text }
dir-error-config = configuración de conexión no válida: { $text }
task-error-account-not-found = no se encontró ninguna cuenta llamada "{ $name }"; compruebe el nombre de la cuenta del conector (sAMAccountName, UPN, DN o DOMAIN\name)
task-error-account-ambiguous = "{ $name }" coincide con varias cuentas ({ $candidates }); indique en su lugar el sAMAccountName, el UPN o el DN
task-error-bad-data = { $dn }: { $what }
task-error-read-back = { $dn }: los permisos leídos después de la escritura no son los que se escribieron; ejecute los comandos check y verify y, si es necesario, deshaga el cambio con rollback
task-error-backup = no se puede usar la copia de seguridad { $path } ({ $reason })
task-error-no-backup = no se encontró ninguna copia de seguridad de una concesión de permisos en { $dir }; no hay nada que deshacer

## Paso 1: resultados de la comprobación previa

outcome-ok = correcto
outcome-warning = advertencia
outcome-blocking = bloqueante
check-connection-tls = conectado a { $server } mediante TLS (certificado comprobado)
check-connection-plain = conectado a { $server } SIN cifrado: las contraseñas viajan por la red en texto no cifrado
check-dacl-writable = la cuenta conectada puede cambiar los permisos de { $dn }
check-dacl-not-writable = la cuenta conectada NO puede cambiar los permisos de { $dn }; inicie sesión como miembro de Admins. del dominio (o con una cuenta que tenga el permiso "Modificar permisos" en ese objeto)
check-connector-found = cuenta del conector { $dn } encontrada y habilitada
check-connector-disabled = la cuenta del conector { $dn } está deshabilitada; habilítela (de lo contrario, Entra Connect no puede realizar la escritura diferida de contraseñas con ella)
check-min-pwd-age-ok = la vigencia mínima de la contraseña es 0, como requiere la escritura diferida de contraseñas
check-min-pwd-age = la vigencia mínima de la contraseña es de { $days } día(s); la escritura diferida de una contraseña recién restablecida se rechaza hasta que transcurra ese plazo (establézcala en 0 en la Default Domain Policy)
check-policy-hints-ok = el controlador de dominio admite el control de sugerencias de directiva de contraseñas
check-policy-hints-missing = el controlador de dominio no anuncia el control de sugerencias de directiva de contraseñas (se necesita Windows Server 2016 o posterior); la escritura diferida de contraseñas puede fallar con el evento 6329
check-protected-users = { $count } de { $scanned } usuarios no recibirán el permiso (herencia deshabilitada o adminCount=1); la escritura diferida de contraseñas falla para ellos
check-inetorgperson-covered = { $count } objetos inetOrgPerson en el ámbito, cubiertos por las variantes de inetOrgPerson
check-inetorgperson-uncovered = { $count } objetos inetOrgPerson en el ámbito no recibirán el permiso; agregue --inetorgperson
check-grant-complete = { $dn } ya tiene todos los permisos de escritura diferida de contraseñas
check-grant-partial = { $dn } solo tiene una parte de los permisos de escritura diferida de contraseñas; el comando grant los completa
check-grant-none = { $dn } aún no tiene los permisos de escritura diferida de contraseñas
check-adminsdholder = { $dn } es un destino: las contraseñas de las cuentas de administrador protegidas se podrán restablecer desde la nube
user-finding = { $name } ({ $dn }): { $why }
user-inheritance-blocked = herencia deshabilitada
user-admin-count = cuenta protegida (adminCount=1)
user-not-yet = aún no tiene el permiso

## Paso 1: línea de comandos

cli-error-profile = no se puede leer el perfil { $path }: { $reason }
cli-error-missing = { $option } es obligatorio (o establézcalo en el perfil)
cli-error-plaintext = ldap:// sin TLS enviaría la contraseña sin cifrar; use ldaps:// o --starttls, o permítalo explícitamente con --insecure-plaintext
cli-warning-plaintext = advertencia: conexión SIN cifrado (--insecure-plaintext); la contraseña viaja por la red en texto no cifrado
cli-error-no-password = no hay contraseña: establezca { $var } o ejecute el comando en un terminal para que se le solicite
cli-password-prompt = Contraseña de la cuenta de conexión:
cli-error-confirm-needs-yes = no se está ejecutando en un terminal: agregue --yes para confirmar el cambio
cli-cancelled = cancelado; no se cambió nada
cli-blocked = bloqueado por los resultados de la comprobación previa; corríjalos y vuelva a ejecutar el comando:
cli-confirm-grant = ¿Escribir los nuevos permisos en { $count } objeto(s)?
cli-confirm-rollback = ¿Deshacer la concesión de permisos en { $count } objeto(s)?
cli-confirm-hint = [s/N]
cli-granted = { $dn }: se agregaron { $count } entradas de permiso; copia de seguridad guardada en { $backup }
cli-already-granted = { $dn }: los permisos ya están concedidos, no hay nada que hacer
cli-plan-target = { $dn }: { $count } entradas de permiso que se agregarán:
cli-plan-before = antes:   { $sddl }
cli-plan-after = después: { $sddl }
cli-dry-run = simulación: no se escribió nada
cli-verify-summary = { $carrying } de { $total } usuarios tienen el permiso
cli-rolled-back = { $dn }: concesión deshecha (se quitaron { $count } entradas)
progress-users = { $carrying } de { $done } usuarios examinados hasta ahora tienen el permiso
