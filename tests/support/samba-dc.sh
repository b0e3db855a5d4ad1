#!/usr/bin/env bash
# samba-dc.sh — a throwaway, real Active Directory domain controller (Samba AD DC from Debian
# packages) bound to loopback only, for writeback-wizard's LDAP integration tests and CI.
# Self-contained: needs only bash, root and Debian's package archive (it apt-get installs Samba).
#
# Usage (run as root, or with sudo available):
#   samba-dc.sh start            install packages if missing, provision if needed, start the DC in
#                                     the background, wait until LDAPS answers (TLS verified with our CA),
#                                     print connection info and write it to $SDC_DIR/connection.env
#   samba-dc.sh stop             stop the DC (SIGTERM to the PID in its pid file, then its children)
#   samba-dc.sh status           exit 0 if running
#   samba-dc.sh env              print the connection info as shell assignments
#   samba-dc.sh reset            stop, restore the pristine snapshot taken after provisioning, start
#   samba-dc.sh snapshot [FILE]  stop, save the current DC state as the snapshot `reset` restores
#                                     (default $SDC_DIR/pristine.tar; e.g. after `populate`), start again
#   samba-dc.sh populate N [OU]  bulk-create N users <ou>00000.. under OU=<OU> (default Bulk: bulk00000..) via LDAPS
#   samba-dc.sh join SRC_DIR     make this SDC_DIR a second DC of the domain whose first DC lives in SRC_DIR
#                                     (`samba-tool domain join REALM DC`; its certificate is signed by the first
#                                     DC's CA), then start it. The first DC needs SDC_SERVICES with cldap, drepl
#                                     and rpc; both names must resolve (/etc/hosts). Snapshot/reset work as usual.
#   samba-dc.sh selftest         bind over verified LDAPS and read the domain root DACL (SD flags ctrl)
#   samba-dc.sh destroy          stop and delete $SDC_DIR
#   samba-dc.sh install          only install the Debian packages
# Or `source samba-dc.sh` to get sdc_start, sdc_stop, sdc_status, sdc_env, sdc_reset, ... as shell
# functions (each runs in a subshell with `set -euo pipefail`, so your shell's options are untouched).
#
# Settings (environment variables, all optional):
#   SDC_DIR=/tmp/writeback-wizard-dc  everything lives here: dc/ (the DC), pristine.tar, samba.log, connection.env
#   SDC_IP=127.0.0.1             loopback address to listen on (must be in 127.0.0.0/8). 127.0.0.1 binds
#                                127.0.0.1 + ::1; other addresses (127.0.0.2 ...) bind only that address, so
#                                several DCs can run side by side on the standard ports 389/636/3268/3269.
#   SDC_REALM=WRITEBACK.TEST  SDC_DOMAIN=WRITEBACK  SDC_HOST=dc1
#   SDC_ADMIN_PASSWORD=...       Administrator password (must meet AD complexity rules)
#   SDC_STRONG_AUTH=no           'ldap server require strong auth': no = simple bind also allowed on plain
#                                389; yes (Samba's default) = simple bind only over LDAPS/StartTLS
#   SDC_SERVICES=ldap            samba 'server services' (ldap only: no kdc/smb/dns/rpc -> fast and quiet)
#   SDC_FSYNC=0                  0 = run with TDB_NO_FSYNC=1 (10x faster writes; data may be lost on a crash,
#                                which a throwaway test DC does not care about)
#   SDC_SNAPSHOT=/path/x.tar     seed a new SDC_DIR from this snapshot (made by `snapshot` or the
#                                pristine.tar of another SDC_DIR) instead of provisioning: ~1 s instead
#                                of ~5 s; paths, listen address and TLS certificate are adapted
#   SDC_START_TIMEOUT=60  SDC_DEBUG_LEVEL=1
#
# Ports: Samba's LDAP server ports are hard-coded (389, 636, 3268, 3269) — there is no smb.conf option to
# change them; use a different loopback address (SDC_IP) or a network namespace to avoid clashes.


