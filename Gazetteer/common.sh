# Shared by Gazetteer/build.sh and Gazetteer/build_terrain.sh (sourced, not run).
# The caller sets HERE, OUT and STAMP and defines log().

# Exits 0 when $STAMP records recipe $1 and every output still has its recorded sha256
# (unless GAZETTEER_FORCE is set); otherwise removes the stamp and returns.
exit_if_up_to_date() {  # recipe-sha what
    if [ -z "${GAZETTEER_FORCE:-}" ] && [ -f "$STAMP" ] \
            && [ "$(head -1 "$STAMP")" = "recipe $1" ] \
            && ( cd "$OUT" && tail -n +2 "$STAMP" | sha256sum --check --status ); then
        log "$2 is up to date (recipe $1); GAZETTEER_FORCE=1 rebuilds"
        exit 0
    fi
    rm -f "$STAMP"
}

# Aborts when a pinned input does not have its sha256.
check_sha() {  # file expected-sha256
    local got
    got="$(sha256sum "$1" | cut -d' ' -f1)"
    if [ "$got" != "$2" ]; then
        log "checksum mismatch for $1"
        log "  expected $2"
        log "  got      $got"
        log "the pinned input changed; outputs would differ. Aborting."
        exit 1
    fi
}

# Writes $STAMP: the recipe, then the sha256 of each output named.
write_stamp() {  # recipe-sha output...
    local recipe="$1"
    shift
    ( cd "$OUT" && sha256sum "$@" ) > "$STAMP.tmp"
    { echo "recipe $recipe"; cat "$STAMP.tmp"; } > "$STAMP"
    rm -f "$STAMP.tmp"
}
