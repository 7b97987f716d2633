package io.ipfsmiddleware.core.repository;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import io.ipfsmiddleware.core.node.IpfsTimeoutException;
import io.ipfsmiddleware.core.verify.ContentMismatchException;
import java.io.IOException;

/**
 * Turns the node's failures into what a registry client should see. The one place where an
 * IPFS failure gets an OCI error code.
 */
final class NodeErrors {
    private NodeErrors() {
    }

    /**
     * @param e the failure
     * @param absent the code for content that is not there (e.g. {@code BLOB_UNKNOWN})
     * @param what what was being read, e.g. "blob sha256:… in ipfs/bafy…/alpine"
     * @return the error for the client
     */
    static RegistryException translate(IOException e, ErrorCode absent, String what) {
        if (e instanceof IpfsNotFoundException) {
            return new RegistryException(absent, what + " not found: " + e.getMessage(), null, e);
        }
        if (e instanceof ContentMismatchException) {
            ErrorCode code = absent == ErrorCode.BLOB_UNKNOWN ? ErrorCode.BLOB_UNKNOWN : ErrorCode.MANIFEST_INVALID;
            return new RegistryException(code, what + " is corrupt: " + e.getMessage(), null, e);
        }
        if (e instanceof IpfsTimeoutException) {
            return new RegistryException(ErrorCode.UNAVAILABLE, what + " could not be retrieved from IPFS in time: "
                    + e.getMessage() + ". No peer may be providing it; try again later, or check that the content "
                    + "is pinned by a reachable node", null, e);
        }
        return new RegistryException(ErrorCode.UNAVAILABLE, what + " could not be read: " + e.getMessage(), null, e);
    }
}