SDC_DIR=${SDC_DIR:-/tmp/writeback-wizard-dc}
SDC_IP=${SDC_IP:-127.0.0.1}
SDC_REALM=${SDC_REALM:-WRITEBACK.TEST}
SDC_DOMAIN=${SDC_DOMAIN:-WRITEBACK}
SDC_HOST=${SDC_HOST:-dc1}
SDC_ADMIN_PASSWORD=${SDC_ADMIN_PASSWORD:-'Passw0rd!Adm1n'}
SDC_STRONG_AUTH=${SDC_STRONG_AUTH:-no}
SDC_SERVICES=${SDC_SERVICES:-ldap}
SDC_FSYNC=${SDC_FSYNC:-0}
SDC_START_TIMEOUT=${SDC_START_TIMEOUT:-60}
SDC_DEBUG_LEVEL=${SDC_DEBUG_LEVEL:-1}

# Debian 12 package set for an AD DC (samba-ad-dc is a metapackage pulling samba, winbind,
# samba-dsdb-modules, samba-vfs-modules; samba-ad-provision holds the provisioning data and is only a
# Recommends, so name it explicitly when using --no-install-recommends).
SDC_PACKAGES=(samba samba-ad-dc samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind
              python3-samba ldb-tools ldap-utils openssl)

_sdc_derive() {
    SDC_DC_DIR="$SDC_DIR/dc"
    SDC_CONF="$SDC_DC_DIR/etc/smb.conf"
    SDC_PIDFILE="$SDC_DC_DIR/run/samba.pid"
    SDC_TLS_DIR="$SDC_DC_DIR/tls"
    SDC_LOG="$SDC_DIR/samba.log"
    SDC_PRISTINE="$SDC_DIR/pristine.tar"
    SDC_ENVFILE="$SDC_DIR/connection.env"
    local realm_lc=${SDC_REALM,,}
    SDC_DNS_DOMAIN=$realm_lc
    SDC_BASE_DN="DC=${realm_lc//./,DC=}"
    SDC_ADMIN_DN="CN=Administrator,CN=Users,$SDC_BASE_DN"
    SDC_ADMIN_UPN="Administrator@$realm_lc"
    SDC_FQDN="$SDC_HOST.$realm_lc"
    SDC_LDAPS_URL="ldaps://$SDC_IP:636"
    SDC_LDAP_URL="ldap://$SDC_IP:389"
}
_sdc_derive
SDC_SCRIPT=$(readlink -f "${BASH_SOURCE[0]}")

_sdc_log() { printf '[samba-dc %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
_sdc_now() { date +%s.%N; }
_sdc_since() { awk -v a="$1" -v b="$(_sdc_now)" 'BEGIN{printf "%.2fs", b-a}'; }

_sdc_root() {
    # Everything here needs root (apt, binding to ports < 1024, samba itself).
    if [ "$(id -u)" -ne 0 ]; then
        echo "samba-dc.sh must run as root (try: sudo $SDC_SCRIPT ...)" >&2
        return 1
    fi
}

_sdc_check_ip() {
    # Safety: only ever listen on / talk to loopback.
    case "$SDC_IP" in
        127.*) ;;
        *) echo "SDC_IP=$SDC_IP is not a 127.0.0.0/8 loopback address; refusing" >&2; return 1 ;;
    esac
}

_sdc_install() {
    _sdc_root || return 1
    if command -v samba >/dev/null && command -v samba-tool >/dev/null && command -v ldapsearch >/dev/null \
        && command -v ldbsearch >/dev/null && command -v openssl >/dev/null && [ -d /usr/share/samba/setup ]; then
        return 0
    fi
    local t0; t0=$(_sdc_now)
    _sdc_log "installing ${SDC_PACKAGES[*]}"
    # Stop the package scripts from starting smbd/nmbd/winbind/samba-ad-dc with the system-wide
    # /etc/samba/smb.conf (that would listen on 0.0.0.0:445 etc.). Debian's policy-rc.d hook is honoured
    # by invoke-rc.d and deb-systemd-invoke; only create one if the image has none.
    # The subshell's EXIT trap removes a policy-rc.d we created even if apt-get fails or is interrupted.
    local rc=0
    (
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            trap 'rm -f /usr/sbin/policy-rc.d' EXIT
            trap 'exit 130' INT TERM
            printf '#!/bin/sh\n# temporary, from samba-dc.sh: do not start daemons during apt-get\nexit 101\n' \
                > /usr/sbin/policy-rc.d || exit 1
            chmod 755 /usr/sbin/policy-rc.d || exit 1
        fi
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq || exit $?
        apt-get install -y -qq --no-install-recommends "${SDC_PACKAGES[@]}" >/dev/null || exit $?
    ) || rc=$?
    [ "$rc" = 0 ] || { _sdc_log "apt-get failed (rc=$rc)"; return "$rc"; }
    _sdc_log "packages installed in $(_sdc_since "$t0")"
}

