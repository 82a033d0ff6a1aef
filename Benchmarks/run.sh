#!/usr/bin/env bash
# Benchmarks incidentmap against ogr2ogr on the same synthetic ACLED-layout CSVs, in one run, on
# six data shapes (Benchmarks/generate.py): clustered near 1,000 towns, at the towns' own points
# (as ACLED codes most events), uniform over a region with several land borders and the sea,
# uniform over Oceania far from any land border (mostly sea), uniform over the whole globe, and
# names only (placed by the gazetteer). For each it
# prints wall and CPU time, CPU/wall (how many cores were busy), peak RSS, the ratio to
# ogr2ogr's wall time and the incidents layer's size against ogr2ogr's file; then the SVG map of
# a million rows. Not a test: it asserts nothing.
#   ROWS=1000000 bash Benchmarks/run.sh      (make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
WORK=${BENCH_DIR:-/tmp/incidentmap-bench}
mkdir -p "$WORK"
# The machine's load before anything here runs (printed at the end: a busy machine skews every figure).
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
swift build -c release --product incidentmap >/dev/null
BIN=.build/release/incidentmap
SHAPES=(clustered towns uniform far globe names)
declare -A FLAG=([clustered]="" [towns]="--towns" [uniform]="--uniform" [far]="--far" [globe]="--globe" [names]="--names-only")
declare -A CSV
for s in "${SHAPES[@]}"; do
  CSV[$s]="$WORK/events-$ROWS-$s.csv"
  # shellcheck disable=SC2086
  [ -s "${CSV[$s]}" ] || python3 Benchmarks/generate.py "$ROWS" "${CSV[$s]}" ${FLAG[$s]}
done

measure() {  # label, command...: prints "wall_s cpu_s rss_mb"
  local label=$1; shift
  local log="$WORK/time.log"
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>"$WORK/stderr.log" || { echo "bench: $label failed:"; tail -5 "$WORK/stderr.log"; exit 1; }
  awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$log"
}

printf '%-34s %8s %8s %9s %8s %11s %10s %11s\n' "$ROWS rows" "wall s" "CPU s" "CPU/wall" "peak MB" "vs ogr2ogr" "layer MB" "vs ogr2ogr"
for s in "${SHAPES[@]}"; do
  rm -rf "$WORK/ogr-$s.geojson" "$WORK/layers-$s"
  read -r ow oc orss < <(measure "ogr2ogr ($s)" ogr2ogr -f GeoJSON -lco RFC7946=YES "$WORK/ogr-$s.geojson" "${CSV[$s]}" \
    -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude)
  # Names only: a name that is still ambiguous within its province takes the best candidate
  # (--accept-best), as an analyst would.
  extra=(); [ "$s" = names ] && extra=(--accept-best)
  read -r w c rss < <(measure "incidentmap ($s)" "$BIN" render "${CSV[$s]}" --geojson "${extra[@]}" -o "$WORK/layers-$s")
  osize=$(du -bm "$WORK/ogr-$s.geojson" | cut -f1); size=$(du -bm "$WORK/layers-$s/incidents.geojson" | cut -f1)
  printf '%-34s %8.2f %8.2f %9.2f %8s %11s %10s %11s\n' "ogr2ogr CSV to GeoJSON, $s" "$ow" "$oc" "$(echo "$oc / $ow" | bc -l)" "$orss" "1.00x" "$osize" "1.00x"
  printf '%-34s %8.2f %8.2f %9.2f %8s %10.2fx %10s %10.2fx\n' "incidentmap render --geojson" "$w" "$c" "$(echo "$c / $w" | bc -l)" "$rss" \
    "$(echo "$w / $ow" | bc -l)" "$size" "$(echo "$size / $osize" | bc -l)"
  # The same features as ogr2ogr wrote (one per line in both files), in the same order.
  ours=$(grep -c '^{"type":"Feature"' "$WORK/layers-$s/incidents.geojson" || true)
  theirs=$(grep -c '"type": "Feature"' "$WORK/ogr-$s.geojson" || true)
  [ "$ours" = "$theirs" ] || echo "  features differ: incidentmap $ours, ogr2ogr $theirs"
  rm -f "$WORK/ogr-$s.geojson"
done
read -r w c rss < <(measure "incidentmap --svg" "$BIN" render "${CSV[clustered]}" --svg -o "$WORK/map.svg")
printf '%-34s %8.2f %8.2f %9.2f %8s   (SVG %s KB)\n' "incidentmap render --svg, clustered" "$w" "$c" "$(echo "$c / $w" | bc -l)" "$rss" "$(du -k "$WORK/map.svg" | cut -f1)"
python3 - "$WORK/layers-clustered/incidents.geojson" "${CSV[clustered]}" <<'PY'
import csv, json, sys
# The first 1,000 features have the rows' ids and coordinates, in order.
with open(sys.argv[2], encoding="utf-8") as f:
    rows = [(r["event_id_cnty"], [round(float(r["longitude"]), 6), round(float(r["latitude"]), 6)]) for _, r in zip(range(1000), csv.DictReader(f))]
ours = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.startswith('{"type":"Feature"'):
            p = json.loads(line.strip().rstrip(","))
            ours.append((p["id"], [round(c, 6) for c in p["geometry"]["coordinates"]]))
            if len(ours) == 1000:
                break
print("first 1,000 features: the rows' ids and coordinates, in order" if ours == rows else "first 1,000 features DIFFER from the rows")
PY
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(uname -m), load average before the run $LOAD_BEFORE"
