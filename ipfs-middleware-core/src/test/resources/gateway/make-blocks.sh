#!/usr/bin/env bash
# Regenerates the block fixtures of the gateway unit tests with the real kubo (`ipfs` on PATH):
# adds small deterministic trees to a throw-away repo and saves their blocks (`ipfs block get`)
# as blocks/<cid>.bin, and the root CIDs in roots.properties. Run from this directory.
set -euo pipefail
here=$(pwd)
export IPFS_PATH=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$IPFS_PATH" "$work"' EXIT
ipfs init --profile test >/dev/null
ipfs config --json Import.UnixFSHAMTDirectorySizeThreshold '"1KB"'
rm -rf blocks && mkdir blocks

mkdir -p "$work/tree/sub" "$work/pb" "$work/hamt" "$work/v0"
printf 'hello\n' > "$work/tree/hello.txt"
printf 'hello\n' > "$work/v0/hello.txt"
seq 1 5000 > "$work/tree/sub/numbers.txt"
seq 1 1000 > "$work/pb/numbers.txt"
for i in $(seq -w 0 999); do printf 'file %s\n' "$i" > "$work/hamt/f$i"; done

tree=$(ipfs add -Q -r --cid-version 1 --chunker=size-100 "$work/tree")
pbleaves=$(ipfs add -Q --cid-version 1 --raw-leaves=false --chunker=size-1000 "$work/pb/numbers.txt")
v0dir=$(ipfs add -Q -r "$work/v0")
hamt=$(ipfs add -Q -r --cid-version 1 "$work/hamt")

save() { for c in "$@"; do ipfs block get "$c" > "blocks/$(ipfs cid base32 "$c").bin"; done; }
for root in "$tree" "$pbleaves" "$v0dir"; do
  save "$root" $(ipfs refs -r --unique "$root")
done
# HAMT: the shard blocks only (dag-pb, bafy…), not the thousand file leaves.
save "$hamt" $(ipfs refs -r --unique "$hamt" | grep '^bafy' || true)
ipfs ls --size=false --resolve-type=false "$hamt" | awk '{print $2 "=" $1}' | sort > hamt-entries.properties

cat > roots.properties <<PROPS
tree=$tree
pbleaves=$pbleaves
v0dir=$(ipfs cid base32 "$v0dir")
hamt=$hamt
PROPS
echo "saved $(ls blocks | wc -l) blocks"