_sdc_gen_tls() {
    # Our own small CA + server certificate with subjectAltNames for the loopback address(es), the
    # DC's FQDN and localhost, so that clients can verify TLS properly (Samba's autogenerated
    # certificate has no subjectAltName at all, so hostname/IP verification against it always fails).
    local d="$SDC_TLS_DIR" san="IP:$SDC_IP,DNS:$SDC_FQDN,DNS:localhost"
    [ "$SDC_IP" = 127.0.0.1 ] && san="$san,IP:::1"
    mkdir -p "$d" || return 1
    (
        cd "$d" &&
        umask 077 &&
        { [ -f ca.key ] && [ -f ca.pem ] ||
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 3650 \
            -keyout ca.key -out ca.pem -subj "/O=Samba test DC/CN=Samba test DC CA $SDC_FQDN" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null; } &&
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 \
            -keyout key.pem -out server.csr -subj "/O=Samba test DC/CN=$SDC_FQDN" 2>/dev/null &&
        printf '%s\n' "subjectAltName=$san" "basicConstraints=critical,CA:FALSE" \
            "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" \
            "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid" > server.ext &&
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days 825 \
            -extfile server.ext -out cert.pem 2>/dev/null &&
        rm -f server.csr server.ext &&
        chmod 600 key.pem ca.key &&    # Samba refuses a TLS key file that is not 0600
        chmod 644 ca.pem cert.pem
    ) || { _sdc_log "TLS certificate generation failed"; return 1; }
}

_sdc_conf_set() {
    # Set a [global] parameter in our smb.conf: drop any existing line for it, insert after [global].
    local key=$1 val=$2
    sed -i -e "/^\s*${key}\s*=/Id" -e "s/^\[global\]\s*\$/[global]\n\t${key} = ${val}/" "$SDC_CONF" &&
        grep -qi "^\s*${key} = ${val}\$" "$SDC_CONF"
}

_sdc_ifaces() {
    # "lo" = 127.0.0.1 and ::1. "127.0.0.N/8" = only that address (Samba matches it to lo's network).
    if [ "$SDC_IP" = 127.0.0.1 ]; then echo lo; else echo "$SDC_IP/8"; fi
}

_sdc_provision() {
    _sdc_root || return 1; _sdc_check_ip || return 1
    if [ -f "$SDC_DC_DIR/private/sam.ldb" ] && [ -f "$SDC_CONF" ]; then
        return 0
    fi
    if [ ! -f "$SDC_PRISTINE" ] && [ -n "${SDC_SNAPSHOT:-}" ]; then
        mkdir -p "$SDC_DIR"; cp "$SDC_SNAPSHOT" "$SDC_PRISTINE"
    fi
    if [ -f "$SDC_PRISTINE" ]; then
        _sdc_restore_pristine || return 1
        return 0
    fi
    _sdc_install || return 1
    local t0; t0=$(_sdc_now)
    rm -rf "$SDC_DC_DIR"
    mkdir -p "$SDC_DC_DIR"/{etc,run,log} || return 1
    _sdc_gen_tls || return 1
    local ifaces; ifaces=$(_sdc_ifaces)
    # --targetdir keeps every file (smb.conf, databases, sysvol, caches) under $SDC_DC_DIR; the other
    # options move the remaining system-wide paths (pid, sockets, logs) there too, so nothing in
    # /etc/samba, /var/lib/samba, /run/samba or /var/log/samba is touched and several DCs can coexist.
    # --dns-backend=NONE: no DNS server needed; --host-name: independent of the machine's hostname.
    _sdc_log "provisioning realm $SDC_REALM into $SDC_DC_DIR"
    TDB_NO_FSYNC=1 samba-tool domain provision \
        --realm="$SDC_REALM" --domain="$SDC_DOMAIN" --host-name="$SDC_HOST" \
        --server-role=dc --dns-backend=NONE --use-rfc2307 \
        --adminpass="$SDC_ADMIN_PASSWORD" \
        --targetdir="$SDC_DC_DIR" \
        --option="interfaces=$ifaces" \
        --option="bind interfaces only=yes" \
        --option="server services=$SDC_SERVICES" \
        --option="pid directory=$SDC_DC_DIR/run" \
        --option="ncalrpc dir=$SDC_DC_DIR/run/ncalrpc" \
        --option="winbindd socket directory=$SDC_DC_DIR/run/winbindd" \
        --option="ntp signd socket directory=$SDC_DC_DIR/run/ntp_signd" \
        --option="log file=$SDC_DC_DIR/log/log.%m" \
        --option="ldap server require strong auth=$SDC_STRONG_AUTH" \
        --option="tls enabled=yes" \
        --option="tls keyfile=$SDC_TLS_DIR/key.pem" \
        --option="tls certfile=$SDC_TLS_DIR/cert.pem" \
        --option="tls cafile=$SDC_TLS_DIR/ca.pem" \
        > "$SDC_DIR/provision.log" 2>&1 || {
            _sdc_log "provision failed, see $SDC_DIR/provision.log"; tail -20 "$SDC_DIR/provision.log" >&2; return 1; }
    printf 'dir=%s\nip=%s\n' "$SDC_DC_DIR" "$SDC_IP" > "$SDC_DC_DIR/.provisioned"
    # Pristine snapshot for `reset` (and for copying to other machines/dirs: paths are rewritten).
    tar -C "$SDC_DIR" --warning=no-file-ignored -cf "$SDC_PRISTINE" dc
    _sdc_log "provisioned in $(_sdc_since "$t0")"
}

