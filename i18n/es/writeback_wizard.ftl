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
