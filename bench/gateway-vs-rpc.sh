#!/usr/bin/env bash
# Cold pulls through the example registry: gateway backend (kubo's gateway as the trustless
# gateway, every block verified and decoded by the middleware) vs RPC backend (kubo `cat`), on
# the same offline kubo node and the same image. Each pull starts a fresh registry process, so
# no cache is warm. Prints the median of RUNS pulls per backend and the ratio gateway / RPC.
#
#   bash bench/gateway-vs-rpc.sh            # from the repository root; builds the jar first
#   SIZE_MIB=64 RUNS=3 bash bench/gateway-vs-rpc.sh
#
# Needs: java 17, mvn, ipfs (kubo), umoci, crane (see .ci/install-tools.sh).
set -euo pipefail
SIZE_MIB=${SIZE_MIB:-64}
RUNS=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/examples/target/ipfs-registry.jar
[ -f "$jar" ] && [ -z "${REBUILD:-}" ] || (cd "$root" && mvn -q -B package -DskipTests)

work=$(mktemp -d)
export IPFS_PATH=$work/ipfs
daemon=
registry=
cleanup() {
  [ -n "$registry" ] && kill "$registry" 2>/dev/null || true
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ipfs init --profile test >/dev/null
ipfs config Addresses.API /ip4/127.0.0.1/tcp/0
ipfs config Addresses.Gateway /ip4/127.0.0.1/tcp/0
ipfs daemon --offline >"$work/ipfs.log" 2>&1 &
daemon=$!
for _ in $(seq 100); do [ -s "$IPFS_PATH/gateway" ] && [ -s "$IPFS_PATH/api" ] && break; sleep 0.1; done
api=$(cat "$IPFS_PATH/api")
gateway=$(cat "$IPFS_PATH/gateway")

# An image with one layer of SIZE_MIB random bytes (incompressible), in an OCI layout.
umoci init --layout "$work/images/big" >/dev/null
umoci new --image "$work/images/big:1" >/dev/null
umoci unpack --rootless --image "$work/images/big:1" "$work/bundle" >/dev/null
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$work/bundle/rootfs/big.bin"
umoci repack --image "$work/images/big:1" "$work/bundle" >/dev/null
cid=$(ipfs add -Q -r --cid-version 1 "$work/images")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pull_once() { # $1 = options line; prints seconds of one cold pull
  local port; port=$(free_port)
  printf 'http:\n  addr: 127.0.0.1:%s\nmiddleware:\n  repository:\n    - name: ipfs\n      options:\n        %s\n' \
    "$port" "$1" > "$work/config.yml"
  java -jar "$jar" serve "$work/config.yml" >"$work/registry.log" 2>&1 &
  registry=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.1; done
  rm -rf "$work/out.tar"
  local start end
  start=$(date +%s.%N)
  crane pull --insecure "127.0.0.1:$port/ipfs/$cid/big:1" "$work/out.tar"
  end=$(date +%s.%N)
  kill "$registry"; wait "$registry" 2>/dev/null || true
  registry=
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rpc=(); gw=()
for i in $(seq "$RUNS"); do
  rpc+=("$(pull_once "ipfsapiaddress: $api")")
  gw+=("$(pull_once "gateways: [$gateway]")")
done
rpc_median=$(printf '%s\n' "${rpc[@]}" | median)
gw_median=$(printf '%s\n' "${gw[@]}" | median)
echo "image layer: $SIZE_MIB MiB random; runs: $RUNS (cold registry process each)"
echo "RPC backend     (kubo cat):            ${rpc[*]} s  median $rpc_median s"
echo "gateway backend (kubo's gateway, raw): ${gw[*]} s  median $gw_median s"
echo "ratio gateway / RPC: $(echo "scale=2; $gw_median / $rpc_median" | bc)"
