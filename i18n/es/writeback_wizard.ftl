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
sddl-error-needs-domain = el alias "{ $alias }" representa un grupo de dominio; indique el SID del dominio o escriba el SID completo
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
gui-error = no se pudo abrir la ventana del asistente: { $reason }
explain-owner = Propietario: { $trustee }
explain-group = Grupo: { $trustee }
explain-dacl = Permisos ({ $count ->
        [one] { $count } entrada
       *[other] { $count } entradas
    }):
explain-dacl-protected = Permisos ({ $count ->
        [one] { $count } entrada
       *[other] { $count } entradas
    }, no heredadas del objeto primario):
explain-null-dacl = Permisos: ninguno establecido (una DACL NULL concede control total a todos)
explain-sacl = Auditoría ({ $count ->
        [one] { $count } entrada
       *[other] { $count } entradas
    }):

## Paso 1: errores del directorio

dir-error-unreachable = no se puede conectar con { $url } ({ $reason }); compruebe la dirección y el puerto, y que el controlador de dominio esté en ejecución y no lo bloquee un firewall
dir-error-untrusted = el certificado de { $url } no está firmado por una entidad de certificación de confianza ({ $reason }); indique el archivo del certificado de la entidad que lo emitió
dir-error-hostname = el certificado de { $url } no se emitió para ese nombre ({ $reason }); conéctese con el nombre que figura en el certificado (normalmente el nombre DNS del controlador de dominio)
dir-error-tls = la conexión TLS con { $url } falló ({ $reason })
dir-error-credentials = el controlador de dominio rechazó el inicio de sesión: compruebe el nombre de la cuenta (UPN, DN o DOMAIN\user) y la contraseña
dir-error-rights = la cuenta conectada no puede realizar esta operación en { $dn }; inicie sesión como miembro de Admins. del dominio o con una cuenta que pueda cambiar los permisos de ese objeto
dir-error-no-such-object = { $dn } no existe; compruebe el DN
dir-error-timeout = el controlador de dominio no respondió en { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }; compruebe la red o aumente el tiempo de espera
dir-error-connection-lost = se perdió la conexión con el controlador de dominio ({ $reason }); no se cambió nada más, vuelva a ejecutar el comando
dir-error-ldap = el controlador de dominio respondió con el error LDAP { $code } en { $dn }: { $text }
dir-error-config = configuración de conexión no válida: { $text }
task-error-account-not-found = no se encontró ninguna cuenta llamada "{ $name }"; compruebe el nombre de la cuenta del conector (sAMAccountName, UPN, DN o DOMAIN\name)
task-error-account-ambiguous = "{ $name }" coincide con varias cuentas ({ $candidates }); indique en su lugar el sAMAccountName, el UPN o el DN
task-error-bad-data = { $dn }: { $what }
task-error-read-back = { $dn }: los permisos leídos después de la escritura no son los que se escribieron; ejecute los comandos check y verify y, si es necesario, deshaga el cambio con rollback
task-error-backup = no se puede usar la copia de seguridad { $path } ({ $reason })
task-error-never-applied = la concesión de permisos guardada en { $path } nunca llegó al directorio (su escritura falló), así que no hay nada que deshacer; elija una concesión anterior
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
check-min-pwd-age = la vigencia mínima de la contraseña es de { $days ->
        [one] { $days } día
       *[other] { $days } días
    }; la escritura diferida de una contraseña recién restablecida se rechaza hasta que transcurra ese plazo (establézcala en 0 en la Default Domain Policy)
check-policy-hints-ok = el controlador de dominio admite el control de sugerencias de directiva de contraseñas
check-policy-hints-missing = el controlador de dominio no anuncia el control de sugerencias de directiva de contraseñas (se necesita Windows Server 2016 o posterior); la escritura diferida de contraseñas puede fallar con el evento 6329
check-inetorgperson-covered = { $count ->
        [one] { $count } objeto inetOrgPerson en el ámbito, cubierto
       *[other] { $count } objetos inetOrgPerson en el ámbito, cubiertos
    } por las variantes de inetOrgPerson
check-inetorgperson-uncovered = { $count ->
        [one] { $count } objeto inetOrgPerson en el ámbito no recibirá
       *[other] { $count } objetos inetOrgPerson en el ámbito no recibirán
    } el permiso; incluya los objetos inetOrgPerson en la concesión
check-grant-complete = { $dn } ya tiene todos los permisos de escritura diferida de contraseñas
check-grant-partial = { $dn } solo tiene una parte de los permisos de escritura diferida de contraseñas; el comando grant los completa
check-grant-none = { $dn } aún no tiene los permisos de escritura diferida de contraseñas
check-adminsdholder = { $dn } es un destino: las contraseñas de las cuentas de administrador protegidas se podrán restablecer desde la nube

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
cli-confirm-grant = ¿Escribir los nuevos permisos en { $count ->
        [one] 1 objeto
       *[other] { $count } objetos
    }?
cli-confirm-rollback = ¿Deshacer la concesión de permisos en { $count ->
        [one] 1 objeto
       *[other] { $count } objetos
    }?
cli-confirm-hint = [s/N]
cli-granted = { $dn }: { $count ->
        [one] se agregó 1 entrada de permiso
       *[other] se agregaron { $count } entradas de permiso
    }; copia de seguridad guardada en { $backup }
cli-already-granted = { $dn }: los permisos ya están concedidos, no hay nada que hacer
cli-plan-target = { $dn }: { $count ->
        [one] 1 entrada de permiso que se agregará
       *[other] { $count } entradas de permiso que se agregarán
    }:
cli-plan-before = antes:   { $sddl }
cli-plan-after = después: { $sddl }
cli-dry-run = simulación: no se escribió nada
cli-verify-summary = { $carrying } de { $total ->
        [one] { $total } usuario
       *[other] { $total } usuarios
    } { $carrying ->
        [one] tiene
       *[other] tienen
    } el permiso
cli-rolled-back = { $dn }: concesión deshecha ({ $count ->
        [one] se quitó 1 entrada
       *[other] se quitaron { $count } entradas
    })
progress-users = { $carrying } de { $done ->
        [one] { $done } usuario examinado
       *[other] { $done } usuarios examinados
    } hasta ahora { $carrying ->
        [one] tiene
       *[other] tienen
    } el permiso

## Asistente: ventana principal

step-welcome = Bienvenida
step-targets = Destinos e inicio de sesión
step-preflight = Comprobación previa
step-permissions = Permisos de AD
step-connect = Entra Connect
step-portal = Portal de Entra
step-verify = Verificación
step-summary = Resumen
demo-badge = Demo
demo-note = Organización de demostración: un directorio, un servidor de Connect y un inquilino integrados. No se cambia nada fuera de esta ventana.
theme-toggle = Claro / oscuro
button-back = Atrás
button-next = Siguiente
button-start = Iniciar
button-cancel = Cancelar
state-on = habilitado
state-off = deshabilitado

## Asistente: bienvenida

welcome-title = Habilitar la escritura diferida de contraseñas
welcome-subtitle = Las contraseñas que los usuarios restablecen en la nube se escriben también en el Active Directory local.
welcome-changes = Qué cambia este asistente
welcome-change-ad = Active Directory: la cuenta del conector puede restablecer contraseñas, desbloquear cuentas y actualizar las fechas de contraseña en los objetos de usuario.
welcome-change-connect = Entra Connect: se habilita la característica opcional "Escritura diferida de contraseñas".
welcome-change-portal = Centro de administración de Entra: "Enable password write back for synced users" y "Allow users to unlock accounts without resetting their password".
welcome-safety = Cada paso comprueba primero, muestra lo que va a cambiar, guarda una copia de seguridad, vuelve a leer lo que escribió y se puede deshacer.
welcome-requirements = Qué necesita
welcome-req-roles = Un miembro de Admins. del dominio (o una cuenta que pueda cambiar los permisos de la raíz del dominio) y un Administrador global o Administrador de identidades híbridas en Entra ID
welcome-req-license = Microsoft Entra ID P1 o P2 (o un paquete que lo incluya)
welcome-req-connect = Entra Connect 2.x o posterior, con una cuenta del conector de AD DS
welcome-environment = Dónde
welcome-demo = La organización de demostración integrada (contoso.com): puede recorrerla sin riesgo, no se cambia nada real.
welcome-profile = La organización descrita en { $profile }
welcome-language = Idioma

## Asistente: destinos

targets-title = Destinos e inicio de sesión
targets-subtitle = Qué controlador de dominio, qué cuentas, qué servidor de Connect y qué inquilino.
targets-directory = Active Directory
targets-server = Controlador de dominio
targets-ca-file = Certificado de la entidad de certificación (PEM)
targets-ca-file-hint = vacío: las raíces de confianza del sistema
targets-browse = Examinar…
targets-bind-user = Iniciar sesión como (UPN, DN o DOMAIN\user)
targets-password = Contraseña
targets-password-hint = nunca se guarda
targets-connector = Cuenta del conector de AD DS
targets-find = Buscar
targets-finding = Buscando…
targets-find-hint = "Buscar" comprueba que la cuenta existe, es única y está habilitada.
targets-found = { $dn } ({ $sid })
targets-cloud = Entra Connect e inquilino
targets-sync-host = Servidor de Entra Connect
targets-sync-host-hint = vacío: este equipo
targets-tenant = Inquilino

## Asistente: comprobación previa

preflight-title = Comprobación previa
preflight-subtitle = Todavía no se cambia nada. Solo los resultados bloqueantes le impiden continuar.
preflight-idle = Las comprobaciones leen el directorio y examinan los usuarios.
preflight-run = Ejecutar comprobaciones
preflight-rerun = Volver a ejecutar
preflight-running = Comprobando el directorio y examinando los usuarios…

## Asistente: permisos

