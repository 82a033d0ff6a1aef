#!/usr/bin/env bash
# Build Gazetteer/data/rivers.geojson (the world's major rivers) from GSHHG 2.3.7's WDBII river
# lines, as Debian's gmt-gshhg-high packages them for GMT (LGPL-3+; the licence text is
# LICENSE-GSHHG-LGPL-3.0.txt and LICENSE-GSHHG-GPL-3.0.txt beside this script).  Needs gdal-bin
# (gdalmdiminfo reads the netCDF file) and python3; nothing is installed.  Usage:
#
#     bash Gazetteer/build_rivers.sh            # does nothing if up to date
#     GAZETTEER_FORCE=1 bash Gazetteer/build_rivers.sh
#
# A stamp of its own (data/.rivers-stamp), so that a change here rebuilds nothing else.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${GAZETTEER_CACHE:-/tmp/incidentmap-gazetteer-cache}"
OUT="$HERE/data"
OUTPUTS=(rivers.geojson)
STAMP="$OUT/.rivers-stamp"

GSHHG_DEB="gmt-gshhg-high"
GSHHG_VERSION="2.3.7-6"    # Debian bookworm
SHA_DEB="ad526a28262412fdfebcca097c2a2e606a7fa2e6f10a5770a3b5e05621357c01"
SHA_RIVERS_NC="0c79bf1cf3f0b7932d26e9c7eaa9b21431b6d4796e9c6fc05affafeb73a1b69c"
# The arrays of GMT's binned format that build_rivers.py reads.
ARRAYS=(Bin_size_in_minutes N_bins_in_360_longitude_range N_segments_in_a_bin Id_of_first_segment_in_a_bin
        N_points_for_a_segment Hierarchial_level_of_a_segment Id_of_first_point_in_a_segment
        Relative_longitude_from_SW_corner_of_bin Relative_latitude_from_SW_corner_of_bin)

log() { echo "[build_rivers.sh] $*" >&2; }

RECIPE="$(cat "$HERE/build_rivers.sh" "$HERE/common.sh" "$HERE/debian_package.sh" "$HERE/build_rivers.py" | sha256sum | cut -d' ' -f1)"
# shellcheck source=common.sh
. "$HERE/common.sh"
# shellcheck source=debian_package.sh
. "$HERE/debian_package.sh"
exit_if_up_to_date "$RECIPE" "rivers.geojson"

command -v gdalmdiminfo >/dev/null || { log "gdal-bin is needed (bash scripts/setup.sh)"; exit 1; }
mkdir -p "$CACHE" "$OUT"
cd "$CACHE"
unpack_debian_package "$GSHHG_DEB" "$GSHHG_VERSION" "$SHA_DEB" gshhg
NC=gshhg/usr/share/gmt-gshhg/binned_river_h.nc
check_sha "$NC" "$SHA_RIVERS_NC"

log "building into $OUT"
rm -rf gshhg/arrays && mkdir gshhg/arrays
for a in "${ARRAYS[@]}"; do
    gdalmdiminfo -detailed -array "$a" "$NC" > "gshhg/arrays/$a.json"
done
python3 "$HERE/build_rivers.py" gshhg/arrays "$OUT"
rm -rf gshhg/arrays
write_stamp "$RECIPE" "${OUTPUTS[@]}"
( cd "$OUT" && du -b "${OUTPUTS[@]}" ) >&2
