#!/usr/bin/env bash
# Build Gazetteer/data/city_names.tsv: the names of the world's time-zone cities in the map
# languages (ar, fa, fr, ps, ru, uk, ur) as the Unicode CLDR 41 writes them ("Moscou", "Le Caire",
# "Téhéran"), joined to the GeoNames places of places.tsv (build_city_names.py says how). CLDR is
# read from Debian's unicode-cldr-core package, downloaded and extracted, never installed (the
# Unicode licence, Unicode-DFS-2016, is LICENSE-CLDR-Unicode-DFS-2016.txt beside this script).
# Run after Gazetteer/build.sh (it reads places, countries and provinces).  Usage:
#
#     bash Gazetteer/build_city_names.sh            # does nothing if up to date
#     GAZETTEER_FORCE=1 bash Gazetteer/build_city_names.sh
#
# A stamp of its own (data/.city-names-stamp), whose recipe includes the base build's stamp, so
# that a rebuilt base rebuilds the names.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${GAZETTEER_CACHE:-/tmp/incidentmap-gazetteer-cache}"
OUT="$HERE/data"
OUTPUTS=(city_names.tsv)
STAMP="$OUT/.city-names-stamp"

CLDR_DEB="unicode-cldr-core"
CLDR_VERSION="41-0.1"    # Debian bookworm
SHA_DEB="35d30d5d3bee4d8244e95236259c4c2a0db06e21bad696515751fcfeee4d0260"
# The files build_city_names.py reads, under usr/share/unicode/cldr/common.
FILES=(main/root.xml main/en.xml main/ar.xml main/fa.xml main/fr.xml main/ps.xml main/ru.xml main/uk.xml
       main/ur.xml bcp47/timezone.xml)
SHAS=(
    "460c64fe80c23cb1ebde8760012c8692da2ceaf1d9e9dd3855679af045caac67"   # main/root.xml
    "72ed86332d205277872770ef4ea760c765d87e2628d8f141751a819dd6efc2f5"   # main/en.xml
    "aacb91982adcc3677f0110f6e9065825afbfaa9cd9b0f65fa768acb277e382d2"   # main/ar.xml
    "3ce2566a9374a8656ea7be71460167a11097f1045b132a591f675b5a32889756"   # main/fa.xml
    "ff3b119acd12a6da6cae25bb5c83607ebc216b054b6a8833915e235d26aafc8f"   # main/fr.xml
    "139820be26997c56dd1d7d810d4f077ace9e7c1c5faedee34d798f3b3f63fac1"   # main/ps.xml
    "f0eff9d59cd4ab067654911f7a6c1546c5b9649d033cd18eab585e9e5d4dbc9b"   # main/ru.xml
    "418f67ae5c58d925fa83c04c357eedf6ae4cc5788ced0d036fe8164f3e1a6643"   # main/uk.xml
    "f9104a76a8fc540fea2ed8b999ec8ddb1ca916b2a29de615348d89f5b0d6da44"   # main/ur.xml
    "392db1479c2524531af396d7266a6a8147f56a6a3717c994b5b455fd50d5744a"   # bcp47/timezone.xml
)

log() { echo "[build_city_names.sh] $*" >&2; }

[ -f "$OUT/.build-stamp" ] || { log "no data/.build-stamp: run Gazetteer/build.sh first"; exit 1; }
RECIPE="$(cat "$HERE/build_city_names.sh" "$HERE/common.sh" "$HERE/debian_package.sh" "$HERE/build_city_names.py" "$OUT/.build-stamp" | sha256sum | cut -d' ' -f1)"
# shellcheck source=common.sh
. "$HERE/common.sh"
# shellcheck source=debian_package.sh
. "$HERE/debian_package.sh"
exit_if_up_to_date "$RECIPE" "city_names.tsv"

mkdir -p "$CACHE" "$OUT"
cd "$CACHE"
unpack_debian_package "$CLDR_DEB" "$CLDR_VERSION" "$SHA_DEB" cldr
COMMON=cldr/usr/share/unicode/cldr/common
for i in "${!FILES[@]}"; do
    check_sha "$COMMON/${FILES[$i]}" "${SHAS[$i]}"
done

log "building into $OUT"
python3 "$HERE/build_city_names.py" "$COMMON" "$OUT" >&2
write_stamp "$RECIPE" "${OUTPUTS[@]}"
( cd "$OUT" && du -b "${OUTPUTS[@]}" ) >&2