permissions-title = Permisos de Active Directory
permissions-subtitle = La cuenta del conector recibe los derechos que necesita la escritura diferida, en los objetos de usuario descendientes de la raíz del dominio.
permissions-planning = Leyendo los permisos actuales…
permissions-applying = Guardando una copia de seguridad, escribiendo y volviendo a leer…
permissions-undoing = Quitando las entradas que agregó este asistente…
permissions-will-add = { $count ->
        [one] Se agregará 1 entrada:
       *[other] Se agregarán { $count } entradas:
    }
permissions-sddl-added = Las mismas entradas en SDDL:
permissions-applied-line = { $count ->
        [one] Se agregó 1 entrada y se volvió a leer
       *[other] Se agregaron { $count } entradas y se volvieron a leer
    }
permissions-result = Resultado
permissions-read-back = { $dn }: escrito y vuelto a leer
permissions-backup = Copia de seguridad: { $path }
permissions-propagation = En los controladores de dominio de Windows, el cambio puede tardar hasta una hora en llegar a todos los usuarios.
permissions-undone = Deshecho
permissions-apply = Aplicar
permissions-undo = Deshacer

## Asistente: Connect

connect-title = Entra Connect
connect-subtitle = La característica opcional "Escritura diferida de contraseñas" en el servidor de Connect.
connect-reading = Leyendo el servidor de Connect…
connect-switching = Cambiando la escritura diferida de contraseñas…
connect-reading-back = Volviendo a leer…
connect-on = La escritura diferida de contraseñas está habilitada
connect-off = La escritura diferida de contraseñas está deshabilitada
connect-version = Versión { $version }
connect-connector = Conector de Entra ID: { $connector }
connect-ad-account = Cuenta del conector de AD DS: { $account }
connect-enable = Habilitar escritura diferida
connect-retry = Comprobar de nuevo
connect-undo = Deshabilitar
connect-manual = Hágalo en el servidor de Connect
connect-manual-steps = Abra el asistente de Entra Connect > Configurar > Personalizar las opciones de sincronización > Características opcionales > active "Escritura diferida de contraseñas" > Siguiente > Configurar.
connect-manual-script = O en PowerShell, con privilegios elevados: Set-ADSyncAADPasswordResetConfiguration -Connector "<Entra ID connector>" -Enable $true
sync-error = error en el servidor de Connect: { $reason }

## Asistente: portal

portal-title = Centro de administración de Entra
portal-subtitle = Restablecimiento de contraseña > Integración local.
portal-undocumented = Esta configuración se cambia mediante la API propia del portal, que no está documentada; si la rechaza, el asistente muestra los pasos manuales.
portal-reading = Leyendo la configuración del inquilino…
portal-setting-writeback = Habilitando "escritura diferida de contraseñas"…
portal-setting-unlock = Habilitando "desbloquear sin restablecer"…
portal-reading-back = Volviendo a leer…
portal-writeback = Escritura diferida de contraseñas en el entorno local
portal-unlock = Desbloquear cuentas sin restablecer la contraseña
portal-toggle = { $setting }: { $current } → { $desired }
portal-apply = Aplicar
portal-undo = Deshabilitar
portal-manual = Hágalo en el centro de administración de Entra
portal-manual-steps = Protección > Restablecimiento de contraseña > Integración local: active "Enable password write back for synced users" y "Allow users to unlock accounts without resetting their password" y, después, Guardar.

## Asistente: verificación

verify-title = Verificación
verify-subtitle = Todo se vuelve a leer, tal como está ahora.
verify-run = Volver a comprobar
verify-running = Leyendo cada nivel y examinando los usuarios…
verify-planes = Los tres niveles
verify-portal-on = Portal: escritura diferida y desbloqueo habilitados
verify-portal-off = Portal: escritura diferida o desbloqueo deshabilitados
verify-not-carrying = Usuarios sin el permiso
verify-everyone = Todos los usuarios tienen el permiso.

## Asistente: resumen

summary-title = Resumen
summary-subtitle = Qué cambió esta ejecución y cómo deshacerlo.
summary-changed = Cambios
summary-no-permissions = No se escribió ningún permiso.
summary-permissions = { $dn }: { $count ->
        [one] se agregó 1 entrada de permiso
       *[other] se agregaron { $count } entradas de permiso
    }
summary-connect-on = Entra Connect: escritura diferida de contraseñas habilitada
summary-connect-unchanged = Entra Connect: esta ejecución no lo cambió
summary-portal-on = Portal: escritura diferida y desbloqueo habilitados
summary-portal-unchanged = Portal: esta ejecución no lo cambió
summary-backups = Copias de seguridad
summary-no-backups = No se necesitó ninguna copia de seguridad.
summary-remember = Recuerde
summary-propagation = En los controladores de dominio de Windows, los permisos pueden tardar hasta una hora en llegar a todos los usuarios.
summary-policy = Las contraseñas deben seguir cumpliendo la directiva de contraseñas local; establezca la vigencia mínima de la contraseña en 0.
summary-undo-all = Deshacer todo

## Paso 2: Entra Connect

sync-error-no-powershell = no se puede iniciar PowerShell ({ $exe }: { $reason }); ejecute el asistente en el servidor de Connect, instale PowerShell o indique su ruta con WRITEBACK_WIZARD_POWERSHELL
sync-error-module = el módulo ADSync no está instalado ({ $detail }); ejecute la herramienta en el servidor de Entra Connect o indique el nombre de ese servidor para llegar a él de forma remota
sync-error-access = acceso denegado ({ $detail }); ejecute la herramienta como administrador del servidor de Connect (con privilegios elevados) y, para un servidor remoto, como miembro de su grupo local Administradores
sync-error-no-connector = no se encontró ningún conector de Entra ID en el servidor de Connect; termine primero la configuración de Entra Connect
sync-error-several = se encontraron varios conectores de Entra ID ({ $names }); en su lugar, habilite la escritura diferida de contraseñas en el asistente de Entra Connect
sync-error-remote = la sesión remota de PowerShell falló ({ $detail }); compruebe el nombre del host, que WinRM esté habilitado en él y sus permisos en ese host
sync-error-garbage = PowerShell devolvió una respuesta inesperada ({ $detail }); vuelva a ejecutar el comando y compruebe PowerShell en el servidor de Connect
sync-error-timeout = PowerShell no respondió en { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    } y se detuvo (el asistente no cambió nada más)
sync-error-read-back = el estado de la escritura diferida que se volvió a leer no es el que se estableció; revise las características opcionales en el asistente de Entra Connect
sync-check-version = Entra Connect { $version } (2.x o posterior)
sync-check-version-old = Entra Connect { $version } está retirado; actualice primero a 2.x o posterior
sync-check-service = el servicio ADSync está en ejecución
sync-check-service-stopped = el servicio ADSync no está en ejecución; inícielo (la escritura diferida de contraseñas lo necesita)
sync-check-endpoint = { $host } responde en el puerto 443 desde el servidor de Connect
sync-check-endpoint-blocked = { $host } no responde en el puerto 443 desde el servidor de Connect; la escritura diferida de contraseñas necesita conexiones salientes a ese host por el puerto 443 (firewall o proxy)
cli-sync-state = { $host }: conector "{ $connector }", escritura diferida de contraseñas: { $state }

## Sign-in and the portal API (step 3)
tenant-error-config = { $detail }; corrija la configuración (el inquilino o el id. de cliente en el perfil, o las variables WRITEBACK_WIZARD_*_URL)
tenant-error-network = no se puede contactar con Entra ID ({ $detail }); compruebe la red, el proxy y el firewall de este equipo
tenant-error-timeout = Entra ID no respondió a tiempo; vuelva a intentarlo y compruebe la red de este equipo
tenant-error-not-signed-in = no ha iniciado sesión en el inquilino; inicie sesión primero en la página «Destinos e inicio de sesión»
tenant-error-sign-in = el inicio de sesión falló ({ $code }: { $detail }); compruebe el nombre del inquilino y la cuenta, y vuelva a iniciar sesión
tenant-error-consent = la aplicación cliente necesita consentimiento en este inquilino; pídaselo a un administrador global o use otro id. de cliente (client_id en el perfil)
tenant-error-tenant = no se encontró el inquilino { $tenant }; use su dominio principal (contoso.onmicrosoft.com) o su id. de inquilino
tenant-error-no-browser = no se pudo abrir ningún navegador para iniciar sesión; use «Iniciar sesión con un código»
tenant-error-declined = el inicio de sesión se rechazó en el navegador; vuelva a iniciar sesión y acepte
tenant-error-expired = el inicio de sesión ha caducado; vuelva a iniciar sesión
tenant-error-state = la respuesta no pertenecía a este inicio de sesión (state distinto) y se rechazó; vuelva a iniciar sesión
tenant-error-forbidden = el portal rechazó el cambio (403): su cuenta no tiene un rol que pueda cambiar la configuración de restablecimiento de contraseña; inicie sesión como administrador global o haga el cambio a mano
tenant-error-api = la API del portal respondió de forma inesperada ({ $detail }); no está documentada y puede haber cambiado: haga el cambio a mano en el centro de administración
tenant-error-throttled = el servicio siguió pidiendo que se redujera el ritmo (429/503) tras varios reintentos; espere unos minutos y vuelva a intentarlo
tenant-error-server = el servicio falló (HTTP { $status }); vuelva a intentarlo más tarde o haga el cambio a mano
tenant-error-read-back = la configuración leída de nuevo no es la establecida; revise la página Integración local del centro de administración
portal-check-licence = Hay una licencia de Entra ID P1 o P2
portal-check-licence-missing = No se encontró ninguna licencia de Entra ID P1 o P2: la escritura diferida de contraseñas necesita una (sin ella, la página Restablecimiento de contraseña permanece oculta)
portal-check-sync = La sincronización de directorios está activa (última ejecución { $last })
portal-check-sync-off = La sincronización de directorios no está activa en este inquilino: la escritura diferida solo llega a usuarios sincronizados
portal-check-role = Sus roles permiten cambiar la configuración de restablecimiento de contraseña ({ $roles })
portal-check-role-missing = Sus roles ({ $roles }) no están entre los indicados para esa configuración; un administrador global siempre puede hacerlo
signin-page-done = Sesión iniciada. Puede cerrar esta pestaña y volver a writeback-wizard.
signin-page-failed = El inicio de sesión no se completó. writeback-wizard muestra el motivo.
cli-portal-browser = Inicie sesión en la ventana del navegador que se abrió. Si no se abrió ninguna, vaya a: { $url }
cli-portal-device-code = Para iniciar sesión, abra { $url } en cualquier dispositivo e introduzca el código { $code }. Esperando…
cli-portal-signed-in = Sesión iniciada como { $user }.
cli-portal-tenant = Inquilino: { $tenant }
cli-portal-setting = { $setting }: { $state }
cli-portal-graph-failed = no se pudieron leer las comprobaciones del inquilino desde Microsoft Graph: { $reason }
targets-sign-in = Iniciar sesión en el inquilino
targets-sign-in-code = Iniciar sesión con un código
targets-sign-in-hint = Opcional: con la sesión iniciada, el asistente comprueba el inquilino y cambia él mismo la configuración del portal; sin ella, el paso del portal muestra los clics que hay que hacer a mano.
targets-signing-in = Esperando el inicio de sesión en el navegador…
targets-browser-fallback = Si no se abrió ninguna ventana del navegador, abra usted la página de inicio de sesión.
targets-open-link = Abrir la página de inicio de sesión
targets-device-code = En cualquier dispositivo, abra { $url } e introduzca este código:
targets-signed-in = Sesión iniciada como { $user } ({ $tenant })
targets-sign-out = Cerrar sesión
targets-read-connector = Leer de Connect
targets-read-connector-none = El servidor de Connect no indicó ninguna cuenta de conector de AD DS; escríbala.
portal-not-signed-in = No ha iniciado sesión en el inquilino (página «Destinos e inicio de sesión»), así que el asistente no puede cambiar esta configuración por sí mismo.
portal-open = Abrir el centro de administración
portal-recheck = Comprobar de nuevo
preflight-tenant = Inquilino de Entra ID
preflight-tenant-failed = No se pudieron leer las comprobaciones del inquilino: { $reason }
preflight-tenant-skipped = Sin sesión en el inquilino: no se comprobaron la licencia, la sincronización ni los roles (inicie sesión en la página «Destinos e inicio de sesión»).
preflight-directory = Active Directory
verify-portal-unread = Portal: sin sesión iniciada, así que no se leyó la configuración; revísela en el centro de administración

