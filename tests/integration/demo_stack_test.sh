#!/usr/bin/env bash
# The demo store of scripts/demo as CI can run it (demo/stack.sh): the broker with generated
# credentials and the back office holding the demo's data, on free loopback ports; terminal t1
# plays demo/sale.jsonl syncing with it, and (in a build with the touchscreen) terminal t2 runs the
# touchscreen's offscreen session syncing too. Every event must be acknowledged and taken in once,
# with no gap, and the ledger must balance. Usage: demo_stack_test.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
store=$(mktemp -d)
demo_day=2026-11-27
# shellcheck source=../../demo/stack.sh
source "$root/demo/stack.sh"
trap 'stop_stack; rm -rf "$store"' EXIT
fail() {
    echo "FAILED: $*" >&2
    echo "--- back office log" >&2
    cat "$store/backoffice.log" >&2 || true
    exit 1
}

start_broker
load_backoffice
start_backoffice
status=0
"$build/kiosk/frontdesk-kiosk" --headless --db "$store/t1.db" --seed "$root/demo/seed.json" \
    --script "$root/demo/sale.jsonl" --clock "${demo_day}T09:00:00Z" --log-level warn \
    --credentials "$credentials" --sync-wait 60 >"$store/t1.out" 2>&1 || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || fail "the headless till exited with $status: $(cat "$store/t1.out")"

events=$(sqlite3 "$store/t1.db" "SELECT count(*) FROM outbox")
unsynced=$(sqlite3 "$store/t1.db" "SELECT count(*) FROM outbox WHERE synced_at IS NULL")
[ "$events" -ge 8 ] || fail "t1 recorded $events events, the script makes at least 8"
[ "$unsynced" -eq 0 ] || fail "$unsynced of t1's $events events were not acknowledged"

terminals=$(bo terminals --json)
echo "$terminals" | grep -q "\"upto\":$events" || fail "the back office has not taken in up to seq $events: $terminals"
echo "$terminals" | grep -q '"gaps":\[\]' || fail "the back office sees gaps: $terminals"
echo "$terminals" | grep -q '"dead_letters":0' || fail "events were dead-lettered: $(bo dead-letters)"
# Taken in once each: as many ingested events as the terminal recorded.
taken=$(sqlite3 "$backoffice_db" "SELECT count(*) FROM ingest_events WHERE terminal = 't1' AND outcome = 'applied'")
[ "$taken" -eq "$events" ] || fail "the back office took in $taken events of t1's $events"
balance=$(bo report trial-balance --json)
echo "$balance" | grep -q '"balanced":true' || fail "the ledger does not balance: $balance"
echo "$balance" | grep -q '"balanced":false' && fail "a currency does not balance: $balance"

# Terminal t2, the touchscreen's offscreen session, syncing too (builds with the touchscreen only).
if "$build/kiosk/frontdesk-kiosk" --help | grep -q -- --demo-session; then
    mkdir -p "$store/screens"
    sed 's/"terminal": "t1"/"terminal": "t2"/' "$root/demo/seed.json" >"$store/seed-t2.json"
    "$build/kiosk/frontdesk-kiosk" --demo-session "$store/screens" --seed "$store/seed-t2.json" \
        --clock "${demo_day}T09:00:00Z" --log-level warn --credentials "$credentials" --sync-wait 60 \
        >"$store/t2.out" 2>&1 || fail "the touchscreen's session failed: $(cat "$store/t2.out")"
    grep -q "acknowledged" "$store/t2.out" && fail "t2's events were not all acknowledged: $(cat "$store/t2.out")"
    t2=$(sqlite3 "$backoffice_db" "SELECT count(*) FROM ingest_events WHERE terminal = 't2' AND outcome = 'applied'")
    [ "$t2" -ge 10 ] || fail "the back office took in $t2 events of the touchscreen's session, which makes 10"
    bo terminals --json | grep -q "\"terminal\":\"t2\",\"upto\":$t2" ||
        fail "the back office sees t2 with gaps: $(bo terminals --json)"
    echo "demo store: the touchscreen's $t2 events taken in"
fi
echo "demo store: $events events from t1 acknowledged and taken in once, the ledger balanced"
