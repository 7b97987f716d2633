package io.ipfsmiddleware.core.publish;

import java.nio.file.Path;
import java.util.List;

/**
 * What to publish.
 *
 * @param jobs the sources and their names; several go into one tree
 * @param platform the platform to pick from image indexes, or {@code null} for all platforms
 * @param into the CID of a published tree to add the images to (replacing tags it has), or
 *     {@code null} for a new tree
 * @param treeDirectory where to write the tree before adding it, kept afterwards (must not exist
 *     or be empty), or {@code null} for a temporary directory; with {@code into} it receives only
 *     what is new
 */
public record PublishRequest(List<PublishJob> jobs, PlatformFilter platform, String into, Path treeDirectory) {
    /** Copies the list; there must be at least one job. */
    public PublishRequest {
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("nothing to publish: give at least one source");
        }
    }

    /**
     * @param jobs the sources and their names
     * @return a request for a new tree with every platform
     */
    public static PublishRequest of(PublishJob... jobs) {
        return new PublishRequest(List.of(jobs), null, null, null);
    }

    /**
     * @param cid a published tree
     * @return this request, adding to that tree
     */
    public PublishRequest into(String cid) {
        return new PublishRequest(jobs, platform, cid, treeDirectory);
    }

    /**
     * @param filter the platform to pick
     * @return this request, picking it
     */
    public PublishRequest platform(PlatformFilter filter) {
        return new PublishRequest(jobs, filter, into, treeDirectory);
    }

    /**
     * @param dir where to write (and keep) the tree
     * @return this request, writing there
     */
    public PublishRequest treeDirectory(Path dir) {
        return new PublishRequest(jobs, platform, into, dir);
    }
}