_sdc_join() {
    # A second DC of an existing domain (SRC_DIR = the first DC's SDC_DIR, which must be running).
    local src=${1:?usage: join SRC_DIR}
    _sdc_root || return 1; _sdc_check_ip || return 1
    if [ -f "$SDC_DC_DIR/private/sam.ldb" ] && [ -f "$SDC_CONF" ]; then _sdc_start; return; fi
    if [ -f "$SDC_PRISTINE" ]; then _sdc_restore_pristine && _sdc_start; return; fi
    # shellcheck disable=SC1091
    local src_env="$src/connection.env" server
    [ -f "$src_env" ] || { _sdc_log "no $src_env: start the first DC first"; return 1; }
    server=$(sed -n 's/^SAMBA_DC_FQDN=//p' "$src_env")
    local t0; t0=$(_sdc_now)
    rm -rf "$SDC_DC_DIR"
    mkdir -p "$SDC_DC_DIR"/{etc,run,log,tls} || return 1
    cp "$src/dc/tls/ca.pem" "$src/dc/tls/ca.key" "$SDC_TLS_DIR/" || return 1
    _sdc_gen_tls || return 1
    _sdc_log "joining $SDC_FQDN to $SDC_REALM through $server"
    # NTLM (no Kerberos: no DNS to find the KDC) with the domain named, or the DC answers 0x51f.
    TDB_NO_FSYNC=1 samba-tool domain join "$SDC_REALM" DC -U "$SDC_DOMAIN\\Administrator" \
        --password="$SDC_ADMIN_PASSWORD" --use-kerberos=off --server="$server" --dns-backend=NONE \
        --targetdir="$SDC_DC_DIR" \
        --option="netbios name=${SDC_HOST^^}" \
        --option="interfaces=$(_sdc_ifaces)" \
        --option="bind interfaces only=yes" \
        --option="server services=$SDC_SERVICES" \
        --option="pid directory=$SDC_DC_DIR/run" \
        --option="ncalrpc dir=$SDC_DC_DIR/run/ncalrpc" \
        --option="winbindd socket directory=$SDC_DC_DIR/run/winbindd" \
        --option="ntp signd socket directory=$SDC_DC_DIR/run/ntp_signd" \
        --option="log file=$SDC_DC_DIR/log/log.%m" \
        --option="tls enabled=yes" \
        --option="tls keyfile=$SDC_TLS_DIR/key.pem" \
        --option="tls certfile=$SDC_TLS_DIR/cert.pem" \
        --option="tls cafile=$SDC_TLS_DIR/ca.pem" \
        > "$SDC_DIR/join.log" 2>&1 || {
            _sdc_log "join failed, see $SDC_DIR/join.log"; grep -v '^  ' "$SDC_DIR/join.log" | tail -8 >&2; return 1; }
    grep -q "tls keyfile = $SDC_TLS_DIR/key.pem" "$SDC_CONF" || { _sdc_log "join dropped the TLS options"; return 1; }
    printf 'dir=%s\nip=%s\n' "$SDC_DC_DIR" "$SDC_IP" > "$SDC_DC_DIR/.provisioned"
    tar -C "$SDC_DIR" --warning=no-file-ignored -cf "$SDC_PRISTINE" dc
    _sdc_log "joined in $(_sdc_since "$t0")"
    _sdc_start
}

