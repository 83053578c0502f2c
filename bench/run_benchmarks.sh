#!/usr/bin/env bash
# Runs the benchmarks of an existing build and prints a compact summary with the ratios against
# the raw sqlite3 baselines. Builds nothing (see docs/PERFORMANCE.md for the build command).
#
#   bench/run_benchmarks.sh [build-dir] [--smoke]      build-dir defaults to "build"
#
# --smoke runs every benchmark once, briefly and on a small catalog, so that scripts/test can check
# they still work; its figures mean nothing and no goal is judged.
#
# Environment:
#   BENCH_REPETITIONS  repetitions of each commit benchmark (default 10)
#   BENCH_MIN_TIME     seconds of commits per repetition (default 1: fsync latency drifts, so many
#                      short runs interleaved at random beat a few long ones)
#   BENCH_OUT          where the JSON and console output go (default <build-dir>/bench-results)
#   TMPDIR             where the scratch databases live: the disk whose fsync you mean to measure,
#                      not a tmpfs
# Needs only bash, awk and coreutils, so it runs on a fresh Debian 12.
set -euo pipefail

build=build
smoke=0
for arg in "$@"; do
    case "$arg" in
        --smoke) smoke=1 ;;
        -*) echo "usage: $0 [build-dir] [--smoke]" >&2; exit 2 ;;
        *) build=$arg ;;
    esac
done
reps=${BENCH_REPETITIONS:-10}
min_time=${BENCH_MIN_TIME:-1}
out=${BENCH_OUT:-$build/bench-results}

for exe in bench_sale_commit bench_catalog bench_sync bench_master_data bench_backoffice bench_printing bench_kiosk_app; do
    if [[ ! -x "$build/bench/$exe" ]]; then
        echo "error: $build/bench/$exe not found; build it first:" >&2
        echo "  ninja -C $build bench_sale_commit bench_catalog bench_sync bench_master_data bench_backoffice bench_printing bench_kiosk_app frontdesk-kiosk" >&2
        exit 2
    fi
done
mkdir -p "$out"

scratch=${TMPDIR:-/tmp}
fstype=$(df -T "$scratch" | awk 'NR == 2 {print $2}')
echo "Frontdesk benchmarks: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores," \
     "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "scratch $scratch ($fstype)"
if [[ $fstype == tmpfs ]]; then
    echo "warning: $scratch is a tmpfs: fsync costs nothing there, so the commit figures show CPU cost only" >&2
fi

# run NAME ARGS...: runs $build/bench/bench_NAME, output to $out/NAME.{txt,json}; shows the log if it fails.
run() {
    local name=$1
    shift
    if ! "$build/bench/bench_$name" "$@" --benchmark_out="$out/$name.json" --benchmark_out_format=json \
        >"$out/$name.txt" 2>&1; then
        echo "error: bench_$name failed:" >&2
        tail -n 20 "$out/$name.txt" >&2
        exit 1
    fi
}
# startup ITEMS MEMBERS RUNS: the touchscreen started on a terminal of that size and on an empty
# one, in turn, RUNS times each (frontdesk-kiosk --first-frame: offscreen, the time from main to
# the first frame drawn and the peak resident memory); lines "big|small US KIB" in startup.txt.
startup() {
    startup_terminal="$1 items, $2 members"
    local dir
    dir=$(mktemp -d "$scratch/frontdesk-startup.XXXXXX")
    "$build/bench/bench_kiosk_app" --make_terminal="$dir/big.db" --terminal_items="$1" --terminal_members="$2" >/dev/null
    "$build/bench/bench_kiosk_app" --make_terminal="$dir/small.db" --terminal_items=0 --terminal_members=0 >/dev/null
    for ((i = 0; i < $3; i++)); do
        for db in small big; do
            "$build/kiosk/frontdesk-kiosk" --db "$dir/$db.db" --first-frame --no-on-screen-keyboard --log-level warn \
                2>/dev/null | sed -n "s/^first frame: \([0-9]*\) us, peak rss \([0-9]*\) KiB.*/$db \1 \2/p"
        done
    done >"$out/startup.txt"
    rm -rf "$dir"
    if [[ $(wc -l <"$out/startup.txt") -ne $((2 * $3)) ]]; then
        echo "error: frontdesk-kiosk --first-frame did not report every start" >&2
        exit 1
    fi
}

if ((smoke)); then
    echo "running bench_sale_commit and bench_catalog once, briefly (smoke run: the figures mean nothing) ..."
    run sale_commit --benchmark_min_time=0.01
    run catalog --catalog_items=3000 --catalog_samples=200
    run sync --benchmark_min_time=0.01 --catchup_events=500
    run master_data --apply_items=2000 --idle_sales=50
    run backoffice --sales=20000 --benchmark_repetitions=2 --benchmark_report_aggregates_only=true
    run printing --benchmark_min_time=0.01
    run kiosk_app --terminal_items=2000 --terminal_members=5000 --scan_samples=200
    startup 2000 5000 1
