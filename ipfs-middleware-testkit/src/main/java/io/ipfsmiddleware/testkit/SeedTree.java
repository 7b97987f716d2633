package io.ipfsmiddleware.testkit;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The tree the user's workflow produces before {@code ipfs add -r ./images}: one OCI layout per
 * image name, {@code <root>/<name>/{index.json,oci-layout,blobs/sha256/…}}. Adding {@link #root()}
 * gives the CID that registry names like {@code ipfs/<cid>/<name>:<tag>} refer to.
 *
 * @param root the {@code images} directory
 * @param layouts each layout by its directory name (sorted)
 */
public record SeedTree(Path root, Map<String, OciLayout> layouts) {

    /**
     * Copies the map.
     *
     * @param root see the record description
     * @param layouts see the record description
     */
    public SeedTree {
        layouts = Collections.unmodifiableMap(new TreeMap<>(layouts));
    }

    /**
     * @param name a directory name under the root, e.g. {@code alpine}
     * @return its layout
     */
    public OciLayout layout(String name) {
        OciLayout layout = layouts.get(name);
        if (layout == null) {
            throw new NoSuchElementException("no layout " + name + " under " + root + "; have " + layouts.keySet());
        }
        return layout;
    }
}
