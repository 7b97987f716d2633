#!/usr/bin/env bash
# The full load test of issue 5: 200 concurrent clients for 60 s on loopback against the example
# registry (Jetty) and a real kubo node, mixed tag/manifest/blob/Range/absent requests, every
# answer checked. Prints one "load:" line with the figures. CI runs a shorter version of the same
# test (LoadIT with its defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-200}
SECONDS_RUN=${SECONDS_RUN:-60}
log=$(mktemp)
mvn -B -ntp -pl examples -am verify -Dit.test=LoadIT -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dload.clients="$CLIENTS" -Dload.seconds="$SECONDS_RUN" >"$log" 2>&1 \
  || { tail -50 "$log"; exit 1; }
grep -h "^load:" "$log"
rm -f "$log"
