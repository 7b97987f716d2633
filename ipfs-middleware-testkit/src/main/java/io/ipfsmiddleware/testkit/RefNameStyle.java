package io.ipfsmiddleware.testkit;

/**
 * How {@code index.json} names a tag. The tag {@code 3.10.1} of repository
 * {@code docker.io/library/alpine} comes out as:
 */
public enum RefNameStyle {

    /** {@code org.opencontainers.image.ref.name = "3.10.1"} (skopeo, podman, umoci). */
    TAG,

    /**
     * {@code org.opencontainers.image.ref.name = "docker.io/library/alpine:3.10.1"} and
     * {@code io.containerd.image.name} the same (containerd / buildkit exports).
     */
    FULL_REFERENCE,

    /**
     * {@code io.containerd.image.name = "docker.io/library/alpine:3.10.1"} and
     * {@code org.opencontainers.image.ref.name = "3.10.1"} ({@code docker save}, Docker ≥ 25).
     */
    DOCKER_SAVE
}