## Cloud Sync

cloudsync-error-agent = el módulo de PowerShell del agente de aprovisionamiento de Cloud Sync no está instalado ({ $detail }); ejecute esto en el servidor del agente de aprovisionamiento (1.1.977.0 o posterior), o indique el nombre de ese servidor para llegar a él de forma remota
cloudsync-error-sign-in = el inquilino rechazó el inicio de sesión ({ $detail }); compruebe el nombre de usuario y la contraseña del administrador del inquilino: debe ser administrador de identidades híbridas o administrador global del inquilino
cloudsync-check-version = agente de aprovisionamiento { $version } (1.1.977.0 o posterior)
cloudsync-check-version-old = el agente de aprovisionamiento { $version } es demasiado antiguo para la escritura diferida de contraseñas; actualícelo primero a 1.1.977.0 o posterior
cloudsync-check-version-unknown = no se pudo leer la versión del agente de aprovisionamiento; debe ser 1.1.977.0 o posterior
cloudsync-check-service = el servicio del agente de aprovisionamiento está en ejecución
cloudsync-check-service-stopped = el servicio del agente de aprovisionamiento (AADConnectProvisioningAgent) no está en ejecución; inícielo (la escritura diferida lo necesita)
cloudsync-check-not-readable = la configuración de escritura diferida de Cloud Sync no se puede leer (Microsoft no ofrece ningún cmdlet para ello); la página «Integración local» del portal la muestra
cloudsync-not-readable = no legible
cli-cloudsync-state = { $host }: agente de aprovisionamiento de Cloud Sync { $version }, escritura diferida de contraseñas { $state }
cli-cloudsync-set = { $host }: escritura diferida de contraseñas de Cloud Sync establecida: { $state } (valor aceptado por el agente; no se puede volver a leer, compruébela en la página «Integración local» del portal)
cli-cloudsync-set-confirmed = { $host }: escritura diferida de contraseñas de Cloud Sync { $state } (leída de nuevo)
cli-tenant-password-prompt = Contraseña de { $user }:
cli-error-no-tenant-password = no hay contraseña para el administrador del inquilino: defina { $var } o ejecute en un terminal
cli-error-tenant-admin-needs-cloud-sync = --tenant-admin solo se usa con --cloud-sync (Entra Connect no necesita iniciar sesión en el inquilino)

## Runbook and audit log

audit-error = no se puede escribir el registro de auditoría ({ $reason }); no se ha cambiado nada. Compruebe que el directorio de datos admite escritura, o defina WRITEBACK_WIZARD_DATA_DIR
audit-read-error = no se puede leer el registro de auditoría ({ $reason })
log-change = Cambio
log-empty = Todavía no hay cambios registrados ({ $path }).
log-skipped = { $path }, línea { $line }: omitida, no es un registro completo ({ $reason })
runbook-title = Runbook: escritura diferida de contraseñas
runbook-meta = Organización: { $environment } · redactado { $time }
runbook-demo-note = Este runbook documenta una ejecución en la organización de demostración integrada; no se cambió nada real.
runbook-env-demo = la organización de demostración integrada (contoso.com)
runbook-contents = Contenido
runbook-purpose = Propósito
runbook-purpose-text = Activar el autoservicio de restablecimiento de contraseña de Microsoft Entra ID con escritura diferida de contraseñas, para que una contraseña restablecida en la nube se escriba en el Active Directory local. Cambian tres planos:
runbook-prerequisites = Requisitos previos
runbook-steps = Pasos
runbook-changes = Cambios exactos realizados
runbook-verification = Resultados de la verificación
runbook-undo = Cómo deshacer
runbook-screenshot = Captura de pantalla: { $step }
runbook-no-screenshot = No se capturó ninguna pantalla en este paso.
runbook-no-changes = Esta ejecución no cambió nada.
runbook-not-verified = No se ejecutó la verificación.
runbook-time = Hora
runbook-operator = Operador
runbook-target = Destino
runbook-result = Resultado
runbook-backup = Copia de seguridad
runbook-sddl-diff = Entradas cambiadas (SDDL)
runbook-sddl-before = Descriptor de seguridad antes (SDDL)
runbook-sddl-after = Descriptor de seguridad después, releído (SDDL)
runbook-plane-ad = Permisos de AD
runbook-plane-connect = Entra Connect
runbook-plane-portal = Portal de Entra
runbook-action-grant = permisos concedidos
runbook-action-rollback = permisos revertidos
runbook-action-enable = habilitado
runbook-action-disable = deshabilitado
runbook-result-ok = hecho y releído
runbook-result-failed = error: { $reason }
runbook-setting-password-writeback = Escritura diferida de contraseñas
runbook-value-unknown = desconocido
runbook-aces-added = { $count ->
        [one] 1 entrada añadida
       *[other] { $count } entradas añadidas
    }
runbook-aces-removed = { $count ->
        [one] 1 entrada quitada
       *[other] { $count } entradas quitadas
    }
runbook-undo-summary = En el asistente, mientras siga abierto: Resumen > Deshacer todo revierte cada cambio de esta ejecución y vuelve a leer cada plano.
runbook-undo-ad = Quitar los permisos añadidos en { $dn } (restaura el descriptor de seguridad guardado si no ha cambiado desde entonces; si no, quita exactamente las entradas añadidas); añada las opciones de conexión usadas al conceder (--server, --bind-user o --profile):
runbook-undo-connect = Volver a deshabilitar la escritura diferida de contraseñas en el servidor de Entra Connect { $host }:
runbook-undo-portal = Volver a desactivar las dos opciones del portal en el inquilino { $tenant } (primero el desbloqueo, después la escritura diferida); o, en el centro de administración de Entra, Protección > Restablecimiento de contraseña > Integración local: desactive "Enable password write back for synced users" y "Allow users to unlock accounts without resetting their password" y, después, Guardar ({ $link }):
runbook-undo-nothing = Nada que deshacer: esta ejecución no cambió nada.
runbook-capture = Capturar cada página para el runbook
runbook-export = Exportar runbook…
runbook-export-hint = Guardar esta ejecución como runbook: cada paso con su captura de pantalla, los cambios exactos, la verificación y cómo deshacerlos (HTML, o Markdown con PNG).
runbook-exported = Runbook guardado: { $path }
runbook-export-failed = no se puede escribir el runbook { $path } ({ $reason })
targets-cloud-sync = Agente de aprovisionamiento de Cloud Sync en lugar de Entra Connect
targets-tenant-admin = Administrador del inquilino (para Cloud Sync)
runbook-setting-cloud-sync = Escritura diferida de contraseñas (Cloud Sync)
runbook-setting-read-back = Leído de nuevo

## Acceso efectivo (issue 13): lo que el conector puede hacer realmente en cada usuario
verify-why = La cuenta del conector necesita los cuatro derechos sobre un usuario para que la escritura diferida de contraseñas funcione con ese usuario. Cada grupo indica por qué le faltan y cómo corregirlo.
summary-unreached = { $count ->
        [one] 1 usuario está
       *[other] { $count } usuarios están
    } fuera del alcance del conector (una denegación, la herencia deshabilitada, una cuenta protegida…): la escritura diferida de contraseñas falla para { $count ->
        [one] él
       *[other] ellos
    }. El paso Verificación { $count ->
        [one] lo muestra
       *[other] los enumera
    } con la corrección.
