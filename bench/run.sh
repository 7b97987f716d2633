#!/usr/bin/env bash
# Benchmark of the ipfs middleware's caches against baselines measured in the same run.
#
#   bash bench/run.sh            # from the repository root; builds the example jar if missing
#   BENCH_JFR=1 bash bench/run.sh   # also records a JFR profile of each registry JVM (kept in bench/jfr/)
#   BENCH_KEEP_LOGS=DIR, BENCH_JAR=FILE   # keep the logs of kubo and the registries; run another jar
#
# Starts on loopback: an offline kubo in a temp repo, the example registry (java -jar, -Xmx512m)
# with a disk blob cache, and a CNCF distribution registry with filesystem storage. One image
# (3 uncompressed layers, 256 MiB in all, seeded bytes; bench/make_image.py) is added to kubo and
# copied into distribution with crane (same digests). Prints ratios; see README "Benchmark".
# Needs: java 17, ipfs (kubo), registry (distribution v3), crane, curl, python3. Uses ~7 GiB in /tmp.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/examples/target/ipfs-registry.jar}
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ipfs-bench.XXXXXX")
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${BENCH_KEEP_LOGS:-}" ]; then mkdir -p "$BENCH_KEEP_LOGS"; cp "$WORK"/*.log "$BENCH_KEEP_LOGS"/ 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

log() { echo "# $*" >&2; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { echo "$EPOCHREALTIME"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
await_http() { for _ in $(seq 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }

# GETs each URL once (sequentially) and prints the throughput in MiB/s.
throughput() {
  local bytes=0 start end
  start=$(now)
  for url in "$@"; do
    bytes=$((bytes + $(curl -sf -o /dev/null -w '%{size_download}' "$url")))
  done
  end=$(now)
  awk -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", b / 1048576 / (e - s) }'
}
# Best of 3 runs of throughput.
best_throughput() {
  local best=0 t
  for _ in 1 2 3; do
    t=$(throughput "$@")
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b > a) ? b : a }')
  done
  echo "$best"
}
# Seconds a command takes.
timed() { local s; s=$(now); "$@" >/dev/null; awk -v s="$s" -v e="$(now)" 'BEGIN { printf "%.3f", e - s }'; }
best_timed() {
  local best=999999 t
  for _ in 1 2 3; do
    t=$(timed "$@")
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a) ? b : a }')
  done
  echo "$best"
}

log "building the image layouts"
IMAGES=$WORK/images
BLOBS_JSON=$(python3 "$ROOT/bench/make_image.py" "$IMAGES")
read -r -a BLOBS <<<"$(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["blobs"]))' "$BLOBS_JSON")"
read -r -a LAYERS <<<"$(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["layers"]))' "$BLOBS_JSON")"
HUGE=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["huge"])' "$BLOBS_JSON")

log "starting kubo (offline, temp repo)"
export IPFS_PATH=$WORK/kubo
ipfs init --profile=test -e >/dev/null
API_PORT=$(port); GW_PORT=$(port)
ipfs config Addresses.API "/ip4/127.0.0.1/tcp/$API_PORT"
ipfs config Addresses.Gateway "/ip4/127.0.0.1/tcp/$GW_PORT"
ipfs daemon --offline >"$WORK/kubo.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 300); do curl -sf -X POST -o /dev/null "http://127.0.0.1:$API_PORT/api/v0/version" && break; sleep 0.2; done
CID=$(ipfs add -Q -r --cid-version 1 "$IMAGES")
rm -rf "$IMAGES/huge"
log "tree $CID"

log "starting CNCF distribution (filesystem storage)"
DIST_PORT=$(port)
cat >"$WORK/dist.yml" <<YAML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $WORK/dist
http:
  addr: 127.0.0.1:$DIST_PORT
YAML
registry serve "$WORK/dist.yml" >"$WORK/dist.log" 2>&1 &
PIDS+=($!)
await_http "http://127.0.0.1:$DIST_PORT/v2/"
DIST=127.0.0.1:$DIST_PORT

