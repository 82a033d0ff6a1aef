#!/usr/bin/env bash
# Builds and runs every test (XCTest), then prints one closing summary line.
#
# The tests are built optimized (-c release, with -enable-testing for @testable imports): the
# end-to-end tests run the binary hundreds of times on the world's gazetteer, and a debug
# binary spends most of a second decoding it each time (a release one, a tenth of that).
set -uo pipefail
FLAGS=(-c release -Xswiftc -enable-testing)
swift build --build-tests "${FLAGS[@]}" || exit 1
# Compile the gazetteer once (saved beside the data), so that the tests do not each start
# compiling it at the same moment.
.build/release/incidentmap geocode Kabul >/dev/null || { echo "tests: the gazetteer could not be loaded"; exit 1; }
log=$(mktemp)
swift test --skip-build "${FLAGS[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# XCTest's last "Executed N tests, with M failures" line is the total of all suites.
summary=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -1)
total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
failed=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
rm -f "$log"
if [ -z "$summary" ]; then
  echo "tests: no test ran"
  exit 1
fi
echo "tests: $((total - failed)) passed, $failed failed"
exit "$status"
