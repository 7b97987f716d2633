package io.ipfsmiddleware.api.spi;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ManifestContent;
import java.io.IOException;

/** Reads the manifests of one repository. */
public interface ManifestStore {
    /**
     * Fetches a manifest by tag or by digest, with its exact stored bytes.
     *
     * @param reference a tag, or a digest such as {@code sha256:…}
     * @return the manifest; when asked by digest, its digest equals the one asked for
     * @throws RegistryException {@code MANIFEST_UNKNOWN} when absent, or another code
     * @throws IOException when the storage cannot be reached or read
     */
    ManifestContent get(String reference) throws RegistryException, IOException;
}
