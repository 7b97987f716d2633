package io.ipfsmiddleware.core.kubo;

import java.util.function.LongConsumer;

/**
 * Options of {@link KuboClient#add}. CIDv1 with raw leaves is always used, the layout that
 * {@code ipfs add -r --cid-version 1 --raw-leaves} produces, so CIDs can appear in lowercase
 * repository names.
 *
 * @param pin whether kubo pins the added root ({@code pin=true})
 * @param wrapWithDirectory whether the tree is wrapped in a further directory
 * @param bytesSent told the running total of body bytes handed to the connection (file bytes
 *     plus a little multipart framing); called from the sending thread; may be a no-op
 */
public record AddOptions(boolean pin, boolean wrapWithDirectory, LongConsumer bytesSent) {
    /** @return pinned, not wrapped, no progress listener */
    public static AddOptions pinned() {
        return new AddOptions(true, false, n -> { });
    }

    /** @return neither pinned nor wrapped, no progress listener */
    public static AddOptions unpinned() {
        return new AddOptions(false, false, n -> { });
    }

    /**
     * @param listener told the running total of bytes sent
     * @return these options with that listener
     */
    public AddOptions withProgress(LongConsumer listener) {
        return new AddOptions(pin, wrapWithDirectory, listener);
    }
}
