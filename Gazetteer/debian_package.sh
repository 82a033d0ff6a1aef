# Shared by Gazetteer/build_rivers.sh and Gazetteer/build_city_names.sh (sourced, not run, after
# common.sh): a pinned Debian package read as data, never installed.

# Downloads package $1 at version $2 (an architecture-independent .deb) into the current directory
# unless it is there, checks its sha256 ($3), and unpacks it into directory $4 unless that exists.
unpack_debian_package() {  # package version sha256 directory
    local deb="${1}_${2}_all.deb"
    if [ ! -f "$deb" ]; then
        # The pinned version only: another one would not have the checksums the caller checks.
        apt-get download -qq "$1=$2" 2>/dev/null \
            || { apt-get update -qq && apt-get download -qq "$1=$2"; }
    fi
    check_sha "$deb" "$3"
    if [ ! -d "$4" ]; then
        rm -rf "$4.tmp"
        dpkg-deb -x "$deb" "$4.tmp"
        mv "$4.tmp" "$4"
    fi
}
