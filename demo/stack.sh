# The demo store's services, sourced by scripts/demo: a local Mosquitto with generated
# credentials and the back office on SQLite, holding the demo's catalog, staff, members, bookings
# and block list (the same as demo/seed.json holds, so a terminal provisioned from the seed finds
# the same data when the back office's versions arrive). Everything listens on 127.0.0.1, on ports
# picked free, and runs on the demo's day.
#
# Needs: root (the repository), build (the build folder), store (the folder it keeps everything
# in), demo_day (YYYY-MM-DD). Sets: broker_port, http_port, credentials, backoffice_db, and the pids in
# stack_pids for stop_stack.

stack_pids=()

# A port nothing listens on, above the well-known ones.
free_port() {
    local port
    for _ in $(seq 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found on 127.0.0.1" >&2
    return 1
}

# Waits until something accepts connections on the port, or says which log to read.
await_port() {
    local port=$1 what=$2 log=$3
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "$what did not start on 127.0.0.1:$port:" >&2
    cat "$log" >&2
    return 1
}

stop_stack() {
    local pid
    for pid in "${stack_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${stack_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    stack_pids=()
}

# The store's broker: one user per terminal (t1 for the headless till, t2 for the touchscreen)
# and one for the back office, each with a generated password (frontdesk-tool broker init).
start_broker() {
    broker_port=$(free_port)
    "$build/tool/frontdesk-tool" broker init --store s1 --terminals t1,t2 --port "$broker_port" \
        --out "$store/broker" >/dev/null
    credentials="$store/broker/credentials.json"
    mosquitto -c "$store/broker/mosquitto.conf" >"$store/mosquitto.out" 2>&1 &
    stack_pids+=($!)
    await_port "$broker_port" "mosquitto" "$store/broker/mosquitto.log"
}

# A back-office command on the demo's database.
bo() {
    "$build/backoffice/frontdesk-backoffice" "$@" --db "$backoffice_db"
}

# The id in a command's JSON ({"id": "..."}).
json_id() {
    sed -n 's/.*"id": *"\{0,1\}\([^",}]*\)"\{0,1\}.*/\1/p'
}

# The demo store as the back office keeps it. The catalog's version is 2, one above the seed's
# price_version, so the terminals take it; its items and prices are the seed's.
load_backoffice() {
    backoffice_db="$store/backoffice.db"
    bo store add --store s1 --currency EUR >/dev/null
    bo catalog import "$root/demo/catalog.csv" --store s1 --version 2 >/dev/null
    echo 1234 | bo employee save e1 --store s1 --name "Alex Cashier" --role cashier --pin-stdin --badge 0004400101 >/dev/null
    echo 9876 | bo employee save e2 --store s1 --name "Sam Supervisor" --role supervisor --pin-stdin --badge 0004400102 >/dev/null
    echo 5555 | bo employee save e3 --store s1 --name "Morgan Manager" --role manager --pin-stdin >/dev/null
    local robin eve sam ann lee
    robin=$(bo customer add --name "Robin Example" --email robin@example.org | json_id)
    eve=$(bo customer add --name "Eve Expired" | json_id)
    sam=$(bo customer add --name "Sam Suspended" | json_id)
    ann=$(bo customer add --name "Ann Other" | json_id)
    lee=$(bo customer add --name "Lee Later" | json_id)
    bo member save M-100 --store s1 --customer "$robin" --valid-until 2027-06-30 --card MEMBER-CARD-100 >/dev/null
    bo member save M-300 --store s1 --customer "$eve" --valid-until 2026-10-31 --card MEMBER-CARD-300 >/dev/null
    bo member save M-400 --store s1 --customer "$sam" --valid-until 2027-06-30 --card MEMBER-CARD-400 --suspended >/dev/null
    # The bookings' ids are the ones their QR codes carry in the demo (and in the seed).
    bo booking add --id 01890a5d-ac96-774b-bcce-b302099a0001 --store s1 --name "Robin Example" \
        --resource "court 2" --from "${demo_day}T10:00:00Z" --to "${demo_day}T11:00:00Z" --customer "$robin" >/dev/null
    bo booking add --id 01890a5d-ac96-774b-bcce-b302099a0002 --store s1 --name "Ann Other" \
        --resource "court 1" --from "${demo_day}T12:00:00Z" --to "${demo_day}T13:00:00Z" --customer "$ann" >/dev/null
    bo booking add --id 01890a5d-ac96-774b-bcce-b302099a0003 --store s1 --name "Lee Later" --resource sauna \
        --from "$(date -u -d "$demo_day + 1 day" +%F)T09:00:00Z" --to "$(date -u -d "$demo_day + 1 day" +%F)T10:00:00Z" \
        --customer "$lee" >/dev/null
    bo visitor block --store s1 --name "Sam Spammer" --reason "sent unwanted mail to the staff" --by demo >/dev/null
    echo "demo-password" | bo user add demo --role manager >/dev/null
}

# The back office, taking in the terminals' events and publishing the store's data to them, on
# the demo's day (--clock: today's bookings are that day's), with its HTTP API.
start_backoffice() {
    http_port=$(free_port)
    "$build/backoffice/frontdesk-backoffice" --log-level warn serve --db "$backoffice_db" --credentials "$credentials" \
        --http "127.0.0.1:$http_port" --clock "${demo_day}T08:00:00Z" >"$store/backoffice.log" 2>&1 &
    stack_pids+=($!)
    await_port "$http_port" "the back office" "$store/backoffice.log"
}