_sdc_restore_pristine() {
    local t0; t0=$(_sdc_now)
    rm -rf "$SDC_DC_DIR"
    tar -C "$SDC_DIR" -xf "$SDC_PRISTINE" || return 1
    # The databases hold no absolute paths; only smb.conf does (and the TLS certificate names the
    # address). So a snapshot can be reused in another directory and/or on another loopback address.
    local old_dir old_ip
    old_dir=$(sed -n 's/^dir=//p' "$SDC_DC_DIR/.provisioned")
    old_ip=$(sed -n 's/^ip=//p' "$SDC_DC_DIR/.provisioned")
    if [ "$old_dir" != "$SDC_DC_DIR" ]; then
        sed -i "s#$old_dir#$SDC_DC_DIR#g" "$SDC_CONF"
    fi
    if [ "$old_ip" != "$SDC_IP" ]; then
        sed -i "s#^\(\s*interfaces\s*=\).*#\1 $(_sdc_ifaces)#" "$SDC_CONF"
        rm -rf "$SDC_TLS_DIR"; _sdc_gen_tls || return 1
    fi
    printf 'dir=%s\nip=%s\n' "$SDC_DC_DIR" "$SDC_IP" > "$SDC_DC_DIR/.provisioned"
    _sdc_log "restored pristine snapshot in $(_sdc_since "$t0")"
}

_sdc_pid() {
    # Print the PID of our running samba root process, or fail. Checks that the PID really is samba
    # (guards against a stale pid file whose PID was reused).
    [ -f "$SDC_PIDFILE" ] || return 1
    local pid; pid=$(tr -dc '0-9' < "$SDC_PIDFILE")
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = samba ] || return 1
    echo "$pid"
}

_sdc_status() {
    local pid
    if pid=$(_sdc_pid); then echo "running (pid $pid) on $SDC_LDAPS_URL"; return 0; fi
    echo "not running"; return 1
}

_sdc_ldaps_ok() {
    # Bind as Administrator over LDAPS, verifying the server certificate with our CA.
    LDAPTLS_CACERT="$SDC_TLS_DIR/ca.pem" LDAPTLS_REQCERT=demand \
        ldapsearch -LLL -x -o nettimeout=2 -H "$SDC_LDAPS_URL" -D "$SDC_ADMIN_DN" -w "$SDC_ADMIN_PASSWORD" \
        -b "$SDC_BASE_DN" -s base dn >/dev/null 2>&1
}

