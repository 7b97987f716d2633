package io.ipfsmiddleware.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipfsmiddleware.servlet.DistributionRoute.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistributionRouteTest {
    private static final String D = "sha256:" + "a".repeat(64);

    private static DistributionRoute route(String path) {
        return DistributionRoute.parse(path).orElseThrow(() -> new AssertionError("no route for " + path));
    }

    @Test
    void manifestsBlobsAndTagsWithSlashedNames() {
        assertEquals(new DistributionRoute(Kind.MANIFEST, "ipfs/bafy/alpine", "3.10.1"),
                route("/v2/ipfs/bafy/alpine/manifests/3.10.1"));
        assertEquals(new DistributionRoute(Kind.BLOB, "ipfs/bafy/a/b/c", D), route("/v2/ipfs/bafy/a/b/c/blobs/" + D));
        assertEquals(new DistributionRoute(Kind.TAGS, "ipfs/bafy", null), route("/v2/ipfs/bafy/tags/list"));
        assertEquals(new DistributionRoute(Kind.REFERRERS, "x", D), route("/v2/x/referrers/" + D));
    }

    @Test
    void nameEndsAtTheLastMarker() {
        assertEquals(new DistributionRoute(Kind.MANIFEST, "a/manifests/b", "latest"), route("/v2/a/manifests/b/manifests/latest"));
        assertEquals(new DistributionRoute(Kind.BLOB, "a/blobs/x", D), route("/v2/a/blobs/x/blobs/" + D));
        assertEquals(new DistributionRoute(Kind.TAGS, "tags/list/x", null), route("/v2/tags/list/x/tags/list"));
    }

    @Test
    void uploads() {
        assertEquals(Kind.BLOB_UPLOAD, route("/v2/ipfs/bafy/alpine/blobs/uploads/").kind());
        assertEquals(Kind.BLOB_UPLOAD, route("/v2/ipfs/bafy/alpine/blobs/uploads").kind());
        assertEquals("ipfs/bafy/alpine", route("/v2/ipfs/bafy/alpine/blobs/uploads/5c1e-uuid").name());
    }

    @Test
    void otherPathsAreNotRoutes() {
        for (String p : new String[] {"/v2/", "/v2", "/v2/_catalog", "/health", "/v2/alpine", "/v2/alpine/manifests/",
            "/v2//manifests/x", "/v1/alpine/manifests/x"}) {
            assertEquals(Optional.empty(), DistributionRoute.parse(p), p);
        }
    }
}
