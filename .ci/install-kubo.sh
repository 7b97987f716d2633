#!/usr/bin/env bash
# Builds kubo (the real IPFS node the tests run) from its Go module, once per machine.
# kubo v0.43.1's go.mod replaces go-libp2p with a fork that the Go module proxy does not
# serve, so we build from a copy of the module with that replace dropped and go-libp2p
# pinned to the newest release.
set -euo pipefail
KUBO_VERSION=${KUBO_VERSION:-v0.43.1}
LIBP2P_VERSION=${LIBP2P_VERSION:-v0.52.0}
DEST=${DEST:-/usr/local/bin/ipfs}
if [ -x "$DEST" ] && "$DEST" version 2>/dev/null | grep -q "${KUBO_VERSION#v}"; then
  echo "kubo ${KUBO_VERSION} already at $DEST"; exit 0
fi
src=$(go mod download -json "github.com/ipfs/kubo@${KUBO_VERSION}" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
work=$(mktemp -d)
cp -r "$src"/. "$work"/ && chmod -R u+w "$work"
cd "$work"
go mod edit -dropreplace github.com/libp2p/go-libp2p -require "github.com/libp2p/go-libp2p@${LIBP2P_VERSION}"
GOFLAGS=-mod=mod go mod tidy >/dev/null 2>&1 || true
GOFLAGS=-mod=mod go build -trimpath -o "$DEST" ./cmd/ipfs
rm -rf "$work"
"$DEST" version