_sdc_start() {
    _sdc_root || return 1; _sdc_check_ip || return 1
    local t_all; t_all=$(_sdc_now)
    _sdc_install || return 1
    _sdc_provision || return 1
    if _sdc_pid >/dev/null; then
        _sdc_log "already running"
        _sdc_write_env; _sdc_info; return 0
    fi
    rm -f "$SDC_PIDFILE"
    # Samba cannot change its LDAP ports, and with a busy port it just exits — while a readiness probe
    # would happily talk to whatever else is listening there. So refuse up front.
    local port addr addrs=("$SDC_IP")
    [ "$SDC_IP" = 127.0.0.1 ] && addrs+=("::1")
    for addr in "${addrs[@]}"; do
        for port in 389 636 3268 3269; do
            if (exec 3<>"/dev/tcp/$addr/$port") 2>/dev/null; then
                _sdc_log "something already listens on [$addr]:$port (another DC? see 'ss -ltnp'); use another SDC_IP (e.g. 127.0.0.2) or stop it"
                return 1
            fi
        done
    done
    mkdir -p "$SDC_DC_DIR/run" "$SDC_DC_DIR/log"
    # Apply the current SDC_STRONG_AUTH setting. (samba-tool provision silently drops
    # --option="ldap server require strong auth=no" from the smb.conf it writes, so set it here.)
    _sdc_conf_set "ldap server require strong auth" "$SDC_STRONG_AUTH" || return 1
    local t0; t0=$(_sdc_now)
    local envs=()
    [ "$SDC_FSYNC" = 0 ] && envs+=(TDB_NO_FSYNC=1)
    # -F: no daemonizing of its own; setsid -f: detach into a new session so the DC survives this
    # script and is not hit by Ctrl-C / process-group kills of the caller. Its PID comes from the pid
    # file samba writes into $SDC_DC_DIR/run.
    env "${envs[@]}" setsid -f samba -F -s "$SDC_CONF" --debug-stdout -d "$SDC_DEBUG_LEVEL" \
        >>"$SDC_LOG" 2>&1 </dev/null
    local deadline=$(( $(date +%s) + SDC_START_TIMEOUT )) pid=""
    while :; do
        if [ -z "$pid" ]; then pid=$(_sdc_pid || true); fi
        if [ -n "$pid" ] && _sdc_ldaps_ok && kill -0 "$pid" 2>/dev/null; then break; fi
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            _sdc_log "samba exited during startup; last log lines:"; tail -20 "$SDC_LOG" >&2; return 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            _sdc_log "LDAPS did not answer within ${SDC_START_TIMEOUT}s; last log lines:"; tail -20 "$SDC_LOG" >&2
            _sdc_stop || true
            return 1
        fi
        sleep 0.1
    done
    _sdc_log "samba pid $pid: LDAPS answered $(_sdc_since "$t0") after start ($(_sdc_since "$t_all") in total)"
    _sdc_write_env
    _sdc_info
}

