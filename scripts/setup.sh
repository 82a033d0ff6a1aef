#!/usr/bin/env bash
# Installs the Debian packages incidentmap needs to build, test and render:
#   libproj-dev  PROJ's C library and headers (the Projection module links it)
#   libgeos-dev  GEOS's C library and headers (the Topology module clips and simplifies areas with it)
#   proj-bin     cs2cs and geod, the reference tools the projection tests compare with
#   gdal-bin     ogrinfo/ogr2ogr, which read every GeoJSON layer in the tests
#   librsvg2-bin rsvg-convert, which renders every SVG in the tests (and the README picture)
#   libxml2-utils xmllint, which checks every SVG is well-formed XML
#   zlib1g-dev   zlib's headers (the PNG of the relief an SVG embeds is deflated with it)
#   pkg-config   how SwiftPM finds PROJ, GEOS and zlib
#   fonts-dejavu-core  the sans-serif the SVG's font stack falls back to when rendered here
#   fonts-noto-core    Noto Naskh Arabic, Noto Sans Arabic and Noto Nastaliq Urdu for --lang fa|ar|ps|ur
#                      (12 MB download, 42 MB installed; fonts-noto-extra, 72 MB, adds nothing these need)
#   python3-html5lib   the HTML5 parser the report tests validate report.html with
#   libpq-dev    PostgreSQL's C client library and headers (--db and load talk to the server with it)
#   postgresql-15 postgresql-15-postgis-3  the server and PostGIS the database tests start in a
#                temporary directory (initdb/pg_ctl; nothing is started as a service by the tests)
# Installs only what is missing; uses sudo when not root.
set -euo pipefail
packages=(libproj-dev libgeos-dev zlib1g-dev proj-bin gdal-bin librsvg2-bin libxml2-utils pkg-config fonts-dejavu-core fonts-noto-core python3-html5lib libpq-dev postgresql-15 postgresql-15-postgis-3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
