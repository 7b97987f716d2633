package io.ipfsmiddleware.testkit;

/** How layer tars are stored as blobs. */
public enum LayerCompression {
    /** gzip'd tar ({@code …tar+gzip}); the usual registry form. */
    GZIP,
    /** plain tar ({@code …v1.tar}); what {@code docker save} (Docker ≥ 25) writes. Digest equals diff_id. */
    NONE
}