_sdc_stop() {
    local pid
    if ! pid=$(_sdc_pid); then rm -f "$SDC_PIDFILE"; _sdc_log "not running"; return 0; fi
    # Collect the whole process tree first (root -> tfork waiters -> ldap prefork master -> workers),
    # then SIGTERM the root: samba's children exit on their own when the root goes away.
    local tree=() todo=("$pid") p kids
    while [ ${#todo[@]} -gt 0 ]; do
        p=${todo[0]}; todo=("${todo[@]:1}"); tree+=("$p")
        kids=$(ps -o pid= --ppid "$p" 2>/dev/null || true)
        for k in $kids; do todo+=("$k"); done
    done
    local t0; t0=$(_sdc_now)
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do
        local alive=0
        for p in "${tree[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.1
    done
    for p in "${tree[@]}"; do
        if kill -0 "$p" 2>/dev/null; then kill -KILL "$p" 2>/dev/null || true; fi
    done
    rm -f "$SDC_PIDFILE"
    _sdc_log "stopped samba pid $pid (${#tree[@]} processes) in $(_sdc_since "$t0")"
}

_sdc_reset() {
    _sdc_stop
    [ -f "$SDC_PRISTINE" ] || { _sdc_log "no pristine snapshot at $SDC_PRISTINE"; return 1; }
    _sdc_restore_pristine || return 1
    _sdc_start
}

_sdc_snapshot() {
    local file=${1:-$SDC_PRISTINE} was_running=0 t0
    _sdc_pid >/dev/null && was_running=1
    _sdc_stop    # the databases must be quiescent to be copied consistently
    t0=$(_sdc_now)
    tar -C "$SDC_DIR" --warning=no-file-ignored -cf "$file.tmp" --exclude=dc/run --exclude=dc/log --exclude=dc/msg.sock \
        --exclude=dc/msg.lock dc && mv "$file.tmp" "$file"
    _sdc_log "snapshot written to $file ($(du -h "$file" | cut -f1)) in $(_sdc_since "$t0")"
    if [ "$was_running" = 1 ]; then _sdc_start >/dev/null; fi
}

_sdc_destroy() {
    _sdc_stop
    rm -rf "$SDC_DIR"
    _sdc_log "removed $SDC_DIR"
}

_sdc_kv() {
    # One KEY=VALUE line. Values made of "safe" characters are written literally (no quotes), so the
    # file can both be sourced by sh/bash and be parsed by splitting each line at its first '='
    # (e.g. by Rust tests). Anything else falls back to bash's %q quoting.
    local safe='^[][A-Za-z0-9_@%+=:,./!-]*$'
    if [[ $2 =~ $safe ]]; then
        printf '%s=%s\n' "$1" "$2"
    else
        printf '%s=%q\n' "$1" "$2"
    fi
}

_sdc_write_env() {
    mkdir -p "$SDC_DIR" || return 1
    {
        echo "# Samba AD DC for writeback-wizard tests (written by samba-dc.sh; KEY=VALUE, values literal)"
        _sdc_kv SAMBA_DC_LDAPS_URL "$SDC_LDAPS_URL"
        _sdc_kv SAMBA_DC_LDAP_URL "$SDC_LDAP_URL"
        if [ "$SDC_IP" = 127.0.0.1 ]; then _sdc_kv SAMBA_DC_LDAPS_URL6 "ldaps://[::1]:636"; fi
        _sdc_kv SAMBA_DC_BASE_DN "$SDC_BASE_DN"
        _sdc_kv SAMBA_DC_ADMIN_DN "$SDC_ADMIN_DN"
        _sdc_kv SAMBA_DC_ADMIN_UPN "$SDC_ADMIN_UPN"
        _sdc_kv SAMBA_DC_ADMIN_PASSWORD "$SDC_ADMIN_PASSWORD"
        _sdc_kv SAMBA_DC_CA_CERT "$SDC_TLS_DIR/ca.pem"
        _sdc_kv SAMBA_DC_REALM "$SDC_REALM"
        _sdc_kv SAMBA_DC_NETBIOS_DOMAIN "$SDC_DOMAIN"
        _sdc_kv SAMBA_DC_FQDN "$SDC_FQDN"
        _sdc_kv SAMBA_DC_SMB_CONF "$SDC_CONF"
        _sdc_kv SAMBA_DC_SAM_LDB "$SDC_DC_DIR/private/sam.ldb"
        _sdc_kv SAMBA_DC_PID "$(_sdc_pid || true)"
    } > "$SDC_ENVFILE.tmp" && mv "$SDC_ENVFILE.tmp" "$SDC_ENVFILE"
}

_sdc_env() { _sdc_write_env; cat "$SDC_ENVFILE"; }

_sdc_info() {
    cat <<EOF
Samba AD DC for tests is up.
  LDAPS URL     : $SDC_LDAPS_URL   (TLS CA: $SDC_TLS_DIR/ca.pem; cert SAN: $SDC_IP$( [ "$SDC_IP" = 127.0.0.1 ] && echo ", ::1"), $SDC_FQDN, localhost)
  LDAP URL      : $SDC_LDAP_URL    (StartTLS supported; simple bind here allowed: $( [ "$SDC_STRONG_AUTH" = no ] && echo yes || echo no))
  Base DN       : $SDC_BASE_DN
  Admin DN      : $SDC_ADMIN_DN   (or $SDC_ADMIN_UPN, or $SDC_DOMAIN\\Administrator)
  Admin password: $SDC_ADMIN_PASSWORD
  samba-tool    : samba-tool <cmd> -s $SDC_CONF -H $SDC_DC_DIR/private/sam.ldb
  Env file      : $SDC_ENVFILE
  Stop          : $SDC_SCRIPT stop   (samba pid $(_sdc_pid || echo '?'))
EOF
}

_sdc_selftest() {
    # Read the domain root's DACL with the LDAP_SERVER_SD_FLAGS_OID control (1.2.840.113556.1.4.801),
    # value BER 30 03 02 01 04 = DACL_SECURITY_INFORMATION, over certificate-verified LDAPS.
    local out len
    out=$(LDAPTLS_CACERT="$SDC_TLS_DIR/ca.pem" LDAPTLS_REQCERT=demand ldapsearch -LLL -o ldif-wrap=no -x \
        -H "$SDC_LDAPS_URL" -D "$SDC_ADMIN_DN" -w "$SDC_ADMIN_PASSWORD" -b "$SDC_BASE_DN" -s base \
        -E '!1.2.840.113556.1.4.801=::MAMCAQQ=' nTSecurityDescriptor)
    len=$(printf '%s\n' "$out" | sed -n 's/^nTSecurityDescriptor:: //p' | base64 -d | wc -c)
    [ "$len" -gt 20 ] || { echo "selftest FAILED: no nTSecurityDescriptor returned" >&2; return 1; }
    echo "selftest OK: verified LDAPS bind, domain root DACL-only security descriptor is $len bytes"
}

_sdc_populate() {
    # Bulk-create N users (no password, so disabled: fine for search/ACL tests) through LDAPS with one
    # ldapadd connection. 10k users take ~80 s (Samba's per-add cost grows with the directory size).
    # Users are <prefix>00000.. where prefix is the OU name lowercased (alphanumerics only, at most 14
    # characters: sAMAccountName is limited to 20), e.g. bulk00000 under OU=Bulk.
    # Idempotent: entries that already exist are skipped (ldapadd -c), other errors fail.
    local n=${1:?usage: populate N [OU]} ou=${2:-Bulk}
    case "$n" in ''|*[!0-9]*) echo "populate: N must be a number" >&2; return 2 ;; esac
    _sdc_pid >/dev/null || { echo "DC not running" >&2; return 1; }
    local prefix; prefix=$(printf '%s' "${ou,,}" | tr -cd 'a-z0-9' | cut -c1-14)
    [ -n "$prefix" ] || prefix=user
    local ldif="$SDC_DIR/populate-$prefix-$n.ldif" errs="$SDC_DIR/populate-$prefix-$n.err" t0 rc=0
    awk -v n="$n" -v ou="$ou" -v p="$prefix" -v base="$SDC_BASE_DN" -v dom="$SDC_DNS_DOMAIN" 'BEGIN {
        printf "dn: OU=%s,%s\nobjectClass: organizationalUnit\n\n", ou, base
        for (i = 0; i < n; i++) {
            u = sprintf("%s%05d", p, i)
            printf "dn: CN=%s,OU=%s,%s\nobjectClass: user\nsAMAccountName: %s\nuserPrincipalName: %s@%s\n", u, ou, base, u, u, dom
            printf "givenName: Bulk\nsn: User%d\ndisplayName: Bulk User %d\nmail: %s@%s\n\n", i, i, u, dom
        }
    }' > "$ldif" || return 1
    t0=$(_sdc_now)
    LDAPTLS_CACERT="$SDC_TLS_DIR/ca.pem" LDAPTLS_REQCERT=demand ldapadd -c -x -H "$SDC_LDAPS_URL" \
        -D "$SDC_ADMIN_DN" -w "$SDC_ADMIN_PASSWORD" -f "$ldif" > /dev/null 2> "$errs" || rc=$?
    local existing others
    existing=$(grep -c '^ldap_add: Already exists' "$errs" || true)
    others=$(grep '^ldap_add:' "$errs" | grep -vc 'Already exists' || true)
    if [ "$rc" != 0 ] && { [ "$others" != 0 ] || [ "$existing" = 0 ]; }; then
        _sdc_log "populate failed (ldapadd rc=$rc):"; grep -v 'Already exists' "$errs" | head -20 >&2
        rm -f "$ldif" "$errs"; return 1
    fi
    _sdc_log "OU=$ou holds users ${prefix}00000..$(printf %05d $((n > 0 ? n - 1 : 0))) ($(_sdc_since "$t0")$( [ "$existing" = 0 ] || echo "; $existing entries already existed"))"
    rm -f "$ldif" "$errs"
}

