#!/usr/bin/env bash
# Fuzzes each parser target of ParsersFuzzTest with Jazzer for a bounded time (maxDuration in the
# test, 20 s each). A finding fails the run and Jazzer writes the crashing input under
# ipfs-middleware-core/src/test/resources/…/ParsersFuzzTestInputs/<target>/ for the regression corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in names cids multiaddrs indexes manifests; do
  echo "== fuzzing $target"
  JAZZER_FUZZ=1 mvn -B -ntp -q -pl ipfs-middleware-core -am test -Dtest="ParsersFuzzTest#$target" \
    -Dsurefire.failIfNoSpecifiedTests=false
done
echo "fuzzing: no findings"