check-reach-all = El conector tendrá todos los derechos de escritura diferida sobre { $scanned ->
        [one] el único usuario
       *[other] los { $scanned } usuarios
    } del ámbito
check-reach-some = { $count } de { $scanned ->
        [one] { $scanned } usuario
       *[other] { $scanned } usuarios
    } { $count ->
        [one] quedará
       *[other] quedarán
    } fuera del alcance del conector; la escritura diferida de contraseñas falla para ellos
check-blocked-ous = { $count ->
        [one] 1 unidad organizativa o contenedor del ámbito tiene
       *[other] { $count } unidades organizativas o contenedores del ámbito tienen
    } la herencia deshabilitada: la concesión no llega a los usuarios que hay debajo. { $count ->
        [one] Agréguelo como destino:
       *[other] Agregue cada uno como destino:
    }
check-blocked-ou = { $dn } ({ $users ->
        [one] { $users } usuario
       *[other] { $users } usuarios
    })
check-pso-min-age = { $count ->
        [one] 1 usuario tiene
       *[other] { $count } usuarios tienen
    } una directiva de contraseñas específica con una vigencia mínima de la contraseña superior a 0: se rechaza un restablecimiento desde la nube justo después de un cambio. Establezca en 0 la vigencia mínima de esa directiva.
check-unexpire-ok = El conector tiene (o recibirá al conceder) "Contraseña sin expiración" en { $dn }
check-unexpire-missing = Al conector le falta "Contraseña sin expiración" en { $dn }: tras un restablecimiento puede quedar activado "El usuario debe cambiar la contraseña en el siguiente inicio de sesión". Concédalo en la raíz del dominio.
connector-not-a-user = La cuenta del conector no es una cuenta de usuario (sAMAccountType 805306368), sino { $kind }: indique la cuenta del conector de AD DS que usa Entra Connect
account-kind-computer = un equipo
account-kind-gmsa = una cuenta de servicio administrada de grupo (válida para el agente de Cloud Sync)
account-kind-other = un objeto de otro tipo
connector-locked-out = La cuenta del conector está bloqueada: la escritura diferida falla hasta que se desbloquee
connector-password-expired = La contraseña de la cuenta del conector ha expirado: establezca una nueva en AD y en Entra Connect
connector-account-expired = La cuenta del conector ha expirado: amplíe su vigencia en Active Directory
connector-privileged = La cuenta del conector tiene privilegios ({ $groups }): Entra Connect 1.4 y posteriores rechazan las cuentas de administrador; use una cuenta dedicada y sin privilegios
connector-protected-users = La cuenta del conector pertenece a Protected Users: se le rechazan los inicios de sesión NTLM; sáquela de ese grupo
reason-cannot-change-password = "El usuario no puede cambiar la contraseña" está activado en el usuario
reason-explicit-deny = una denegación explícita en el usuario le quita el derecho
reason-inherited-deny-from = una denegación heredada de { $ou } le quita el derecho
reason-inherited-deny = una denegación heredada de un nivel superior le quita el derecho
reason-inheritance-disabled = la herencia está deshabilitada en el usuario
reason-blocked-above = la herencia está deshabilitada en { $ou }, por encima del usuario
reason-admin-count = cuenta protegida (adminCount=1): AdminSDHolder rige sus permisos y SDProp los reescribe en menos de una hora en un controlador de dominio de Windows
reason-class-not-covered = clase inetOrgPerson, y la concesión solo cubre los objetos de usuario
reason-not-propagated = el permiso aún no ha llegado al usuario
reason-unknown = no se pudieron leer sus permisos
fix-cannot-change-password = Desactive "El usuario no puede cambiar la contraseña" en la cuenta (pestaña Cuenta) si el usuario debe poder restablecerla desde la nube.
fix-explicit-deny = Quite la entrada de denegación de los permisos del usuario.
fix-inherited-deny = Quite la entrada de denegación de esa unidad organizativa o saque de ella a los usuarios.
fix-inheritance-disabled = Habilite la herencia en el usuario (Seguridad > Opciones avanzadas > Habilitar herencia).
fix-blocked-above = Agregue { $ou } como destino o habilite allí la herencia.
fix-admin-count = Las cuentas de administrador quedan fuera de la escritura diferida por diseño; para incluirlas, conceda los permisos en AdminSDHolder (con advertencia) o borre adminCount en las cuentas que ya no pertenezcan a grupos de administradores.
fix-class-not-covered = Conceda los permisos con la opción de inetOrgPerson.
fix-not-propagated = Espere: en Windows, un cambio llega a todos los usuarios en menos de una hora. Vuelva a verificar más tarde.
fix-unknown = Compruebe que la cuenta conectada puede leer los permisos del usuario.
right-reset-password = Restablecer contraseña
right-change-password = Cambiar contraseña
right-write-lockout-time = Escribir lockoutTime
right-write-pwd-last-set = Escribir pwdLastSet
blocked-user = { $name } ({ $dn }) — derechos que faltan: { $rights }
reach-group = { $count } × { $reason }. { $fix }
reach-more = … y { $count } más
verify-target-ungranted = { $target } no tiene la concesión: { $count ->
        [one] su único usuario recibirá
       *[other] sus { $count } usuarios recibirán
    } los permisos en cuanto la tenga (conceda primero)
task-error-null-dacl = { $dn } no tiene ninguna DACL (una NULL DACL concede control total a todos). No se cambió nada. Asígnele primero una DACL adecuada (Seguridad > Opciones avanzadas) y vuelva a conceder los permisos.
task-error-acl-too-large = { $dn }: con la concesión, su DACL ocuparía { $bytes } bytes, más de lo que cabe en una ACL (65.535). No se cambió nada. Quite primero las entradas que no se usen.
task-error-kept-changing = { $dn }: sus permisos siguieron cambiando mientras se escribía la concesión, así que no se sobrescribió nada. Vuelva a intentarlo cuando nadie más los esté editando.
task-error-backup-refused = Se rechazó la copia de seguridad { $path }: { $why }. No se cambió nada.
task-error-partial-rollback = La reversión se detuvo en { $failed }: { $reason }. Ya deshecho: { $undone }.
task-error-partial-none = nada
backup-other-server = se hizo en { $backup }, no en { $connected } (conéctese a ese servidor o elija la copia de seguridad correcta)
backup-other-domain = pertenece a { $backup }, no a { $connected }
backup-inconsistent = su descriptor anterior a la concesión no es el escrito menos las entradas añadidas (el archivo se editó o está dañado)
backup-outside-domain = menciona { $dn }, que está fuera del dominio conectado
runbook-result-pending = a punto de escribirse (no se registró ningún resultado: la ejecución se detuvo a mitad de la escritura; su copia de seguridad lo deshace)
cli-rollback-target = { $dn } (copia de seguridad { $backup }) — entradas que se quitarán:
preflight-add-target = Añadir { $dn } como destino
## Diagnostics (issue 18)
diagnostics-log-failed = no se puede escribir el registro de diagnóstico en { $path } ({ $reason }); el asistente continúa sin él
diagnostics-title = Diagnóstico
diagnostics-log-at = Registro: { $path }
diagnostics-log-off = El registro de diagnóstico no se escribe: { $reason }
diagnostics-hint = Para una incidencia de soporte: el zip contiene los archivos de registro, el registro de auditoría, los nombres de las copias de seguridad (no su contenido), la versión de la aplicación, el sistema y la configuración — ninguna contraseña, token ni código.
diagnostics-open-folder = Abrir carpeta
diagnostics-open-failed = no se puede abrir la carpeta { $path } ({ $reason })
diagnostics-save = Guardar diagnóstico…
diagnostics-saved = Diagnóstico guardado: { $path }
diagnostics-save-failed = no se puede escribir el diagnóstico { $path } ({ $reason })
diagnostics-subtitle = Lo que el soporte necesita para investigar un problema: dónde está el registro y un zip para adjuntar a la incidencia.
diagnostics-close = Volver al asistente

