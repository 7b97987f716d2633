package io.ipfsmiddleware.api.spi;

import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.TagPage;
import java.io.IOException;

/** Lists the tags of one repository. */
public interface TagStore {
    /**
     * Lists tags in lexical order.
     *
     * @param limit the most tags to return, or a negative number for all of them
     * @param last return only tags after this one, or {@code null} to start at the first
     * @return one page of tags
     * @throws RegistryException {@code NAME_UNKNOWN} when the repository does not exist
     * @throws IOException when the storage cannot be reached or read
     */
    TagPage list(int limit, String last) throws RegistryException, IOException;
}
