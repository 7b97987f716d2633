package io.ipfsmiddleware.api.model;

import java.util.Set;

/** The manifest media types of the OCI image specification and of Docker's schema 2. */
public final class MediaTypes {
    /** An OCI image manifest. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    /** An OCI image index (multi-platform). */
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** A Docker schema 2 image manifest. */
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    /** A Docker schema 2 manifest list (multi-platform). */
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    /** The media type of blobs served without a more specific one. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);
    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);

    private MediaTypes() {
    }

    /**
     * @param mediaType a media type
     * @return whether {@code mediaType} is one of the manifest types served as a manifest
     */
    public static boolean isManifest(String mediaType) {
        return MANIFESTS.contains(mediaType);
    }

    /**
     * @param mediaType a media type
     * @return whether {@code mediaType} is an index or manifest list
     */
    public static boolean isIndex(String mediaType) {
        return INDEXES.contains(mediaType);
    }
}
