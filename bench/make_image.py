#!/usr/bin/env python3
"""Writes the benchmark's OCI image layouts from seeded pseudo-random bytes.

  make_image.py DIR

DIR/bench  one image, tag 1: three uncompressed tar layers of 256 MiB in all (plus config and manifest)
DIR/huge   one 2 GiB blob (no image), to watch the registry's memory while it streams

Layers are plain tars (media type ...layer.v1.tar), so a layer's digest is its diff_id. Bytes
come from random.Random(seed), so every run builds the same digests.
"""
import hashlib
import io
import json
import os
import random
import sys
import tarfile

MIB = 1 << 20
CHUNK = 4 * MIB


def write_blob(layout, chunks):
    """Streams chunks into blobs/sha256/<hex>; returns (digest, size)."""
    blobs = os.path.join(layout, "blobs", "sha256")
    os.makedirs(blobs, exist_ok=True)
    tmp = os.path.join(blobs, "tmp")
    h = hashlib.sha256()
    size = 0
    with open(tmp, "wb") as out:
        for chunk in chunks:
            h.update(chunk)
            out.write(chunk)
            size += len(chunk)
    os.rename(tmp, os.path.join(blobs, h.hexdigest()))
    return "sha256:" + h.hexdigest(), size


def seeded(seed, size):
    rnd = random.Random(seed)
    left = size
    while left > 0:
        n = min(CHUNK, left)
        yield rnd.randbytes(n)
        left -= n


def tar_chunks(name, seed, size):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o644
    info.mtime = 1
    yield info.tobuf(format=tarfile.GNU_FORMAT)
    yield from seeded(seed, size)
    yield b"\0" * ((512 - size % 512) % 512)
    yield b"\0" * 1024  # end of archive


def write_layout(layout, index_manifests):
    os.makedirs(layout, exist_ok=True)
    with open(os.path.join(layout, "oci-layout"), "w") as f:
        f.write('{"imageLayoutVersion":"1.0.0"}')
    with open(os.path.join(layout, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                   "manifests": index_manifests}, f)


def bench_image(layout):
    sizes = [128 * MIB, 96 * MIB, 32 * MIB]  # 256 MiB of file content in all
    layers = []
    for i, size in enumerate(sizes):
        digest, blob_size = write_blob(layout, tar_chunks("data/layer%d.bin" % i, 100 + i, size - 2048))
        layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": digest, "size": blob_size})
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                         "rootfs": {"type": "layers", "diff_ids": [l["digest"] for l in layers]}}).encode()
    cdigest, csize = write_blob(layout, [config])
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
                                      "digest": cdigest, "size": csize},
                           "layers": layers}).encode()
    mdigest, msize = write_blob(layout, [manifest])
    write_layout(layout, [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": mdigest,
                           "size": msize, "annotations": {"org.opencontainers.image.ref.name": "1"}}])
    return [cdigest] + [l["digest"] for l in layers]


def huge_blob(layout):
    digest, _ = write_blob(layout, seeded(7, 2048 * MIB))
    write_layout(layout, [])
    return digest


if __name__ == "__main__":
    root = sys.argv[1]
    blobs = bench_image(os.path.join(root, "bench"))
    huge = huge_blob(os.path.join(root, "huge"))
    print(json.dumps({"blobs": blobs, "layers": blobs[1:], "huge": huge}))
