package io.ipfsmiddleware.servlet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request path of the OCI distribution API that names a repository. Names contain slashes,
 * so the name is everything between {@code /v2/} and the last {@code /manifests/},
 * {@code /blobs/} or {@code /tags/list}.
 *
 * @param kind what the path addresses
 * @param name the repository name as sent (not yet validated)
 * @param reference the tag or digest for manifests, the digest for blobs, else {@code null}
 */
public record DistributionRoute(Kind kind, String name, String reference) {
    /** What a route addresses. */
    public enum Kind {
        /** {@code /v2/<name>/manifests/<reference>} */
        MANIFEST,
        /** {@code /v2/<name>/blobs/<digest>} */
        BLOB,
        /** {@code /v2/<name>/blobs/uploads/…} */
        BLOB_UPLOAD,
        /** {@code /v2/<name>/tags/list} */
        TAGS,
        /** {@code /v2/<name>/referrers/<digest>} */
        REFERRERS
    }

    // The name group is greedy: the name ends at the last marker, so a name may itself
    // contain components such as "blobs" or "manifests".
    private static final Pattern ROUTE = Pattern.compile(
            "/v2/(.+)/(?:(manifests)/([^/]+)|(blobs)/uploads(?:/.*)?|(blobs)/([^/]+)|(tags)/list|(referrers)/([^/]+))");

    /**
     * @param path the request path below the context path, e.g. {@code /v2/ipfs/bafy…/alpine/tags/list}
     * @return the route, or empty when the path is not a repository route of the API
     */
    public static Optional<DistributionRoute> parse(String path) {
        if (path == null || !path.startsWith("/v2/")) {
            return Optional.empty();
        }
        Matcher m = ROUTE.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            return Optional.of(new DistributionRoute(Kind.MANIFEST, m.group(1), m.group(3)));
        }
        if (m.group(4) != null) {
            return Optional.of(new DistributionRoute(Kind.BLOB_UPLOAD, m.group(1), null));
        }
        if (m.group(5) != null) {
            return Optional.of(new DistributionRoute(Kind.BLOB, m.group(1), m.group(6)));
        }
        if (m.group(7) != null) {
            return Optional.of(new DistributionRoute(Kind.TAGS, m.group(1), null));
        }
        return Optional.of(new DistributionRoute(Kind.REFERRERS, m.group(1), m.group(9)));
    }
}