# Public API: sdc_<cmd> runs _sdc_<cmd> in a subshell with strict error handling, so the functions
# are safe to call from a sourced (interactive or CI) shell; settings are re-read on each call, so
# `SDC_IP=127.0.0.2 SDC_DIR=/tmp/dc2 sdc_start` works.
for _sdc_f in install provision join status start stop reset snapshot destroy env info selftest populate; do
    eval "sdc_$_sdc_f() ( set -euo pipefail; _sdc_derive; _sdc_$_sdc_f \"\$@\" )"
done
unset _sdc_f

# Run as a command unless sourced.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    cmd=${1:-start}; shift || true
    case "$cmd" in
        start) _sdc_start ;;
        stop) _sdc_stop ;;
        status) _sdc_status ;;
        env) _sdc_env ;;
        info) _sdc_info ;;
        reset) _sdc_reset ;;
        snapshot) _sdc_snapshot "$@" ;;
        destroy) _sdc_destroy ;;
        install) _sdc_install ;;
        provision) _sdc_provision ;;
        populate) _sdc_populate "$@" ;;
        join) _sdc_join "$@" ;;
        selftest) _sdc_selftest ;;
        *) sed -n '2,/^$/p' "$SDC_SCRIPT" >&2; exit 2 ;;
    esac
fi
