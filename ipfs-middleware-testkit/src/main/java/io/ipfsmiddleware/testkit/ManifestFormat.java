package io.ipfsmiddleware.testkit;

/** Which family of media types an {@link OciLayoutBuilder} writes into manifests and indexes. */
public enum ManifestFormat {

    /** OCI image-spec media types ({@code application/vnd.oci.image.*}). */
    OCI("application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.config.v1+json",
            "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.v1.tar"),

    /** Docker image manifest v2 schema 2 and manifest list media types. */
    DOCKER("application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.container.image.v1+json",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.docker.image.rootfs.diff.tar");

    private final String manifest;
    private final String index;
    private final String config;
    private final String gzipLayer;
    private final String tarLayer;

    ManifestFormat(String manifest, String index, String config, String gzipLayer, String tarLayer) {
        this.manifest = manifest;
        this.index = index;
        this.config = config;
        this.gzipLayer = gzipLayer;
        this.tarLayer = tarLayer;
    }

    /** @return the single-image manifest media type */
    public String manifestMediaType() {
        return manifest;
    }

    /** @return the multi-platform index (manifest list) media type */
    public String indexMediaType() {
        return index;
    }

    /** @return the image config media type */
    public String configMediaType() {
        return config;
    }

    /**
     * @param compression how the layer blob is stored
     * @return the layer media type for that storage
     */
    public String layerMediaType(LayerCompression compression) {
        return compression == LayerCompression.GZIP ? gzipLayer : tarLayer;
    }
}