MW_N=0
# Starts the example registry with a fresh cache directory; sets MW (host:port) and MW_PID.
start_mw() {
  MW_N=$((MW_N + 1))
  local p; p=$(port)
  cat >"$WORK/mw$MW_N.yml" <<YAML
http:
  addr: 127.0.0.1:$p
middleware:
  repository:
    - name: ipfs
      options:
        ipfsapiaddress: /ip4/127.0.0.1/tcp/$API_PORT
        cachedirectory: $WORK/cache$MW_N
        cachemaxsize: 8GiB
YAML
  local jfr=()
  if [ -n "${BENCH_JFR:-}" ]; then
    mkdir -p "$ROOT/bench/jfr"
    jfr=("-XX:StartFlightRecording=filename=$ROOT/bench/jfr/registry$MW_N.jfr,settings=profile,dumponexit=true")
  fi
  # jdk.httpclient.bufsize: the JDK HttpClient reads kubo's answers in 16 KiB pieces by default;
  # 256 KiB makes cold reads ~1.5x faster (README "Benchmark").
  java -Xmx512m -Djdk.httpclient.bufsize=262144 "${jfr[@]}" -jar "$JAR" serve "$WORK/mw$MW_N.yml" >"$WORK/mw$MW_N.log" 2>&1 &
  MW_PID=$!
  PIDS+=("$MW_PID")
  MW=127.0.0.1:$p
  await_http "http://$MW/v2/"
}
stop_mw() { kill "$MW_PID"; wait "$MW_PID" 2>/dev/null || true; rm -rf "$WORK/cache$MW_N"; }
stats() { curl -sf "http://$MW/debug/ipfs-stats"; }
stat_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
hwm_kib() { awk '/VmHWM/ { print $2 }' "/proc/$MW_PID/status"; }

start_mw
NAME=ipfs/$CID/bench
log "copying the image into distribution (crane copy keeps the digests)"
crane copy --insecure "$MW/$NAME:1" "$DIST/bench:1" >/dev/null 2>&1
stop_mw

mw_blobs() { for d in "${LAYERS[@]}"; do echo "http://$MW/v2/$NAME/blobs/$d"; done; }
gw_blobs() { for d in "${LAYERS[@]}"; do echo "http://127.0.0.1:$GW_PORT/ipfs/$CID/bench/blobs/sha256/${d#sha256:}"; done; }
dist_blobs() { for d in "${LAYERS[@]}"; do echo "http://$DIST/v2/bench/blobs/$d"; done; }

log "cold blob GETs (3 layers, 256 MiB) vs kubo's gateway"
mapfile -t GW < <(gw_blobs)
GW_TP=$(best_throughput "${GW[@]}")
start_mw
# warm the JVM up on the same code paths, so the cold figure measures IPFS reads, not the JIT:
# uncached ranges of the 2 GiB blob (streamed from the node), then the whole 2 GiB blob once
# (a cache fill: gateway read, SHA-256, file write; the interpreted SHA-256 runs at ~1/5 speed)
for i in 0 1 2 3; do
  curl -sf -o /dev/null -H "Range: bytes=$((i << 26))-$(((i << 26) + (64 << 20) - 1))" \
    "http://$MW/v2/ipfs/$CID/huge/blobs/$HUGE"
done
curl -sf -o /dev/null "http://$MW/v2/ipfs/$CID/huge/blobs/$HUGE"
sync # let the 2 GiB just written reach the disk, so its writeback does not slow the fills measured
mapfile -t MWB < <(mw_blobs)
COLD_TP=$(throughput "${MWB[@]}")

log "warm blob GETs vs distribution"
# steady state: a cache entry's first whole read within 2 s of its fill is hashed again (README "Caches")
sleep 3
mapfile -t DB < <(dist_blobs)
WARM_TP=$(best_throughput "${MWB[@]}")
DIST_TP=$(best_throughput "${DB[@]}")

log "warm whole-image pulls vs distribution (crane pull)"
WARM_PULL=$(best_timed crane pull --insecure "$MW/$NAME:1" "$WORK/pull.tar")
DIST_PULL=$(best_timed crane pull --insecure "$DIST/bench:1" "$WORK/pull.tar")
rm -f "$WORK/pull.tar"

