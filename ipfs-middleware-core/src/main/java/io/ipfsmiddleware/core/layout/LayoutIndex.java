package io.ipfsmiddleware.core.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parsed {@code index.json} of an OCI image layout, with its entries' tags. A tag comes
 * from {@code org.opencontainers.image.ref.name}, either a bare tag (as skopeo, podman and
 * umoci write it) or a full reference such as {@code docker.io/library/alpine:3.10.1}
 * (containerd, buildkit, {@code docker save}), or from {@code io.containerd.image.name}.
 */
public final class LayoutIndex {
    /** The annotation OCI image layouts name their tags with. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    /** The annotation containerd and Docker write a full image reference into. */
    public static final String CONTAINERD_NAME = "io.containerd.image.name";

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final List<IndexEntry> entries;
    private final Map<String, Descriptor> byTag;

    private LayoutIndex(List<IndexEntry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Descriptor> tags = new LinkedHashMap<>();
        for (IndexEntry entry : entries) {
            for (String tag : entry.tags()) {
                tags.putIfAbsent(tag, entry.descriptor());
            }
        }
        this.byTag = Map.copyOf(tags);
    }

    /**
     * @param json the bytes of {@code index.json}
     * @param where the IPFS path it was read from, for messages
     * @return the index
     * @throws RegistryException {@code NAME_UNKNOWN} when it is not a valid OCI index
     */
    public static LayoutIndex parse(byte[] json, String where) throws RegistryException {
        JsonNode root = Json.read(json, where, ErrorCode.NAME_UNKNOWN);
        JsonNode manifests = root.path("manifests");
        if (!root.isObject() || !manifests.isArray()) {
            throw invalid(where, "it has no \"manifests\" list");
        }
        List<IndexEntry> entries = new ArrayList<>();
        for (JsonNode m : manifests) {
            entries.add(new IndexEntry(descriptor(m, where), tagsOf(m.path("annotations"))));
        }
        return new LayoutIndex(entries);
    }

    private static Descriptor descriptor(JsonNode m, String where) throws RegistryException {
        String digest = m.path("digest").asText(null);
        if (digest == null || !Digest.isDigest(digest)) {
            throw invalid(where, "an entry has no valid \"digest\" (" + digest + ")");
        }
        JsonNode size = m.path("size");
        if (!size.canConvertToLong() || size.asLong() < 0) {
            throw invalid(where, "entry " + digest + " has no valid \"size\"");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        m.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
        String mediaType = m.path("mediaType").asText("");
        return new Descriptor(mediaType, Digest.parse(digest), size.asLong(), annotations);
    }

    private static List<String> tagsOf(JsonNode annotations) {
        TreeSet<String> tags = new TreeSet<>();
        tagOf(annotations.path(REF_NAME).asText(null)).ifPresent(tags::add);
        tagOf(annotations.path(CONTAINERD_NAME).asText(null)).ifPresent(tags::add);
        return List.copyOf(tags);
    }

    /**
     * @param reference a bare tag or a full image reference
     * @return the tag it names, or empty when it names none (e.g. a digest reference)
     */
    static Optional<String> tagOf(String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (TAG.matcher(reference).matches()) {
            return Optional.of(reference);
        }
        String ref = reference;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            String tag = ref.substring(colon + 1);
            if (TAG.matcher(tag).matches()) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }

    private static RegistryException invalid(String where, String why) {
        return new RegistryException(ErrorCode.NAME_UNKNOWN,
                where + " is not a valid OCI image index: " + why, where);
    }

    /** @return the entries, in file order */
    public List<IndexEntry> entries() {
        return entries;
    }

    /** @return every tag, sorted */
    public List<String> tags() {
        return List.copyOf(new TreeSet<>(byTag.keySet()));
    }

    /** @return the descriptor tagged {@code tag}; the first entry wins when several claim it */
    public Optional<Descriptor> find(String tag) {
        return Optional.ofNullable(byTag.get(tag));
    }

    /** @return the descriptor an entry gives for {@code digest}, when index.json lists it */
    public Optional<Descriptor> find(Digest digest) {
        return entries.stream().map(IndexEntry::descriptor).filter(d -> d.digest().equals(digest)).findFirst();
    }

    /** @return whether {@code tag} follows the tag grammar */
    public static boolean isTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}
