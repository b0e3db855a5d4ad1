#!/usr/bin/env bash
# Benchmarks of step 1 against a real Samba AD DC holding 10,000 users
# (built once, then restored from a snapshot):
#  1. the access audit: `writeback-wizard verify` (RootDSE, account lookup,
#     token, schema, the containers and the paged DACL scan, with the access
#     check on every user) against `ldapsearch`
#     fetching the same entries with the same controls, in the same run;
#  2. `grant` end to end (bind, discover, read, write, read back): median of
#     10 runs (each undone by `rollback`, which is not timed);
#  3. `verify --all-dcs` against `verify` on this one DC (issue 25: the DC
#     table may cost at most 1.1x): best of 3 each, alternating.
# Usage: bash benches/ldap-audit.sh   (root; uses its own DC on 127.0.0.2,
#        or BENCH_DC_IP)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export SDC_DIR=${BENCH_DC_DIR:-/tmp/writeback-wizard-bench-dc} SDC_IP=${BENCH_DC_IP:-127.0.0.2}
dc=tests/support/samba-dc.sh
snapshot=$SDC_DIR/../writeback-wizard-bench-10k.tar
users=10000

if [ -f "$snapshot" ] && ! [ -d "$SDC_DIR/dc" ]; then
    SDC_SNAPSHOT=$snapshot bash "$dc" start >/dev/null
else
    bash "$dc" start >/dev/null
fi
set -a; . "$SDC_DIR/connection.env"; set +a
export LDAPTLS_CACERT=$SAMBA_DC_CA_CERT LDAPTLS_REQCERT=demand
count() {
    ldapsearch -LLL -x -H "$SAMBA_DC_LDAPS_URL" -D "$SAMBA_DC_ADMIN_DN" -w "$SAMBA_DC_ADMIN_PASSWORD" \
        -E pr=1000/noprompt -b "$SAMBA_DC_BASE_DN" '(&(objectCategory=person)(objectClass=user))' 1.1 \
        | grep -c '^dn:' || true
}
if [ "$(count)" -lt "$users" ]; then
    echo "building the $users-user fixture (about 80 s, once)" >&2
    bash "$dc" populate "$users" >/dev/null
    bash "$dc" snapshot "$snapshot" >/dev/null
fi
n=$(count)

cargo build --release --locked -q
bin=target/release/writeback-wizard
# The connector account: created once, kept in the snapshot's later runs.
if ! ldapsearch -LLL -x -H "$SAMBA_DC_LDAPS_URL" -D "$SAMBA_DC_ADMIN_DN" -w "$SAMBA_DC_ADMIN_PASSWORD" \
    -b "$SAMBA_DC_BASE_DN" '(sAMAccountName=bench-aadc)' dn | grep -c '^dn:' >/dev/null; then
    pw=$(printf '"Bench!Pass1"' | iconv -t UTF-16LE | base64 -w0)
    printf 'dn: CN=bench-aadc,CN=Users,%s\nobjectClass: user\nsAMAccountName: bench-aadc\nunicodePwd:: %s\nuserAccountControl: 512\n' \
        "$SAMBA_DC_BASE_DN" "$pw" | ldapadd -x -H "$SAMBA_DC_LDAPS_URL" -D "$SAMBA_DC_ADMIN_DN" \
        -w "$SAMBA_DC_ADMIN_PASSWORD" >/dev/null
fi
export WRITEBACK_WIZARD_BIND_PASSWORD=$SAMBA_DC_ADMIN_PASSWORD
export WRITEBACK_WIZARD_DATA_DIR=$(mktemp -d)
args=(--server "$SAMBA_DC_LDAPS_URL" --ca-file "$SAMBA_DC_CA_CERT" --bind-user "$SAMBA_DC_ADMIN_DN"
      --connector-account bench-aadc)

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", b-a}'; }

best_ours=999 best_ldapsearch=999 best_scan=999
for _ in 1 2 3; do
    t0=$(now)
    ldapsearch -LLL -o ldif-wrap=no -x -H "$SAMBA_DC_LDAPS_URL" -D "$SAMBA_DC_ADMIN_DN" \
        -w "$SAMBA_DC_ADMIN_PASSWORD" -E '!1.2.840.113556.1.4.801=::MAMCAQQ=' -E pr=1000/noprompt \
        -b "$SAMBA_DC_BASE_DN" '(&(objectCategory=person)(objectClass=user))' \
        nTSecurityDescriptor adminCount sAMAccountName objectClass objectSid >/dev/null
    t1=$(now)
    "$bin" --lang en verify "${args[@]}" --json >"$WRITEBACK_WIZARD_DATA_DIR/verify.json"
    t2=$(now)
    l=$(secs "$t0" "$t1"); o=$(secs "$t1" "$t2")
    s=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["audit"]["seconds"])' \
        "$WRITEBACK_WIZARD_DATA_DIR/verify.json")
    best_scan=$(awk -v a="$best_scan" -v b="$s" 'BEGIN{print (b<a)?b:a}')
    best_ldapsearch=$(awk -v a="$best_ldapsearch" -v b="$l" 'BEGIN{print (b<a)?b:a}')
    best_ours=$(awk -v a="$best_ours" -v b="$o" 'BEGIN{print (b<a)?b:a}')
done
awk -v n="$n" -v l="$best_ldapsearch" -v o="$best_ours" -v s="$best_scan" 'BEGIN{
    printf "audit of %d users (best of 3): ldapsearch %.2f s = %.0f entries/s\n", n, l, n/l
    printf "  writeback-wizard audit scan (paged, DACL only, evaluated): %.2f s = %.0f entries/s; ratio %.2f\n",
        s, n/s, (n/s)/(n/l)
    printf "  writeback-wizard verify end to end (+ bind, discovery, account lookup): %.2f s = %.0f entries/s; ratio %.2f\n",
        o, n/o, (n/o)/(n/l) }'

best_plain=999 best_all=999
for _ in 1 2 3; do
    t0=$(now)
    "$bin" --lang en verify "${args[@]}" --json >/dev/null
    t1=$(now)
    "$bin" --lang en verify "${args[@]}" --all-dcs --json >"$WRITEBACK_WIZARD_DATA_DIR/all-dcs.json"
    t2=$(now)
    best_plain=$(awk -v a="$best_plain" -v b="$(secs "$t0" "$t1")" 'BEGIN{print (b<a)?b:a}')
    best_all=$(awk -v a="$best_all" -v b="$(secs "$t1" "$t2")" 'BEGIN{print (b<a)?b:a}')
done
dcs=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["dcs"]["dcs"]))' \
    "$WRITEBACK_WIZARD_DATA_DIR/all-dcs.json")
awk -v p="$best_plain" -v a="$best_all" -v d="$dcs" 'BEGIN{
    printf "verify --all-dcs on %d DC(s) (best of 3): %.3f s vs verify %.3f s: ratio %.3f (target <= 1.1)\n", d, a, p, a/p }'

times=()
for _ in $(seq 10); do
    t0=$(now)
    "$bin" --lang en grant "${args[@]}" --yes >/dev/null
    t1=$(now)
    times+=("$(secs "$t0" "$t1")")
    "$bin" --lang en rollback "${args[@]}" --yes >/dev/null
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{printf "grant end to end, %d users under the root: median of %d runs %.3f s (min %.3f, max %.3f)\n", '"$n"', NR, (a[5]+a[6])/2, a[1], a[NR]}'

bash "$dc" stop >/dev/null
rm -rf "$WRITEBACK_WIZARD_DATA_DIR"
