package io.ipfsmiddleware.core.publish;

/**
 * One tag written into the tree.
 *
 * @param name the image name (directory under the root)
 * @param tag the tag
 * @param digest the digest of the manifest or index it points at
 * @param mediaType that manifest's media type
 */
public record PublishedImage(String name, String tag, String digest, String mediaType) {
    /**
     * @param registryHost e.g. {@code localhost:5000}
     * @param cid the root CID
     * @return the pull reference {@code <host>/ipfs/<cid>/<name>:<tag>}
     */
    public String reference(String registryHost, String cid) {
        return registryHost + "/ipfs/" + cid + "/" + name + ":" + tag;
    }
}
