#!/usr/bin/env bash
# The project's one test command (README, .ci/run): formatting, lints, then
# every test, with a real Samba AD domain controller on loopback for the
# LDAP integration tests. Installs what it needs on a fresh Debian machine
# (Samba's packages, through tests/support/samba-dc.sh; needs root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --all-targets --locked -- -D warnings

step "test domain controller"
export SDC_DIR=${SDC_DIR:-/tmp/writeback-wizard-dc}
dc=tests/support/samba-dc.sh
started=0
if bash "$dc" status >/dev/null 2>&1; then
    bash "$dc" reset >/dev/null   # a pristine domain for every run
else
    bash "$dc" start >/dev/null
    started=1
fi
stop_dc() { [ "$started" = 1 ] && bash "$dc" stop >/dev/null 2>&1 || true; }
forest_started=()
stop_forest() {
    local one
    for one in "${forest_started[@]}"; do
        # shellcheck disable=SC2086
        env $one bash "$dc" stop >/dev/null 2>&1 || true
    done
}
trap 'stop_dc; stop_forest' EXIT
export WRITEBACK_TEST_DC_ENV="$SDC_DIR/connection.env"

step "two domain controllers of two domains (tests/forest_dc.rs, tests/forest_referrals.rs)"
# WRITEBACK.TEST on 127.0.0.4 and EAST.WRITEBACK.TEST on 127.0.0.5, each in
# its own directory; the tests make them one forest (crossRefs, one UPN).
forest_a=(SDC_DIR="${WRITEBACK_FOREST_A_DIR:-/tmp/writeback-wizard-forest-a}" SDC_IP=127.0.0.4 SDC_HOST=dca)
forest_b=(SDC_DIR="${WRITEBACK_FOREST_B_DIR:-/tmp/writeback-wizard-forest-b}" SDC_IP=127.0.0.5 SDC_HOST=dcb
          SDC_REALM=EAST.WRITEBACK.TEST SDC_DOMAIN=EAST)
start_forest_dc() {
    if env "$@" bash "$dc" status >/dev/null 2>&1; then
        env "$@" bash "$dc" reset >/dev/null
    else
        env "$@" bash "$dc" start >/dev/null
        forest_started+=("$*")
    fi
}
start_forest_dc "${forest_a[@]}"
start_forest_dc "${forest_b[@]}"
export WRITEBACK_TEST_FOREST_A_ENV="${forest_a[0]#SDC_DIR=}/connection.env"
export WRITEBACK_TEST_FOREST_B_ENV="${forest_b[0]#SDC_DIR=}/connection.env"

step "two domain controllers of one domain (tests/dcs_dc.rs)"
# REPL.TEST: repl1 on 127.0.0.11 and repl2 on 127.0.0.12, the second joined to
# the first (samba-tool domain join ... DC; needs cldap, drepl and rpc on the
# first, and both names resolvable). Joined once, then both reset to the
# joined snapshot (each `snapshot` after the join): ~2 s per run.
repl_services=ldap,cldap,drepl,rpc,kdc
repl_a=(SDC_DIR="${WRITEBACK_REPL_A_DIR:-/tmp/writeback-wizard-repl-a}" SDC_IP=127.0.0.11 SDC_HOST=repl1
        SDC_REALM=REPL.TEST SDC_DOMAIN=REPL SDC_SERVICES=$repl_services)
repl_b=(SDC_DIR="${WRITEBACK_REPL_B_DIR:-/tmp/writeback-wizard-repl-b}" SDC_IP=127.0.0.12 SDC_HOST=repl2
        SDC_REALM=REPL.TEST SDC_DOMAIN=REPL SDC_SERVICES=$repl_services)
for line in "127.0.0.11 repl1.repl.test repl1" "127.0.0.12 repl2.repl.test repl2"; do
    grep -qF "$line" /etc/hosts || echo "$line" >> /etc/hosts
done
if [ -f "${repl_b[0]#SDC_DIR=}/pristine.tar" ]; then
    start_forest_dc "${repl_a[@]}"
    start_forest_dc "${repl_b[@]}"
else
    env "${repl_a[@]}" bash "$dc" start >/dev/null
    forest_started+=("${repl_a[*]}")
    env "${repl_b[@]}" bash "$dc" join "${repl_a[0]#SDC_DIR=}" >/dev/null
    forest_started+=("${repl_b[*]}")
    env "${repl_a[@]}" bash "$dc" snapshot >/dev/null   # the first DC's pristine state knows the second
fi
export WRITEBACK_TEST_REPL_A_ENV="${repl_a[0]#SDC_DIR=}/connection.env"
export WRITEBACK_TEST_REPL_B_ENV="${repl_b[0]#SDC_DIR=}/connection.env"

step "cargo test"
# Every target built once; then every test, the DC tests too: they are
# #[ignore = "needs the Samba DC"] (a plain `cargo test` lists them as
# ignored) and fail, naming this script, when the DC settings above are
# missing. The criterion benchmarks run once each in test mode on their
# own: their harness knows no --include-ignored.
cargo test --all-targets --locked --no-run
cargo test --tests --locked --no-fail-fast -- --include-ignored
cargo test --benches --locked

step "the release binary under Xvfb"
bash tests/gui-smoke.sh

step "the demo runbook in headless Chromium"
bash tests/runbook-chromium.sh

step "the Windows build (x86_64-pc-windows-gnu)"
bash tests/windows-build.sh

step "the Windows build under Wine, and its MSI"
bash tests/windows-wine.sh
