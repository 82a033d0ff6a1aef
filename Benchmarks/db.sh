#!/usr/bin/env bash
# Benchmarks the database paths on a real PostgreSQL 15 + PostGIS server started here in a
# temporary directory (as the tests do), on a synthetic ACLED-layout CSV (Benchmarks/generate.py,
# uniform over a region with several land borders):
#   - load: incidentmap load (placed, measured, COPY, upsert) against ogr2ogr writing the same CSV
#     into PostGIS, and against psql's \copy of the raw rows (the floor: no placing at all); then
#     incidentmap load of the town-coordinate and clustered files of make bench;
#   - read: render --db --table --svg against render of the same rows from the CSV file: wall
#     time, peak RSS and the rows the server sent.
# Not a test: it asserts nothing.   ROWS=1000000 bash Benchmarks/db.sh   (make bench-db)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
WORK=${BENCH_DIR:-/tmp/incidentmap-bench}
mkdir -p "$WORK"
# The machine's load before anything here runs (printed at the end: a busy machine skews every figure).
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
command -v /usr/bin/time >/dev/null || { echo "bench-db: needs GNU time (apt-get install time)" >&2; exit 1; }
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$PGBIN/initdb" ] || { echo "bench-db: needs postgresql-15 and postgresql-15-postgis-3 (make setup)" >&2; exit 1; }
swift build -c release --product incidentmap >/dev/null
BIN=.build/release/incidentmap
CSV="$WORK/events-$ROWS-uniform.csv"
[ -s "$CSV" ] || python3 Benchmarks/generate.py "$ROWS" "$CSV" --uniform

# The server: in a directory of its own, as the postgres user when run as root.
PGDIR=$(mktemp -d /tmp/incidentmap-bench-pg.XXXXXX)
AS=(); [ "$(id -u)" -eq 0 ] && { chown postgres "$PGDIR"; AS=(runuser -u postgres --); }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
trap '"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null; rm -rf "$PGDIR"' EXIT
URL="postgresql://postgres@127.0.0.1:$PORT/bench"
psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE bench"
psql -X -q "$URL" -c "CREATE EXTENSION postgis"

