package io.ipfsmiddleware.core.publish;

import java.util.List;

/**
 * A finished publication: the tree was added, pinned and checked on the node.
 *
 * @param cid the root CID (CIDv1, base32) of the tree
 * @param images the tags written by this publication, sorted by name and tag
 * @param bytesSent bytes sent to the node (the request body of the add)
 * @param blobsSent blobs sent to the node
 * @param blobsSkipped blobs not sent because the tree given with {@code into} had them
 */
public record PublishResult(String cid, List<PublishedImage> images, long bytesSent, int blobsSent, int blobsSkipped) {
    /** Copies the list. */
    public PublishResult {
        images = List.copyOf(images);
    }
}