log "warm manifest-by-tag latency, 500 sequential GETs each"
read -r MW_P50 MW_P99 <<<"$(python3 "$ROOT/bench/latency.py" "http://$MW/v2/$NAME/manifests/1" 500)"
read -r D_P50 D_P99 <<<"$(python3 "$ROOT/bench/latency.py" "http://$DIST/v2/bench/manifests/1" 500)"
stop_mw

log "cold whole-image pull vs ipfs get"
start_mw
COLD_PULL=$(timed crane pull --insecure "$MW/$NAME:1" "$WORK/pull.tar")
rm -f "$WORK/pull.tar"
IPFS_GET=$(timed ipfs get -o "$WORK/get" "/ipfs/$CID/bench")
rm -rf "$WORK/get"
stop_mw

log "50 concurrent cold pulls (manifest, config and layers by curl)"
start_mw
BEFORE=$(stats)
PULLS=()
for _ in $(seq 50); do
  (
    curl -sf -o /dev/null -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://$MW/v2/$NAME/manifests/1"
    for d in "${BLOBS[@]}"; do curl -sf -o /dev/null "http://$MW/v2/$NAME/blobs/$d"; done
  ) &
  PULLS+=($!)
done
wait "${PULLS[@]}"
AFTER=$(stats)
READS=$(( $(stat_field "$AFTER" blobReadsFromIpfs) - $(stat_field "$BEFORE" blobReadsFromIpfs) ))
READS_PER_BLOB=$(ratio "$READS" "${#BLOBS[@]}")
BYPASSES=$(( $(stat_field "$AFTER" blobBypasses) - $(stat_field "$BEFORE" blobBypasses) ))
stop_mw

log "peak RSS: 4 GiB as a 128 MiB blob (cold, then 31 warm GETs), then 4 GiB as a 2 GiB blob (cold, warm)"
start_mw
for _ in $(seq 32); do curl -sf -o /dev/null "http://$MW/v2/$NAME/blobs/${LAYERS[0]}"; done
HWM_SMALL=$(hwm_kib)
HUGE_URL="http://$MW/v2/ipfs/$CID/huge/blobs/$HUGE"
curl -sf -o /dev/null "$HUGE_URL"
curl -sf -o /dev/null "$HUGE_URL"
HWM_HUGE=$(hwm_kib)
stop_mw

cat <<REPORT
ipfs-middleware benchmark — one run, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)
image: 3 layers, 256 MiB; 2 GiB blob for memory; registry JVM -Xmx512m -Djdk.httpclient.bufsize=262144

cold blob GET        $COLD_TP MiB/s  vs kubo gateway $GW_TP MiB/s     ratio $(ratio "$COLD_TP" "$GW_TP")   (target >= 0.90)
warm blob GET        $WARM_TP MiB/s  vs distribution $DIST_TP MiB/s   ratio $(ratio "$WARM_TP" "$DIST_TP")   (target >= 0.95)
warm pull (crane)    ${WARM_PULL}s   vs distribution ${DIST_PULL}s    ratio $(ratio "$WARM_PULL" "$DIST_PULL")   (target <= 1.10)
cold pull (crane)    ${COLD_PULL}s   vs ipfs get ${IPFS_GET}s         ratio $(ratio "$COLD_PULL" "$IPFS_GET")   (target <= 1.15)
manifest by tag p50  ${MW_P50}ms     vs distribution ${D_P50}ms      ratio $(ratio "$MW_P50" "$D_P50")
manifest by tag p99  ${MW_P99}ms     vs distribution ${D_P99}ms      ratio $(ratio "$MW_P99" "$D_P99")
peak RSS (VmHWM)     after 4 GiB of a 128 MiB blob $((HWM_SMALL / 1024)) MiB, after 4 GiB of a 2 GiB blob $((HWM_HUGE / 1024)) MiB   ratio $(ratio "$HWM_HUGE" "$HWM_SMALL")   (target ~1.0: flat)
IPFS reads per blob  $READS_PER_BLOB under 50 concurrent cold pulls ($READS reads of ${#BLOBS[@]} blobs, $BYPASSES uncached)   (target 1.00)
REPORT
