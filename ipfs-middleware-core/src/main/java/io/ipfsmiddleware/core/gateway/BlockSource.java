package io.ipfsmiddleware.core.gateway;

import io.ipfsmiddleware.core.cid.Cid;
import java.util.concurrent.CompletableFuture;

/**
 * Where blocks come from. Implementations complete with bytes already verified against the CID
 * ({@link BlockVerifier}), or fail with an {@link java.io.IOException} of {@code
 * io.ipfsmiddleware.core.node}.
 */
interface BlockSource {
    /**
     * @param cid a CID with a supported codec and hash function
     * @return the block, verified
     */
    CompletableFuture<byte[]> fetch(Cid cid);

    /** @return a description for messages */
    String describe();
}
