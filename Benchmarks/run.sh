#!/usr/bin/env bash
# Benchmarks incidentmap against ogr2ogr on the same synthetic ACLED-layout CSV, in one run,
# and prints wall time, rows/s, peak RSS and the ratio. Not a test: it asserts nothing.
#   ROWS=1000000 bash Benchmarks/run.sh      (make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
WORK=${BENCH_DIR:-/tmp/incidentmap-bench}
mkdir -p "$WORK"
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
swift build -c release --product incidentmap >/dev/null
BIN=.build/release/incidentmap
CSV="$WORK/events-$ROWS.csv"; NAMES="$WORK/events-$ROWS-names.csv"
[ -s "$CSV" ] || python3 Benchmarks/generate.py "$ROWS" "$CSV"
[ -s "$NAMES" ] || python3 Benchmarks/generate.py "$ROWS" "$NAMES" --names-only

measure() {  # label, command...: prints "label wall_s rss_mb"
  local label=$1; shift
  local log="$WORK/time.log"
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { echo "bench: $label failed:"; tail -5 "$log"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$log")
  echo "$label $wall $rss"
}

rm -rf "$WORK/ogr.geojson" "$WORK/layers" "$WORK/layers-names" "$WORK/map.svg"
results=()
results+=("$(measure "ogr2ogr (CSV→GeoJSON, RFC7946)" ogr2ogr -f GeoJSON -lco RFC7946=YES "$WORK/ogr.geojson" "$CSV" -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude)")
results+=("$(measure "incidentmap render --geojson" "$BIN" render "$CSV" --geojson -o "$WORK/layers")")
# Names only: placed by the gazetteer from location, admin1 and country; a name that is still
# ambiguous within its province takes the best candidate (--accept-best), as an analyst would.
results+=("$(measure "incidentmap render --geojson (names only)" "$BIN" render "$NAMES" --geojson --accept-best -o "$WORK/layers-names")")
results+=("$(measure "incidentmap render --svg" "$BIN" render "$CSV" --svg -o "$WORK/map.svg")")

reference=$(echo "${results[0]}" | awk '{print $(NF-1)}')
coordinates=$(echo "${results[1]}" | awk '{print $(NF-1)}')
printf '\n%-45s %10s %12s %10s %12s\n' "command ($ROWS rows, $(du -Lm "$CSV" | cut -f1) MB)" "wall s" "rows/s" "peak MB" "vs ogr2ogr"
for r in "${results[@]}"; do
  label=$(echo "$r" | awk '{NF -= 2; print}'); wall=$(echo "$r" | awk '{print $(NF-1)}'); rss=$(echo "$r" | awk '{print $NF}')
  printf '%-45s %10.2f %12.0f %10s %11.2fx\n' "$label" "$wall" "$(echo "$ROWS / $wall" | bc -l)" "$rss" "$(echo "$wall / $reference" | bc -l)"
done
echo
names=$(echo "${results[2]}" | awk '{print $(NF-1)}')
printf 'names only vs coordinates: %.2fx\n' "$(echo "$names / $coordinates" | bc -l)"
# The same features as ogr2ogr wrote (one per line in both files), in the same order.
ours=$(grep -c '^{"type":"Feature"' "$WORK/layers/incidents.geojson" || true)
theirs=$(grep -c '"type": "Feature"' "$WORK/ogr.geojson" || true)
echo "features: incidentmap $ours, ogr2ogr $theirs (rows $ROWS)"
python3 - "$WORK/layers/incidents.geojson" "$WORK/ogr.geojson" <<'PY'
import json, sys
def ids(path, limit=1000):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip().rstrip(",")
            if line.startswith('{ "type": "Feature"') or line.startswith('{"type":"Feature"'):
                feature = json.loads(line)
                out.append((feature["properties"].get("event_id_cnty") or feature["properties"].get("id"),
                            [round(c, 6) for c in feature["geometry"]["coordinates"]]))
                if len(out) == limit:
                    break
    return out
a, b = ids(sys.argv[1]), ids(sys.argv[2])
print("first 1,000 features: same ids and coordinates as ogr2ogr" if a == b else "first 1,000 features DIFFER from ogr2ogr's")
PY
echo "SVG size: $(du -k "$WORK/map.svg" | cut -f1) KB; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(uname -m)"
