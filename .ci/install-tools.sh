#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine of this project's kind (run as root):
# skopeo, umoci and busybox-static from Debian; kubo built from its Go module; crane and the
# CNCF distribution registry from theirs. Each step is skipped when its tool is already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v skopeo >/dev/null || ! command -v umoci >/dev/null || [ ! -x /bin/busybox ]; then
  apt-get update -qq
  apt-get install -y -qq skopeo umoci busybox-static >/dev/null
fi

bash "$here/install-kubo.sh"

export GOBIN=${GOBIN:-/usr/local/bin}
command -v crane >/dev/null || go install github.com/google/go-containerregistry/cmd/crane@v0.22.1
command -v registry >/dev/null || go install github.com/distribution/distribution/v3/cmd/registry@v3.0.0

skopeo --version; crane version; registry --version; ipfs version
