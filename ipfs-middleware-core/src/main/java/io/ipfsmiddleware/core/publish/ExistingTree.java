package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.node.DirectoryEntry;
import io.ipfsmiddleware.core.node.FileStat;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A published tree that {@code into} adds to, and the merge of what is new into it, in kubo's
 * MFS: {@code files/cp /ipfs/<old> /<tmp>}, then {@code files/cp} of each new blob, new
 * {@code index.json} and each new image directory from the freshly added delta tree, then {@code
 * files/stat} of the result. Nothing already in the old tree is sent again; the result has the
 * same CID as adding the whole merged tree with {@code ipfs add -r --cid-version 1}.
 */
final class ExistingTree {
    /** What the old tree holds at {@code <name>}. */
    record NameState(boolean exists, Set<String> entries, Set<String> blobs, byte[] index) {
    }

    private final KuboClient kubo;
    private final String cid;
    private final Map<String, NameState> names = new TreeMap<>();

    private ExistingTree(KuboClient kubo, String cid) {
        this.kubo = kubo;
        this.cid = cid;
    }

    static ExistingTree open(KuboClient kubo, String cid) throws IOException {
        FileStat stat;
        try {
            stat = kubo.stat("/ipfs/" + cid);
        } catch (IpfsNotFoundException e) {
            throw new PublishException("--into " + cid + ": " + e.getMessage(), e);
        }
        if (!stat.directory()) {
            throw new PublishException("--into " + cid + " is a file, not a published tree (a directory)");
        }
        return new ExistingTree(kubo, stat.cid());
    }

    /** Looks at {@code <name>} in the old tree (once per name). */
    NameState state(String name) throws IOException {
        NameState known = names.get(name);
        if (known != null) {
            return known;
        }
        String base = "/ipfs/" + cid + "/" + name;
        NameState state;
        if (!exists(base)) {
            state = new NameState(false, Set.of(), Set.of(), null);
        } else {
            Set<String> entries = new HashSet<>();
            kubo.ls(base).forEach(e -> entries.add(e.name()));
            Set<String> blobs = new HashSet<>();
            if (entries.contains("blobs") && exists(base + "/blobs/sha256")) {
                for (DirectoryEntry e : kubo.ls(base + "/blobs/sha256")) {
                    blobs.add(e.name());
                }
            }
            byte[] index = null;
            if (entries.contains("index.json")) {
                try (InputStream in = kubo.cat(base + "/index.json", 0, ImageCopier.MAX_MANIFEST + 1L)) {
                    index = in.readNBytes(ImageCopier.MAX_MANIFEST + 1);
                }
                if (index.length > ImageCopier.MAX_MANIFEST) {
                    throw new PublishException(base + "/index.json in the tree to add to is over 4 MiB; "
                            + "it is not an index this command wrote");
                }
            }
            state = new NameState(true, Set.copyOf(entries), Set.copyOf(blobs), index);
        }
        names.put(name, state);
        return state;
    }

    /**
     * Merges the delta tree (added as {@code deltaCid}, written locally at {@code delta}) into
     * the old tree.
     *
     * @return the new root CID, pinned
     */
    String merge(String deltaCid, Path delta) throws IOException {
        String mfs = "/ipfs-middleware-publish-" + UUID.randomUUID();
        kubo.filesCopy("/ipfs/" + cid, mfs);
        try {
            Set<String> copiedPrefixes = new LinkedHashSet<>();
            for (Map.Entry<String, NameState> e : names.entrySet()) {
                String name = e.getKey();
                if (e.getValue().exists()) {
                    mergeInto(name, e.getValue(), deltaCid, delta, mfs);
                } else {
                    String prefix = firstMissing(name);
                    if (copiedPrefixes.stream().noneMatch(p -> prefix.equals(p) || prefix.startsWith(p + "/"))) {
                        kubo.filesCopy("/ipfs/" + deltaCid + "/" + prefix, mfs + "/" + prefix);
                        copiedPrefixes.add(prefix);
                    }
                }
            }
            String root = kubo.stat(mfs).cid();
            kubo.pin(root);
            return root;
        } finally {
            try {
                kubo.filesRemove(mfs);
            } catch (IOException ignored) {
                // best effort: a leftover MFS directory holds nothing but references
            }
        }
    }

    private void mergeInto(String name, NameState state, String deltaCid, Path delta, String mfs) throws IOException {
        String from = "/ipfs/" + deltaCid + "/" + name;
        String to = mfs + "/" + name;
        if (!state.entries().contains("blobs")) {
            kubo.filesCopy(from + "/blobs", to + "/blobs");
        } else if (!exists("/ipfs/" + cid + "/" + name + "/blobs/sha256")) {
            kubo.filesCopy(from + "/blobs/sha256", to + "/blobs/sha256");
        } else {
            List<String> newBlobs = new ArrayList<>();
            try (Stream<Path> files = Files.list(delta.resolve(name).resolve("blobs/sha256"))) {
                files.forEach(f -> newBlobs.add(f.getFileName().toString()));
            }
            for (String hex : newBlobs) {
                if (!state.blobs().contains(hex)) {
                    kubo.filesCopy(from + "/blobs/sha256/" + hex, to + "/blobs/sha256/" + hex);
                }
            }
        }
        for (String file : List.of("index.json", "oci-layout")) {
            if (state.entries().contains(file)) {
                kubo.filesRemove(to + "/" + file);
            }
            kubo.filesCopy(from + "/" + file, to + "/" + file);
        }
    }

    private String firstMissing(String name) throws IOException {
        String[] parts = name.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(part);
            if (!exists("/ipfs/" + cid + "/" + prefix)) {
                return prefix.toString();
            }
        }
        return name;
    }

    private boolean exists(String path) throws IOException {
        try {
            kubo.stat(path);
            return true;
        } catch (IpfsNotFoundException e) {
            return false;
        }
    }
}