## issue 16: settings and pages
targets-starttls = Usar StartTLS (una dirección ldap:// pasa a TLS)
targets-grant = Qué se concede
targets-grant-hint = Los objetos en los que se fijan los permisos; los usuarios debajo los heredan. Sin ninguno en la lista, la raíz del dominio.
targets-root = La raíz del dominio (ningún objeto en la lista)
targets-remove = Quitar
targets-add = Añadir
targets-forest = Todos los dominios del bosque
targets-inetorgperson = También los usuarios de clase inetOrgPerson
targets-adminsdholder = También AdminSDHolder (cuentas protegidas)
targets-adminsdholder-warning = Las contraseñas de los administradores pasan a poder restablecerse desde la nube. Microsoft lo desaconseja.
verify-connect-skipped = No se leyó el servidor de Connect.
busy-writing = El cambio se ha enviado y ya no se puede cancelar; sigue la relectura.
dir-error-plaintext = ldap:// sin TLS enviaría la contraseña en claro; use ldaps:// o StartTLS, o permítalo explícitamente
cli-verify-skipped = { $plane }: no leído (indique { $option })

## issue 16: the command line's help
help-usage = Uso:
help-commands = Comandos
help-options = Opciones
help-cmd-writeback-wizard = Activa de extremo a extremo la escritura diferida de contraseñas de Microsoft Entra ID: permisos de AD, Entra Connect, portal. Sin comando se abre la ventana del asistente.
help-cmd-help = Mostrar esta ayuda o la del comando indicado
help-cmd-sd = Descodificar y codificar descriptores de seguridad (base64 ⇄ SDDL)
help-cmd-sd-decode = Mostrar el SDDL de un descriptor de seguridad autorrelativo en base64
help-cmd-sd-encode = Mostrar la forma base64 autorrelativa de una cadena SDDL
help-cmd-screenshots = Guardar cada página de un recorrido de demostración como PNG (sin pantalla)
help-cmd-runbook = Escribir el runbook de la ejecución más reciente del registro de auditoría (un comando o una ventana): los cambios, las copias de seguridad, la verificación, la prueba piloto, cómo deshacer y las capturas de la ventana (sin pantalla)
help-cmd-diagnostics = Escribir un zip para una incidencia de soporte: registro de diagnóstico, registro de auditoría, nombres de las copias, versión, sistema y configuración (sin secretos)
help-cmd-log = Mostrar el registro de auditoría: cada cambio aplicado, en cada plano
help-cmd-sync = Paso 2: la escritura diferida de contraseñas en el servidor de Entra Connect
help-cmd-sync-status = Mostrar el estado de la escritura diferida del servidor de Connect y sus comprobaciones previas (con --cloud-sync: las del agente de aprovisionamiento)
help-cmd-sync-enable = Activar la escritura diferida de contraseñas y releerla (el ajuste de Cloud Sync no se puede releer; se informa como aplicado)
help-cmd-sync-disable = Desactivar la escritura diferida de contraseñas (deshacer) y releerla cuando se pueda
help-cmd-portal = Paso 3: la integración local del portal (inicio de sesión en Entra ID)
help-cmd-portal-status = Mostrar los ajustes de la integración local y las comprobaciones del inquilino
help-cmd-portal-enable = Activar «escribir contraseñas en local» y «desbloquear sin restablecer», luego releer
help-cmd-portal-disable = Desactivar ambos de nuevo (deshacer), luego releer
help-cmd-check = Paso 1, comprobación previa: conexión, cuentas, derechos, usuarios protegidos
help-cmd-grant = Paso 1: conceder los permisos de escritura diferida (copia, escritura, relectura)
help-cmd-verify = Releer los tres planos: qué usuarios puede restablecer el conector (--server), la escritura diferida en Connect (--remote), el portal (--tenant)
help-cmd-rollback = Paso 1: deshacer la concesión más reciente (o la de --backup)
help-arg-help = Mostrar la ayuda
help-arg-version = Mostrar la versión
help-arg-lang = Idioma de los mensajes (en, de, fr, es); por defecto: el del sistema
help-arg-theme = Tema: system (por defecto), light o dark
help-arg-verbose = Más detalle en el registro de diagnóstico (DEBUG; dos veces: TRACE); en la línea de comandos las líneas también salen por la salida de error
help-arg-writeback-wizard-profile = La organización que describe este perfil (TOML): la ventana se abre sobre ella en lugar de la demostración integrada, y un comando toma sus ajustes (las opciones dadas prevalecen); antes o después del comando
help-arg-profile = Perfil (TOML) con los mismos ajustes; las opciones dadas aquí prevalecen
help-arg-diagnostics-profile = Perfil (TOML) cuyos ajustes van en el zip
help-arg-base64 = El valor base64; se lee de la entrada estándar si falta
help-arg-explain = Mostrar una línea en lenguaje claro por entrada en lugar de SDDL
help-arg-sd-decode-domain-sid = SID del dominio, para escribir los grupos del dominio como alias (DA, DU, …)
help-arg-sd-encode-domain-sid = SID del dominio, para expandir los alias del dominio (DA, DU, …)
help-arg-sddl = El texto SDDL; se lee de la entrada estándar si falta
help-arg-screenshots-out = Carpeta para NN-<página>.png
help-arg-runbook-out = Carpeta para runbook.html (o runbook.md y runbook-images/)
help-arg-diagnostics-out = El zip que se escribe
help-arg-format = html (un archivo autónomo, por defecto) o md (Markdown y PNG)
help-arg-json = Mostrar un documento JSON
help-arg-log-json = Mostrar los registros como líneas JSON
help-arg-remote = El servidor de Connect, mediante la comunicación remota de PowerShell (por defecto: este equipo)
help-arg-verify-remote = El servidor de Entra Connect que se lee (comunicación remota de PowerShell; localhost para este equipo)
help-arg-cloud-sync = Cloud Sync en lugar de Entra Connect: el servidor ejecuta el agente de aprovisionamiento, y enable/disable inician sesión en el inquilino
help-arg-tenant-admin = Con --cloud-sync: el administrador del inquilino (UPN) con el que se inicia sesión. La contraseña viene de WRITEBACK_WIZARD_TENANT_ADMIN_PASSWORD o de una solicitud
help-arg-timeout = Segundos para cada operación (por defecto: 30 para el directorio, 120 para cada llamada de PowerShell)
help-arg-sync-timeout = Segundos para cada llamada de PowerShell (por defecto: 120)
help-arg-tenant = Inquilino: su dominio (contoso.onmicrosoft.com) o su id; por defecto: el del perfil, si no cualquier cuenta profesional («organizations»)
help-arg-verify-tenant = El inquilino cuyos ajustes del portal se leen (dominio o id); inicia sesión en el navegador o con --device-code
help-arg-client-id = Id. de cliente público (aplicación) para iniciar sesión; por defecto: el del perfil, si no el de Azure CLI
help-arg-device-code = Iniciar sesión con un código introducido en cualquier dispositivo en lugar del navegador
help-arg-server = Controlador de dominio: ldaps://HOST[:PUERTO] (o ldap:// con --starttls)
help-arg-starttls = Pasar ldap:// a TLS con StartTLS
help-arg-ca-file = Archivo PEM de la CA que firmó el certificado del DC
help-arg-insecure-plaintext = Permitir ldap:// sin TLS (la contraseña cruza la red en claro)
help-arg-bind-user = Cuenta para iniciar sesión: UPN, DN o DOMINIO\usuario. La contraseña viene de WRITEBACK_WIZARD_BIND_PASSWORD o de una solicitud
help-arg-connector-account = La cuenta del conector de AD DS (la que usa Entra Connect)
help-arg-targets = Objeto en el que conceder (repetible); por defecto: la raíz del dominio
help-arg-forest = Todos los dominios del bosque
help-arg-include-adminsdholder = También AdminSDHolder (permite restablecer desde la nube las cuentas de administrador)
help-arg-inetorgperson = Conceder también para objetos inetOrgPerson
help-arg-dry-run = Mostrar el plan y la diferencia SDDL; no escribir nada
help-arg-yes = No pedir confirmación
help-arg-backup = Un archivo de copia escrito por grant
## issue 15: pilot test and diagnosis
tenant-error-not-found = { $what } no se encontró en el inquilino; compruebe el nombre (su nombre principal de usuario) y vuelva a intentarlo
tenant-error-too-large = la respuesta superaba { $mib } MiB y se rechazó sin leerla; el punto de conexión no se comporta como Entra ID (compruebe WRITEBACK_WIZARD_*_URL y el proxy)
tenant-error-tenant-mismatch = el inicio de sesión terminó en el inquilino { $got }, no en el configurado { $expected }; inicie sesión con una cuenta del inquilino configurado (o corrija el inquilino en la configuración)
tenant-error-foreign-link = el servicio respondió con un enlace fuera de { $base }; no se siguió (compruebe WRITEBACK_WIZARD_*_URL y el proxy)
runbook-plane-pilot = Prueba piloto (restablecimiento en la nube → Active Directory)
runbook-action-test = prueba
runbook-setting-pwd-last-set = pwdLastSet en Active Directory
runbook-setting-pilot-result = resultado
runbook-setting-pilot-cloud = operación en la nube
runbook-setting-pilot-user = usuario piloto
prove-result-proven = Demostrado: el restablecimiento en la nube llegó a Active Directory
prove-result-failed = Error: la nube no pudo escribir la contraseña de vuelta
prove-result-unproven = No demostrado: aún no se ve ningún cambio en Active Directory
sync-error-too-large = PowerShell escribió más de { $mib } MiB y se detuvo; la respuesta del servidor de Connect no es la esperada (ejecute el comando a mano allí y revise su salida)
prove-role-authentication-administrator = Administrador de autenticación
prove-role-privileged-authentication-administrator = Administrador de autenticación con privilegios
prove-error-user-not-found = no hay ningún usuario { $user } en el inquilino; indique el nombre principal de usuario del usuario piloto (tal como lo muestra el centro de administración)
prove-error-not-synced = { $user } es un usuario solo de la nube: la escritura diferida de contraseñas solo se aplica a usuarios sincronizados desde Active Directory. Elija un usuario sincronizado (el centro de administración muestra «Sincronización local habilitada: Sí»)
prove-error-own-account = { $user } es la cuenta con la que ha iniciado sesión: Microsoft Graph no puede restablecer la propia contraseña. Elija otro usuario (normal, sincronizado)
prove-error-not-in-directory = { $user } está sincronizado, pero no se encontró en Active Directory (se probó { $tried }); compruebe que el asistente está conectado al dominio de ese usuario
prove-error-role-missing = el inquilino rechazó el restablecimiento (403): su cuenta necesita el rol { $role } (asígnelo en Entra ID > Roles y administradores y vuelva a iniciar sesión)
prove-error-consent = el permiso { $scope } no se ha concedido a la aplicación de inicio de sesión; vuelva a iniciar sesión y acéptelo (puede que un administrador deba dar su consentimiento para el inquilino)
prove-error-cancelled = la prueba se canceló antes de que cambiara nada
prove-error-cancelled-sent = la prueba se canceló después de enviar el restablecimiento: la contraseña del usuario probablemente cambió; dele la nueva contraseña mostrada o restablézcala de nuevo en el centro de administración
prove-error-status-unknown = el restablecimiento se envió, pero no se pudo leer su estado ({ $reason }); la contraseña del usuario probablemente cambió: revise el usuario en el centro de administración
prove-warning-admin-roles = este usuario tiene roles de administrador ({ $roles }): restablecerlo requiere el Administrador de autenticación con privilegios, y las cuentas de administrador suelen quedar fuera del alcance de la escritura diferida (protegidas, adminCount=1). Un piloto debería ser un usuario normal
prove-warning-roles-unknown = no se pudieron leer los roles de directorio de este usuario; asegúrese de que sea un usuario normal y no un administrador
prove-confirm = ¿Restablecer ahora en la nube la contraseña de { $user } ({ $dn })? Su contraseña actual dejará de funcionar y el usuario deberá cambiar la nueva en el próximo inicio de sesión.
prove-status-not-started = sin iniciar
prove-status-running = en curso
prove-status-succeeded = correcta
prove-status-failed = con error
prove-progress-finding-user = Buscando el usuario en el inquilino…
prove-progress-reading-directory = Leyendo el usuario en Active Directory…
prove-progress-resetting = Restableciendo la contraseña en la nube…
prove-progress-cloud = Restablecimiento en la nube: { $status } ({ $elapsed } s de un máximo de { $limit } s)
prove-progress-waiting-directory = Esperando a que cambie pwdLastSet en Active Directory ({ $elapsed } s de un máximo de { $limit } s)
prove-proven-detail = pwdLastSet de { $dn } cambió de { $before } a { $after }, después del inicio del restablecimiento a las { $started }: la escritura diferida de contraseñas funciona de extremo a extremo.
prove-failed-detail = La nube informa: { $detail }
prove-unproven-directory = La nube indica que el restablecimiento fue correcto, pero pwdLastSet de { $dn } no cambió durante la espera. Puede que el controlador de dominio leído aún no tenga el cambio (replicación entre DC: conéctese al DC en el que escribe el servidor de Connect o vuelva a probar en unos minutos), o que el servidor de Connect no lo escribiera: revise su registro de eventos (writeback-wizard diagnose, o Diagnosticar en la página Verificar).
prove-unproven-cloud = El restablecimiento en la nube no terminó en el tiempo permitido; revise el usuario en el centro de administración y el registro de eventos del servidor de Connect (writeback-wizard diagnose).
prove-new-password = Nueva contraseña de { $user } (se muestra una sola vez, no se guarda en ningún sitio; el usuario debe cambiarla en el próximo inicio de sesión): { $password }
prove-new-password-label = Nueva contraseña (se muestra una sola vez)
prove-new-password-none = La nube no devolvió la nueva contraseña: establezca una para el usuario en el centro de administración.
prove-linked-finding = El paso 1 encontró para { $dn }: { $reason } { $fix }
diag-cause-access-denied = Se denegó a la cuenta del conector el acceso al usuario (evento 33004, hr=80230626): falta el permiso en ese usuario, tiene activado «El usuario no puede cambiar la contraseña», está protegido (adminCount=1) o no hereda, o el permiso aún no le ha llegado.
diag-fix-access-denied = Ejecute Verificar (paso 1) y corrija el hallazgo del usuario: conceda el permiso en su UO, quite «El usuario no puede cambiar la contraseña», active la herencia; en Windows, cuente con hasta una hora de propagación.
diag-rule-minimum-age = la vigencia mínima de la contraseña
diag-rule-history = el historial de contraseñas
diag-rule-complexity = la complejidad o la longitud
diag-rule-any = una regla o un filtro de contraseñas
diag-cause-password-policy = Active Directory rechazó la nueva contraseña por { $rule } (evento 33008 o 6329 con 0x80230619).
diag-fix-password-policy-minimum-age = Establezca la vigencia mínima de la contraseña en 0 días (directiva de dominio predeterminada o la directiva específica del usuario), como exige Microsoft para la escritura diferida.
diag-fix-password-policy = Elija una contraseña que cumpla la directiva del dominio, o alinee la directiva (historial, complejidad, filtros) con la de la nube.
diag-cause-policy-hints = Los controladores de dominio no admiten el control de indicaciones de directiva de contraseñas (evento 6329): son anteriores a Windows Server 2016 o les falta la actualización.
diag-fix-policy-hints = Actualice los controladores de dominio a Windows Server 2016 o posterior (o instale la actualización que añade el control).
diag-cause-service-bus = El servidor de Connect no llega al servicio de restablecimiento (evento 32002, Service Bus): el 443 saliente está bloqueado o pasa por un proxy.
diag-fix-service-bus = Permita el 443 saliente desde el servidor de Connect hacia *.passwordreset.microsoftonline.com y *.servicebus.windows.net (firewall, proxy), con TLS 1.2 y .NET 4.8.
diag-cause-certificates = Al servidor de Connect le faltan certificados raíz que el servicio necesita (evento 31034).
diag-fix-certificates = Actualice los certificados raíz de confianza del servidor de Connect (Windows Update) y reinicie el servicio ADSync.
diag-cause-sam-restricted = Una directiva impide a la cuenta del conector hacer llamadas remotas a SAM (SSPR_0029).
diag-fix-sam-restricted = Permita la cuenta del conector en la GPO «Acceso de red: restringir los clientes con permiso para realizar llamadas remotas a SAM» en los controladores de dominio.
diag-cause-wrong-admin-account = La escritura diferida se configuró con una cuenta de administrador incorrecta o federada (evento 32009).
diag-fix-wrong-admin-account = Vuelva a ejecutar el asistente de Entra Connect con un administrador solo de la nube (identidad híbrida o global) y desactive y active de nuevo la escritura diferida.
diag-cause-forest-added = Se añadió un bosque después de habilitar la escritura diferida (evento 6329 con 0x8023061f).
diag-fix-forest-added = Desactive y vuelva a activar la escritura diferida de contraseñas en Entra Connect (writeback-wizard sync disable y luego sync enable).
diag-cause-reserved-characters = Un nombre de UO contiene caracteres reservados (evento 33001).
diag-fix-reserved-characters = Cambie el nombre de la UO sin los caracteres reservados o mueva los usuarios fuera de ella.
diag-cause-connector-password-too-long = La contraseña de la cuenta del conector tiene más de 256 caracteres (hr=800700CE).
diag-fix-connector-password-too-long = Asigne a la cuenta del conector de AD DS una contraseña más corta y actualícela en Entra Connect.
diag-cause-writeback-disabled = La escritura diferida de contraseñas está desactivada (en Entra Connect o en el portal): la nube cambió la contraseña y nunca se consultó a Active Directory.
diag-fix-writeback-disabled = Active la escritura diferida en los pasos 2 y 3 (writeback-wizard sync enable, writeback-wizard portal enable) y vuelva a probar.
diag-cause-healthy = La escritura diferida funciona (habilitada, iniciada o un restablecimiento escrito).
diag-fix-healthy = No hay nada que hacer.
diag-cause-unknown = Un evento que el asistente no conoce.
diag-fix-unknown = Busque su identificador junto con «password writeback», o abra un caso de soporte con el zip de diagnóstico.
diag-event = { $time } · { $source } · evento { $id }
diag-unknown-event = Su texto: { $message }
diag-event-user = Usuario: { $dn }
sspr-check-nobody = El autoservicio de restablecimiento de contraseña no está habilitado para nadie: ningún usuario puede restablecer una contraseña en la nube, así que la escritura diferida no tiene nada que escribir. Solución: centro de administración de Entra > Protección > Restablecimiento de contraseña > Propiedades > Seleccionado (un grupo) o Todos.
sspr-check-group = El autoservicio de restablecimiento de contraseña está habilitado para el grupo { $group }
sspr-check-everyone = El autoservicio de restablecimiento de contraseña está habilitado para todos los usuarios
sspr-check-unreadable = no se pudo leer quién puede usar el autoservicio de restablecimiento ({ $reason }); revise Restablecimiento de contraseña > Propiedades en el centro de administración
prove-new-password-not-terminal = La nueva contraseña de { $user } solo se muestra en un terminal (nunca se escribe en un archivo ni en una tubería); ejecute el comando en un terminal o establezca una contraseña para el usuario en el centro de administración.
cli-diag-error-since = --since { $value }: indique una duración como 30m, 2h o 1d
diag-header = Registro de eventos de { $host } desde { $since }: { $count ->
        [one] 1 entrada
       *[other] { $count } entradas
    } del servicio de restablecimiento y de la sincronización
diag-none = Sin entradas: ni el servicio de restablecimiento ni la sincronización registraron nada en ese tiempo (mire más atrás o compruebe que la escritura diferida está habilitada en este servidor).
prove-title = Probar la escritura diferida con un usuario piloto
prove-intro = Restablece en la nube la contraseña de un usuario sincronizado (Microsoft Graph) y luego lee su pwdLastSet en Active Directory: la prueba de que un restablecimiento en la nube llega a AD.
prove-user-label = Usuario piloto (nombre principal de usuario)
prove-start = Probar la escritura diferida
prove-reveal = Mostrar
prove-hide = Ocultar
prove-copy = Copiar
prove-copied = Copiado
diag-title = Registro de eventos del servidor de Connect
diag-start = Diagnosticar
diag-progress-reading = Leyendo el registro de eventos del servidor de Connect…
help-cmd-test-writeback = Demostrar la escritura diferida de extremo a extremo: restablecer en la nube la contraseña de un usuario piloto sincronizado y leer su pwdLastSet en AD (salida 0 demostrado, 1 fallido o no demostrado, 2 entrada incorrecta, 3 bloqueado)
help-cmd-diagnose = Leer el registro de eventos del servidor de Connect (servicio de restablecimiento, errores de sincronización) y explicar cada entrada con su solución
help-arg-cloud-timeout = Segundos que puede tardar el restablecimiento en la nube
help-arg-since = Hasta cuándo leer hacia atrás: 30m, 2h, 1d… (por defecto 24h)
help-arg-user = El usuario piloto (nombre principal de usuario): sincronizado desde AD, no usted, no un administrador. Su contraseña se reemplaza (una aleatoria de al menos 16 caracteres, mostrada una vez) y debe cambiarse en el siguiente inicio de sesión
help-arg-wait = Segundos de espera a que cambie pwdLastSet una vez que la nube ha tenido éxito
help-arg-test-writeback-client-id = Id. de cliente público (aplicación) para iniciar sesión en Microsoft Graph (en este comando: el cliente de Graph); por defecto: --graph-client-id o graph_client_id del perfil, si no Microsoft Graph Command Line Tools
prove-reset-now = Restablecer la contraseña ahora
diag-intro = Lee el registro de aplicación del servidor de Connect (servicio de restablecimiento, sincronización) de las últimas 24 horas y explica cada entrada con su solución.
connect-cloudsync-set = { $host }: escritura diferida de contraseñas de Cloud Sync establecida: { $state } (valor aceptado por el agente; no se puede volver a leer, compruébela en la página «Integración local» del portal)
connect-cloudsync-state = { $host }: agente de aprovisionamiento de Cloud Sync { $version }, escritura diferida de contraseñas { $state }
verify-summary = { $carrying } de { $total ->
        [one] { $total } usuario
       *[other] { $total } usuarios
    } { $carrying ->
        [one] tiene
       *[other] tienen
    } el permiso
permissions-already-granted = { $dn }: los permisos ya están concedidos, no hay nada que hacer
permissions-rolled-back = { $dn }: concesión deshecha ({ $count ->
        [one] se quitó 1 entrada
       *[other] se quitaron { $count } entradas
    })
## issue 14: forests
forest-error-domain = dominio { $domain } a través del controlador de dominio { $server }: { $reason } (indique otro controlador de ese dominio)
forest-error-referral-refused = el directorio remitió { $dn } a { $url }, que no es un controlador de dominio de los dominios de este bosque: no se siguió, no se cambió nada allí
forest-in-domain = { $text } (dominio { $domain })
cli-forest-error-domain-server = --domain-server { $value }: escriba el nombre DNS del dominio, un signo igual y su DC, p. ej. --domain-server east.corp.example=ldaps://dc1.east.corp.example
forest-verify-domain = dominio { $domain } (a través de { $server }): { $carrying } de { $total ->
        [one] { $total } usuario
       *[other] { $total } usuarios
    } { $carrying ->
        [one] tiene
       *[other] tienen
    } el permiso, { $blocked } fuera de alcance
help-arg-domain-servers = El DC de un dominio del bosque, DNS=ldaps://HOST[:PUERTO] (repetible); para los demás dominios, el DC que indica el DNS, si no el nombre del dominio
targets-domains = Dominios del bosque
targets-domains-listing = Leyendo los dominios del bosque…
targets-domains-list = Enumerar los dominios del bosque
targets-domain-dc = a través de { $server } ({ $source })
targets-dc-connected = el DC del inicio de sesión
targets-dc-given = indicado para este dominio
targets-dc-srv = indicado por el DNS
targets-dc-dns-root = el nombre del dominio; no se conoce ningún DC
## Issue 23: the token each DC builds, SRV answers, rollback of the grant's own entries
token-without-gc = no se pudieron leer los grupos de la cuenta del conector (tokenGroups); se tomaron de tokenGroupsNoGCAcceptable, que puede omitir grupos universales de otros dominios: una denegación a uno de ellos pasaría inadvertida (inicie sesión con una cuenta que pueda leer tokenGroups)
task-error-token-unreadable = no se pueden leer los grupos de { $dn } (tokenGroups), así que una denegación a uno de sus grupos pasaría inadvertida: no se evaluó nada. Inicie sesión con una cuenta que pueda leer tokenGroups de la cuenta del conector (Admins. del dominio, o «Leer tokenGroups» delegado)
srv-refused = el DNS indica { $host } como controlador del dominio { $domain } (registro _ldap._tcp.dc._msdcs.{ $domain }), un host fuera de los nombres DNS de este bosque: rechazado, la contraseña no se envió allí. Indique el DC del dominio (y el archivo de la entidad que firmó su certificado)
targets-dc-srv-refused = el DNS indicó un host fuera del bosque: rechazado; indique el DC de este dominio
backup-not-the-grant = quitaría { $entry }, que no es una de las entradas que escribe el permiso de escritura diferida (A1–A5 para una sola cuenta de conector); una copia de este asistente nunca lo hace, así que no la hizo él o fue modificada
reason-subclass-not-covered = su clase es { $class }, una subclase de user que el permiso no nombra: las entradas heredadas para objetos user no la alcanzan
fix-subclass-not-covered = Conceda usted mismo los derechos para objetos { $class } (Se aplica a: objetos { $class } descendientes), o deje esas cuentas fuera de la escritura diferida.
reason-unknown-above = no se pudo leer { $dn }, por encima del usuario, o no es una UO ni un contenedor: no se sabe si el permiso alcanza al usuario
fix-unknown-above = Inicie sesión con una cuenta que pueda leer los permisos de { $dn } y compruebe que la herencia está activada allí.
check-cannot-change = { $count } usuarios tienen «El usuario no puede cambiar la contraseña»: los restablecimientos desde la nube se escriben de vuelta, los cambios de contraseña del usuario no (quite la opción si deben cambiar su contraseña con SSPR)
cli-rollback-foreign = { $backup } no está en el registro de auditoría de este equipo: se hizo en otro lugar (archivo de un compañero) o a mano. Consulte a quien la hizo antes de restaurarla.
cli-confirm-rollback-foreign = ¿Restaurar { $count } copias que este equipo no hizo?
cli-rollback-foreign-refused = una copia que el registro de auditoría de este equipo no conoce nunca se restaura sin preguntar: ejecute rollback en un terminal y responda (--yes no lo cubre)
task-error-foreign-backup = no restaurada: { $backups } no está en el registro de auditoría de este equipo (hecha en otro lugar, por un compañero o a mano). Consulte a quien la hizo; para restaurarla de todos modos, ejecute el rollback de la línea de comandos con esta copia en un terminal, que lo pregunta.


## Issue 22: the pilot test and diagnosis follow Microsoft's documented contracts
tenant-error-graph = Microsoft Graph lo rechazó (HTTP { $status }): { $code }: { $message }
prove-error-privileged = { $user } no se prueba: la cuenta es privilegiada ({ $reasons }). Microsoft documenta que esos restablecimientos no se escriben de vuelta; elija un usuario sincronizado normal o permítalo de forma explícita («Probar de todos modos este usuario privilegiado»)
prove-error-no-password = no se pudo generar ninguna contraseña: falló la fuente aleatoria del sistema operativo
prove-warning-admin-count = adminCount=1 en Active Directory (protegida por AdminSDHolder): la cuenta del conector no puede cambiar su contraseña
prove-warning-protected-group = miembro del grupo protegido { $group }: la cuenta del conector no puede cambiar su contraseña
prove-warning-bind-account = es la cuenta con la que el asistente ha iniciado sesión en Active Directory
prove-status-unknown-future = un estado que esta versión no conoce (se sigue esperando)
diag-cause-request-received = Llegó de la nube un restablecimiento o cambio de contraseña (eventos 31001, 31006, 31009): el primer paso de toda escritura diferida.
diag-fix-request-received = No hay nada que hacer; su resultado sigue en el próximo evento (31002, 31007, 31010 cuando se escribió).
diag-cause-onboarding = Se está activando la escritura diferida de contraseñas en Entra Connect (evento 31004).
diag-fix-onboarding = No hay nada que hacer; 31005 sigue cuando esté lista.
diag-cause-offboarding = Se está desactivando, o se desactivó, la escritura diferida de contraseñas en Entra Connect (eventos 31012, 31013).
diag-fix-offboarding = No hay nada que hacer si era lo previsto; si no, vuelva a activarla (writeback-wizard sync enable).
diag-cause-reset-refused = La solicitud llegó a Active Directory, pero falló el establecimiento de la contraseña (eventos 31003, 31008, 31011): las reglas de contraseña del dominio, el derecho de restablecimiento de la cuenta del conector o una cuenta protegida.
diag-fix-reset-refused = Use una contraseña que cumpla las reglas del dominio, ejecute Verify (paso 1) para el derecho del conector sobre el usuario y no pruebe con cuentas protegidas (adminCount=1).
diag-cause-onboarding-failed = Falló la activación o desactivación de la escritura diferida (eventos 31014, 32011, 32013): derechos de administrador, un administrador federado o tráfico saliente bloqueado.
diag-fix-onboarding-failed = Permita TCP 443 saliente (y 9350–9354) hacia Service Bus y vuelva a ejecutar la configuración con un administrador no federado (solo en la nube o con sincronización de hash).
diag-cause-service-stopped = El servicio de escritura diferida o uno de sus puntos de retransmisión no está en ejecución (eventos 31016, 31044, 6800): mientras tanto fallan las solicitudes de la nube.
diag-fix-service-stopped = Reinicie el servicio ADSync en el servidor de Connect; si sigue detenido, desactive y vuelva a activar la escritura diferida.
diag-cause-service-error = Un error desconocido durante una operación de contraseña (evento 32000); el texto del evento contiene la excepción.
diag-fix-service-error = Lea la excepción del evento y luego desactive y vuelva a activar la escritura diferida; para soporte, entregue el registro de eventos y el identificador de seguimiento.
diag-cause-invalid-input = Los datos enviados al servicio web de restablecimiento no eran válidos (evento 32003).
diag-fix-invalid-input = Vuelva a intentar la operación.
diag-cause-reconfigure = Las claves o la configuración de la escritura diferida en el servidor de Connect están dañadas (eventos 32004, 32005, 32007, 32008, 32010).
diag-fix-reconfigure = Desactive y vuelva a activar la escritura diferida de contraseñas en Entra Connect (writeback-wizard sync disable y luego sync enable), lo que reescribe claves y configuración.
diag-cause-service-bus-retries = La conexión con Service Bus necesitó reintentos (evento 32014); no es grave salvo que se repita.
diag-fix-service-bus-retries = Si se repite a menudo, revise la ruta de red hacia Service Bus (latencia, ancho de banda, proxy).
diag-cause-user-not-found = No se encontró al usuario en el entorno local ni en el motor de sincronización (evento 33002, «Object could not be found»): eliminado localmente, fuera del ámbito de sincronización o un problema de sincronización.
diag-fix-user-not-found = Compruebe que el usuario sigue existiendo en AD y está en el ámbito de sincronización de este Entra Connect; revise las últimas sincronizaciones.
diag-cause-duplicate-anchor = Varios usuarios locales comparten un mismo delimitador, o el usuario tiene cuentas habilitadas en varios bosques (evento 33003, hr=80230402, «Multiple matches found»).
diag-fix-duplicate-anchor = Deje una sola cuenta habilitada por usuario en todos los bosques y use un atributo delimitador único para cada usuario.
diag-cause-account-disabled = La cuenta del usuario está deshabilitada en Active Directory (evento 33005).
diag-fix-account-disabled = Habilite la cuenta en Active Directory y vuelva a intentarlo.
diag-cause-account-locked = La cuenta del usuario está bloqueada en Active Directory (evento 33006).
diag-fix-account-locked = Desbloquee la cuenta en Active Directory y vuelva a intentarlo.
diag-cause-wrong-current-password = Un cambio de contraseña indicó una contraseña actual incorrecta (evento 33007).
diag-fix-wrong-current-password = Vuelva a intentarlo con la contraseña actual correcta.
diag-cause-ad-configuration = Un problema en la configuración de Active Directory impidió escribir la contraseña (evento 33009).
diag-fix-ad-configuration = Lea los eventos ADSync del registro de aplicaciones de ese momento para ver el error exacto.
diag-event-pilot-test = en ese momento se ejecutó la prueba piloto de { $user }
diag-error-from = no se pudo leer { $path } como registro de eventos exportado: { $reason }
prove-password-version = la versión de replicación de la contraseña en AD pasó de { $before } a { $after } (metadatos de unicodePwd: esto prueba también las repeticiones, cuando pwdLastSet sigue en 0)
prove-must-change = el usuario debe cambiar esta contraseña en el próximo inicio de sesión (pwdLastSet es 0, como pide un restablecimiento de administrador mediante Graph)
prove-allow-privileged = Probar de todos modos este usuario privilegiado (los motivos están arriba; Microsoft documenta que ese restablecimiento no se escribe de vuelta)
diag-open-exported = Abrir un registro exportado…
help-arg-allow-privileged = Probar de todos modos un usuario privilegiado (roles de directorio, adminCount=1, un grupo protegido, la cuenta de enlace): Microsoft documenta que esos restablecimientos no se escriben de vuelta
help-arg-from = Leer un registro exportado en lugar del servidor: el JSON de la línea de abajo o un archivo .evtx (--remote y --since no se usan entonces)
help-after-diagnose = Para diagnosticar sin conexión, exporte el registro en el servidor de Connect con

  { $command }

y luego ejecute `writeback-wizard diagnose --from writeback-events.json` en cualquier sitio. Un archivo .evtx (Visor de eventos: Guardar todos los eventos como…) se lee igual.


## Issue 25: every domain controller
dcs-title = Todos los controladores de dominio
dcs-explain = Replicado: los permisos del destino en ese DC proceden de la escritura del asistente (o de una posterior) y llevan la concesión. Propagado: los usuarios de muestra allí llevan las entradas heredadas. El conector restablece contraseñas a través de un DC, así que cada uno necesita ambas cosas.
dcs-heading = Controladores de dominio ({ $count })
dcs-row = { $name } ({ $host }, sitio { $site }): replicado { $replicated }, propagado { $propagated }
dcs-unreachable = { $name } ({ $host }, sitio { $site }): inaccesible — { $reason }
dcs-first-behind = primero atrasado: { $dn }
dcs-held-yes = sí
dcs-held-behind = todavía no
dcs-held-differs = distinto
dcs-held-unknown = desconocido
dcs-reachable-yes = sí
dcs-reachable-no = no
dcs-written-to = el asistente escribió aquí
dcs-connect-uses = el servidor Connect escribe aquí
dcs-read-only = de solo lectura: nunca acepta la escritura de una contraseña
dcs-connect-preferred = El servidor Connect escribe a través de sus controladores de dominio preferidos: { $dcs }
dcs-connect-locator = El servidor Connect no tiene controladores de dominio preferidos: su DC lo elige el localizador de DC (normalmente uno de su propio sitio).
dcs-connect-unknown = No se leyó el servidor Connect: se desconoce a través de qué DC escribe.
dcs-all-current = Todos los controladores de dominio tienen el cambio.
dcs-behind = Todavía no en: { $dcs }
dcs-wait-timed-out = El tiempo de espera terminó; siguen atrasados: { $dcs }
dcs-wait-cancelled = Espera detenida; siguen atrasados: { $dcs }
dcs-reading = Leyendo { $host } ({ $index } de { $total })…
dcs-wait-progress = { $current } de { $total } controladores de dominio tienen el cambio — esperado { $waited } de { $limit }
dcs-pull-confirm = ¿Pedir ahora a { $dc } que replique { $count ->
        [one] { $count } objeto
       *[other] { $count } objetos
    } desde { $source }?
dcs-pull-done = Se pidió a { $dc } que replique el cambio desde { $source } ahora.
dcs-pull-refused = { $dc } rechaza replicar a petición ({ $reason }). Ejecute esto en un controlador de dominio:
dcs-action-replicate = replicar ahora
dcs-column-dc = Controlador de dominio
dcs-column-site = Sitio
dcs-column-replicated = Replicado
dcs-column-propagated = Propagado
dcs-column-reachable = Accesible
dcs-check = Comprobar todos los controladores de dominio
dcs-wait = Esperar hasta que cada DC lo tenga
dcs-wait-limit = Esperar como máximo (minutos)
dcs-cancel = Cancelar
dcs-pull = Traerlo ahora
dcs-pull-yes = Sí, replicar ahora
dcs-pull-no = Ahora no
help-arg-verify-all-dcs = Leer también cada controlador de dominio de los dominios afectados: cuáles ya tienen el cambio (replicado, propagado) y a través de cuál escribe el servidor Connect
help-arg-verify-wait = Esperar hasta que cada controlador de dominio tenga el cambio, releyendo cada 5 s, como máximo MINUTES minutos (60 por defecto); implica --all-dcs
help-arg-verify-pull = Pedir a este controlador de dominio (su nombre DNS) que replique el cambio ahora desde aquel en que escribió el asistente; pregunta antes, queda en el registro de auditoría; implica --all-dcs


## Issue 26: the window reads well (plurals, command-line hints, SDDL, keyboard)
# Appended to a message by the command line only: the option that does it.
cli-with-option = { $text } (opción { $options })
cli-blocked-ou = --target "{ $dn }"  ({ $users ->
        [one] { $users } usuario
       *[other] { $users } usuarios
    })
permissions-subtitle-targets = La cuenta del conector recibe los derechos que necesita la escritura diferida, en los objetos de usuario descendientes { $count ->
        [one] de { $targets }
       *[other] de estos objetos: { $targets }
    }.
button-copy-sddl = Copiar SDDL
copied-sddl = SDDL copiado

## Issue 23: the window asks before a plaintext bind
targets-plaintext = Enviar la contraseña sin cifrar (LDAP en texto claro, legible por cualquiera en la red): el perfil lo pide, marque para permitirlo en esta ejecución

## Issue 22: Graph client on Targets
targets-graph-client = Cliente de Graph para la prueba piloto (id. de aplicación)
targets-graph-client-hint = vacío: Microsoft Graph Command Line Tools

## Issue 22: Cloud Sync on the portal page
portal-cloud-sync = Escritura diferida de contraseñas con la sincronización en la nube de Microsoft Entra Connect
portal-state-unknown = desconocido
portal-setting-cloud-sync = Habilitando "escritura diferida de contraseñas con la sincronización en la nube"…
portal-cloud-sync-unreported = La API del portal no informa del ajuste de sincronización en la nube: configúrelo a mano.
portal-cloud-sync-refused = La API del portal no habilitó el ajuste de sincronización en la nube: configúrelo a mano.
portal-cloud-sync-steps = Protección > Restablecimiento de contraseña > Integración local: active "Write back passwords with Microsoft Entra Connect cloud sync" y, después, Guardar.
help-arg-portal-cloud-sync = Cloud Sync elegido (o [connect] cloud_sync del perfil): también "escritura diferida de contraseñas con la sincronización en la nube"

## Issue 24A: settings
help-arg-demo = Ejecutar el comando en la organización de demostración integrada (no se lee ni se cambia nada real)
help-arg-graph-client-id = Id. de cliente público (aplicación) para Microsoft Graph (la prueba piloto); por defecto: el del perfil, si no Microsoft Graph Command Line Tools
help-arg-redirect-uri = El URI de redirección del inicio de sesión en el navegador, sin puerto, para una aplicación propia del inquilino; por defecto: el del perfil, si no http://localhost

## Issue 24D: runbook
runbook-run-window = Ejecución { $id }: la ventana del asistente, desde { $time }
runbook-run-cli = Ejecución { $id }: writeback-wizard { $command }, desde { $time }
runbook-read-back = { $plane }: { $change } en { $target }, releído tras escribir
runbook-read-failed = { $plane }: no se pudo leer ({ $reason })
runbook-no-run = el registro de auditoría { $path } aún no contiene ninguna ejecución: ejecute primero un comando (grant, sync, portal, verify, test-writeback) o el asistente, o escriba el runbook de una ejecución de demostración con --demo
runbook-no-such-run = el registro de auditoría { $path } no contiene la ejecución { $id } (el id de ejecución de cada entrada aparece en: writeback-wizard log --json)
help-arg-runbook-run = La ejecución que se escribe (su id, como en log --json) en lugar de la más reciente