else
    # Repetitions interleaved at random so the commit benchmarks see the same background load;
    # the summary uses the medians (and the pooled means of the paired run).
    echo "running bench_sale_commit ($reps repetitions) ..."
    run sale_commit --benchmark_repetitions="$reps" --benchmark_min_time="$min_time" \
        --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true
    echo "running bench_catalog (imports 300,000 items first) ..."
    run catalog
    echo "running bench_sync (starts mosquitto; the catch-up run commits 100,000 sales first) ..."
    run sync
    echo "running bench_master_data (sells while a 300,000-item catalog version is applied) ..."
    run master_data
    echo "running bench_backoffice (fills a back-office database with 1,000,000 sales first) ..."
    run backoffice
    echo "running bench_printing (encodes receipts, then prints them to the printer simulator) ..."
    run printing --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
    echo "running bench_kiosk_app (a terminal of 300,000 items and 1,000,000 members, scanned through the sale screen) ..."
    run kiosk_app
    echo "starting the touchscreen 5 times on that terminal and on an empty one ..."
    startup 300000 1000000 5
fi

# GoogleBenchmark's JSON puts one "key": value per line; collect them per benchmark, with names
# shortened to BM_X[/arg][_aggregate] (dropping /iterations:N, /manual_time and /real_time).
awk -v smoke="$smoke" '
    /"name": / {
        name = $0; sub(/^[^:]*: *"/, "", name); sub(/",?[ \t\r]*$/, "", name)
        gsub(/\/iterations:[0-9]+/, "", name); sub(/\/manual_time/, "", name); sub(/\/real_time/, "", name)
        next
    }
    name != "" && /^ *"[A-Za-z0-9_]+": / {
        key = $0; sub(/^ *"/, "", key); sub(/".*/, "", key)
        value = $0; sub(/^[^:]*: */, "", value); sub(/,?[ \t\r]*$/, "", value); gsub(/"/, "", value)
        v[name, key] = value
        if (key == "error_occurred" && value == "true") failed = failed " " name
    }
    # The median when there were repetitions, else the single run.
    function pick(base) { return ((base "_median", "real_time") in v) ? base "_median" : base }
    function rate(n) { return v[n, "items_per_second"] + 0 }
    # Engine relative to raw: 1.0 = as fast as the baseline, 0.8 = 20% slower.
    function ratio(a, b) { return (rate(b) > 0) ? rate(a) / rate(b) : 0 }
    function p50ratio(a, b) { return (v[a, "p50_us"] > 0) ? v[b, "p50_us"] / v[a, "p50_us"] : 0 }
    function commit(label, n) {
        printf "  %-22s %9.1f sales/s %9.0f us/commit %7.0f us CPU\n", label, rate(n), v[n, "real_time"], v[n, "cpu_us"]
    }
    # The pooled paired figures of benchmark base: mean over the repetitions when there were some.
    function paired(base) { return ((base "_mean", "real_time") in v) ? base "_mean" : base }
    # Engine throughput relative to raw from a paired run: mean raw time / mean engine time.
    function pratio(p) { return (v[p, "engine_us"] > 0) ? v[p, "raw_us"] / v[p, "engine_us"] : 0 }
    function pairedLine(label, p) {
        printf "  %-36s %.2f  (engine %.0f us, raw %.0f us; CPU %.0f vs %.0f us)\n", label, pratio(p),
               v[p, "engine_us"], v[p, "raw_us"], v[p, "engine_cpu_us"], v[p, "raw_cpu_us"]
    }
    function lookup(label, n) {
        printf "  %-22s %8.1f %8.1f %8.1f %8.1f %9.0f/s %5d\n", label, v[n, "p50_us"], v[n, "p99_us"],
               v[n, "p99_unpreempted_us"], v[n, "real_time"], rate(n), v[n, "preempted"]
    }
    END {
        s = pick("BM_SaleCommit"); r = pick("BM_RawSqliteCommit")
        p = paired("BM_CommitPaired"); q = paired("BM_CommitPairedNoSync")
        print ""
        print "Sale commit (5-line sale, cash tender, WAL + synchronous=FULL; timed: tender + complete)"
        commit("SaleCommit", s)
        commit("RawSqliteCommit", r)
        printf "  ratio SaleCommit/Raw, separate runs  %.2f\n", ratio(s, r)
        # The paired run commits one of each per iteration, so disk latency drift hits both alike;
        # its ratio is pooled over all repetitions: mean raw time / mean engine time.
        c = pratio(p)
        pairedLine("ratio SaleCommit/Raw, paired runs", p)
        if (smoke) print "  goal: not judged in a smoke run"
        else printf "  goal: paired ratio >= 0.80: %s\n", (c >= 0.8 ? "met" : "NOT met")
        # The same pairing with synchronous=OFF on both connections: no fsync, so what is left is
        # the CPU each side spends per commit. Not a durability setting; not judged.
        print ""
        print "Sale commit without fsync (the same, synchronous=OFF on both connections: the engine'"'"'s CPU cost)"
        pairedLine("ratio SaleCommit/Raw, paired runs", q)
        printf "  engine CPU per commit                %.0f us against %.0f us raw (+%.0f us, %.2fx)\n",
               v[q, "engine_cpu_us"], v[q, "raw_cpu_us"], v[q, "engine_cpu_us"] - v[q, "raw_cpu_us"],
               (v[q, "raw_cpu_us"] > 0) ? v[q, "engine_cpu_us"] / v[q, "raw_cpu_us"] : 0

        i = "BM_CatalogImport"
        print ""
        printf "Catalog (%d items)\n", v[i, "items"]
        printf "  import                 %9.0f ms  (%.0f items/s, %.1f MB)\n", v[i, "real_time"], rate(i), v[i, "db_mb"]
        printf "  open with quick_check  %9.1f ms\n", v["BM_CatalogOpen/quick_check:1", "real_time"]
        printf "  open without check     %9.1f ms\n", v["BM_CatalogOpen/quick_check:0", "real_time"]
        # p99* leaves out the calls preempted by other processes (counted in the last column).
        printf "  %-22s %8s %8s %8s %8s %11s %5s\n", "per call (us)", "p50", "p99", "p99*", "mean", "throughput",
               "prmt"
        lookup("barcode (found)", "BM_BarcodeLookup")
        lookup("  raw sqlite3", "BM_RawBarcodeLookup")
        lookup("barcode (unknown)", "BM_BarcodeLookupUnknown")
        lookup("  raw sqlite3", "BM_RawBarcodeLookupUnknown")
        lookup("name prefix, limit 20", "BM_SearchNamePrefix")
        lookup("sku prefix, limit 20", "BM_SearchSkuPrefix")
        printf "  ratio BarcodeLookup/Raw          %.2f (throughput), %.2f (p50)\n",
               ratio("BM_BarcodeLookup", "BM_RawBarcodeLookup"), p50ratio("BM_BarcodeLookup", "BM_RawBarcodeLookup")
        printf "  ratio BarcodeLookupUnknown/Raw   %.2f (throughput), %.2f (p50)\n",
               ratio("BM_BarcodeLookupUnknown", "BM_RawBarcodeLookupUnknown"),
               p50ratio("BM_BarcodeLookupUnknown", "BM_RawBarcodeLookupUnknown")
        e = "BM_SyncEndToEnd"; w = "BM_RawMqttQos1"; u = "BM_SyncCatchUp"
        print ""
        printf "Sync through mosquitto (%d-byte envelopes)\n", v[w, "payload_bytes"]
        printf "  SyncEndToEnd           %9.0f events/s  (till outbox -> relay -> broker -> consumer commit -> ack -> synced)\n", rate(e)
        printf "  RawMqttQos1            %9.0f msgs/s    (Paho QoS 1 -> broker -> subscriber)\n", rate(w)
        printf "  ratio SyncEndToEnd/Raw %9.2f\n", ratio(e, w)
        if (smoke) print "  goal: not judged in a smoke run"
        else printf "  goal: ratio >= 0.50: %s\n", (ratio(e, w) >= 0.5 ? "met" : "NOT met")
        printf "  catch-up of a backlog  %9.0f events/s  (%d events queued while offline)\n", rate(u), v[u, "events"]
        f = "BM_IngestFull"
        printf "  IngestFull             %9.0f events/s  (the same into the back office: each sale recomputed, booked, stock moved)\n", rate(f)
        printf "  ratio IngestFull/Raw   %9.2f\n", ratio(f, w)
        m = "BM_SellDuringApply"
        print ""
        printf "Selling while a catalog version is applied (%d items; sale commit, us)\n", v[m, "items"]
        printf "  %-22s %9s %9s %9s %7s\n", "", "p50", "p99", "max", "sales"
        printf "  %-22s %9.0f %9.0f %9.0f\n", "nothing else running", v[m, "idle_p50_us"], v[m, "idle_p99_us"], v[m, "idle_max_us"]
        printf "  %-22s %9.0f %9.0f %9.0f %7d\n", "during the apply", v[m, "apply_p50_us"], v[m, "apply_p99_us"], v[m, "apply_max_us"], v[m, "apply_sales"]
        printf "  apply %.1f s, its switch held the write lock %.1f ms\n", v[m, "apply_s"], v[m, "switch_us"] / 1000
        # Back-office reports against a raw GROUP BY over the same table: medians of the
        # repetitions (p50), ratio raw p50 / report p50 (1.0 = as fast as the raw query).
        tb = pick("BM_TrialBalanceReport"); rtb = pick("BM_RawTrialBalance")
        sd = pick("BM_SalesByDayReport"); rsd = pick("BM_RawSalesByDay")
        print ""
        printf "Back-office reports (%d sales, %d journal lines, %.0f MB; filled in %.1f s; p50, ms)\n", v[tb, "sales"],
               v[tb, "journal_lines"], v[tb, "db_mb"], v[tb, "fill_s"]
        printf "  %-22s %9.1f   raw GROUP BY %9.1f   ratio %.2f\n", "trial balance", v[tb, "real_time"], v[rtb, "real_time"],
               (v[tb, "real_time"] > 0) ? v[rtb, "real_time"] / v[tb, "real_time"] : 0
        printf "  %-22s %9.1f   raw GROUP BY %9.1f   ratio %.2f\n", "sales by day", v[sd, "real_time"], v[rsd, "real_time"],
               (v[sd, "real_time"] > 0) ? v[rsd, "real_time"] / v[sd, "real_time"] : 0
        en = pick("BM_EncodeReceipt"); rb = pick("BM_RawReceiptBytes")
        pc = pick("BM_PrintConfirmed"); rp = pick("BM_RawPrintConfirmed")
        print ""
        printf "Printing (a 40-line receipt with a QR code and a Code 128 barcode, Epson TM-T88V; medians)\n"
        printf "  encode                 %9.1f us   %9.0f receipts/s  (%d bytes)\n", v[en, "real_time"], rate(en), v[en, "bytes"]
        printf "  raw bytes by hand      %9.1f us   %9.0f receipts/s\n", v[rb, "real_time"], rate(rb)
        printf "  ratio Encode/Raw       %9.3f\n", ratio(en, rb)
        printf "  printed and confirmed  %9.1f ms   %9.1f receipts/s  (printer service over TCP to the simulator)\n", v[pc, "real_time"], rate(pc)
        printf "  raw socket + GS r      %9.1f ms   %9.1f receipts/s\n", v[rp, "real_time"], rate(rp)
        printf "  ratio Print/Raw        %9.2f\n", ratio(pc, rp)
        sc = "BM_ScanToCart"; es = "BM_EngineScan"; rl = "BM_RawBarcodeLookup"
        print ""
        printf "The touchscreen: scan to cart updated (%d items, %d members; per scan, us)\n", v[sc, "items"], v[sc, "members"]
        printf "  %-40s %8s %8s\n", "", "p50", "p99"
        printf "  %-40s %8.1f %8.1f\n", "sale screen (view model, cart, totals)", v[sc, "p50_us"], v[sc, "p99_us"]
        printf "  %-40s %8.1f %8.1f\n", "engine alone (Checkout::scan)", v[es, "p50_us"], v[es, "p99_us"]
        printf "  %-40s %8.1f %8.1f\n", "raw sqlite3 barcode lookup", v[rl, "p50_us"], v[rl, "p99_us"]
        printf "  ratio p50 ScanToCart/Engine %.2f, ScanToCart/Raw %.1f\n",
               (v[es, "p50_us"] > 0) ? v[sc, "p50_us"] / v[es, "p50_us"] : 0, (v[rl, "p50_us"] > 0) ? v[sc, "p50_us"] / v[rl, "p50_us"] : 0
        if (failed != "") { print ""; print "FAILED:" failed; exit 1 }
    }
' "$out/sale_commit.json" "$out/catalog.json" "$out/sync.json" "$out/master_data.json" "$out/backoffice.json" \
    "$out/printing.json" "$out/kiosk_app.json"

# The start-up runs: medians per terminal, and the big terminal relative to the empty one.
awk -v terminal="$startup_terminal" '
    { us[$1] = us[$1] " " $2; kib[$1] = kib[$1] " " $3 }
    function median(list,    a, n, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        print ""
        printf "The touchscreen: start to first frame (offscreen; medians of %d starts each)\n", NR / 2
        printf "  %-34s %9.0f ms %9.0f MiB peak\n", "empty terminal", median(us["small"]) / 1000, median(kib["small"]) / 1024
        printf "  %-34s %9.0f ms %9.0f MiB peak\n", terminal, median(us["big"]) / 1000, median(kib["big"]) / 1024
        printf "  ratio big/empty %.2f (time), %.2f (memory)\n", median(us["big"]) / median(us["small"]), median(kib["big"]) / median(kib["small"])
    }
' "$out/startup.txt"

echo ""
echo "full output: $out/{sale_commit,catalog,sync,master_data,backoffice,printing,kiosk_app}.{txt,json}, $out/startup.txt"