measure() {  # label, command...: prints "wall_s cpu_s rss_mb"
  local label=$1; shift
  local log="$WORK/time.log"
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >"$WORK/stdout.log" 2>"$WORK/stderr.log" || { echo "bench-db: $label failed:"; tail -5 "$WORK/stderr.log"; exit 1; }
  awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$log"
}
row() { printf '%-46s %8s %8s %8s %11s %12s %10s\n' "$@"; }
# The server's CPU seconds so far: the postmaster's, its live processes' (checkpointer, WAL
# writer...) and those of the sessions that ended (reaped into the postmaster's child times).
server_cpu() {
  local pm ticks
  pm=$(head -1 "$PGDIR/data/postmaster.pid"); ticks=$(getconf CLK_TCK)
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"
    for c in $(pgrep -P "$pm"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk -v t="$ticks" '{s += $1} END {printf "%.2f\n", s / t}'
}
# Each load starts on a server that has written out the one before (CHECKPOINT), and its
# server CPU is read around it.
measure_load() {  # label, command...: prints "wall_s cpu_s rss_mb server_cpu_s"
  psql -X -q "$URL" -c "CHECKPOINT"
  sleep 0.5  # the CHECKPOINT's own session ends
  local before after pm sessions
  pm=$(head -1 "$PGDIR/data/postmaster.pid")
  sessions=$(pgrep -P "$pm" | wc -l)
  before=$(server_cpu)
  read -r w c r < <(measure "$@")
  # A client's session ends after the client: its CPU reaches the postmaster's child times once
  # the postmaster has reaped it.
  for _ in $(seq 50); do [ "$(pgrep -P "$pm" | wc -l)" -le "$sessions" ] && break; sleep 0.1; done
  after=$(server_cpu)
  echo "$w $c $r $(printf '%.2f' "$(echo "$after - $before" | bc)")"
}

header=$(head -1 "$CSV")
cols=$(echo "$header" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
row "$ROWS rows, load" "wall s" "CPU s" "peak MB" "rows/s" "vs incidentmap" "server CPU s"
psql -X -q "$URL" -c "CREATE TABLE raw ($cols)"
read -r cw cc crss cs < <(measure_load "psql \\copy" psql -X -q "$URL" -c "\\copy raw FROM '$CSV' WITH (FORMAT csv, HEADER true)")
read -r ow oc orss os < <(measure_load "ogr2ogr" ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$PORT dbname=bench user=postgres" "$CSV" \
  -nln ogr -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude -a_srs EPSG:4326 -lco GEOMETRY_NAME=geom --config PG_USE_COPY YES)
read -r lw lc lrss ls < <(measure_load "incidentmap load" "$BIN" load "$CSV" --db "$URL" --table incidents)
loaded=$(cat "$WORK/stdout.log")
read -r aw ac arss as < <(measure_load "incidentmap load again" "$BIN" load "$CSV" --db "$URL" --table incidents)
again=$(cat "$WORK/stdout.log")
rate() { echo "$ROWS / $1" | bc; }
row "psql \\copy of the raw rows (no placing)" "$cw" "$cc" "$crss" "$(rate "$cw")" "$(printf '%.2fx' "$(echo "$cw / $lw" | bc -l)")" "$cs"
row "ogr2ogr CSV to PostGIS (COPY)" "$ow" "$oc" "$orss" "$(rate "$ow")" "$(printf '%.2fx' "$(echo "$ow / $lw" | bc -l)")" "$os"
row "incidentmap load (placed, measured, upsert)" "$lw" "$lc" "$lrss" "$(rate "$lw")" "1.00x" "$ls"
row "incidentmap load again (nothing changes)" "$aw" "$ac" "$arss" "$(rate "$aw")" "$(printf '%.2fx' "$(echo "$aw / $lw" | bc -l)")" "$as"
echo "  $loaded"
echo "  $again"
# The same load on the other shapes of make bench: the placing is the client's cost, and it
# depends on the data (rows at their towns' own points find each point's facts once a chunk).
for s in towns clustered; do
  f="$WORK/events-$ROWS-$s.csv"
  # shellcheck disable=SC2046
  [ -s "$f" ] || python3 Benchmarks/generate.py "$ROWS" "$f" $([ "$s" = towns ] && echo --towns)
  read -r sw sc srss ss < <(measure_load "incidentmap load ($s)" "$BIN" load "$f" --db "$URL" --table "incidents_$s")
  row "incidentmap load, $s rows" "$sw" "$sc" "$srss" "$(rate "$sw")" "$(printf '%.2fx' "$(echo "$sw / $lw" | bc -l)")" "$ss"
done

echo
row "$ROWS rows, read" "wall s" "CPU s" "peak MB" "rows sent" "vs CSV file"
read -r fw fc frss < <(measure "render CSV" "$BIN" render "$CSV" --svg -o "$WORK/db-file.svg")
# Every column text: the rows stream through the cursor (the server cannot vouch for text dates).
read -r dw dc drss < <(measure "render --db (text columns)" "$BIN" render --db "$URL" --table raw --svg -o "$WORK/db-table.svg")
# Typed columns (date, float8, int): the server groups the rows into the map's cells.
psql -X -q "$URL" -c "CREATE TABLE typed AS SELECT event_id_cnty, event_date::date AS event_date, event_type, sub_event_type, actor1,
  country, admin1, location, latitude::float8 AS latitude, longitude::float8 AS longitude, geo_precision, source,
  NULLIF(fatalities, '')::int AS fatalities FROM raw"
read -r gw gc grss < <(measure "render --db (typed columns)" "$BIN" render --db "$URL" --table typed --svg -o "$WORK/db-typed.svg")
cells=$(grep -o 'into [0-9,]* cells' "$WORK/stderr.log" | tr -dc '0-9')
row "render CSV file --svg" "$fw" "$fc" "$frss" "-" "1.00x"
row "render --db, text columns (cursor, every row)" "$dw" "$dc" "$drss" "$ROWS" "$(printf '%.2fx' "$(echo "$dw / $fw" | bc -l)")"
row "render --db, typed columns (cells by server)" "$gw" "$gc" "$grss" "${cells:-?}" "$(printf '%.2fx' "$(echo "$gw / $fw" | bc -l)")"
for t in table typed; do
  cmp -s <(sed 's/"command":"[^"]*"//' "$WORK/db-file.svg") <(sed 's/"command":"[^"]*"//' "$WORK/db-$t.svg") \
    && echo "  db-$t.svg is byte-identical to the file's map but for the command line" || echo "  db-$t.svg differs from the file's map"
done
psql -X -A -t "$URL" -c "SELECT 'table sizes: incidents ' || pg_size_pretty(pg_total_relation_size('incidents')) || ' (' || (pg_total_relation_size('incidents') / $ROWS) || ' bytes a row with indexes), raw text ' || pg_size_pretty(pg_total_relation_size('raw'))"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), load average before the run $LOAD_BEFORE"
