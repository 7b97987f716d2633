package io.ipfsmiddleware.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The JSON documents of an image: config, manifest, index and the layout's {@code index.json}. */
final class ImageDocuments {

    /** Fixed creation time of every generated image. */
    static final String CREATED = "2019-07-11T00:00:00Z";
    static final String DEFAULT_PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ImageDocuments() {
    }

    /** Image config: platform, {@code Cmd ["/bin/sh"]}, {@code rootfs.diff_ids}, one history entry per layer. */
    static byte[] config(Platform platform, List<String> diffIds, List<String> layerComments) {
        ObjectNode config = Json.object();
        config.put("created", CREATED);
        config.put("architecture", platform.architecture());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.put("os", platform.os());
        ObjectNode runtime = config.putObject("config");
        runtime.putArray("Env").add(DEFAULT_PATH_ENV);
        runtime.putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(ids::add);
        ArrayNode history = config.putArray("history");
        for (String comment : layerComments) {
            ObjectNode h = history.addObject();
            h.put("created", CREATED);
            h.put("created_by", "ipfs-middleware-testkit: " + comment);
        }
        return Json.bytes(config);
    }

    /** Image manifest; {@code mediaType} left out when {@code manifestMediaType} is null. */
    static byte[] manifest(String manifestMediaType, Descriptor config, List<Descriptor> layers) {
        ObjectNode manifest = Json.object();
        manifest.put("schemaVersion", 2);
        if (manifestMediaType != null) {
            manifest.put("mediaType", manifestMediaType);
        }
        manifest.set("config", Json.descriptor(config));
        ArrayNode array = manifest.putArray("layers");
        layers.forEach(l -> array.add(Json.descriptor(l)));
        return Json.bytes(manifest);
    }

    /** Image index / manifest list with a platform per entry; {@code mediaType} left out when null. */
    static byte[] index(String indexMediaType, Map<Platform, Descriptor> manifests) {
        ObjectNode index = Json.object();
        index.put("schemaVersion", 2);
        if (indexMediaType != null) {
            index.put("mediaType", indexMediaType);
        }
        ArrayNode array = index.putArray("manifests");
        manifests.forEach((platform, descriptor) -> {
            ObjectNode entry = Json.descriptor(descriptor);
            ObjectNode p = entry.putObject("platform");
            p.put("architecture", platform.architecture());
            p.put("os", platform.os());
            if (platform.variant() != null) {
                p.put("variant", platform.variant());
            }
            array.add(entry);
        });
        return Json.bytes(index);
    }

    /** A layout's {@code index.json} entry, annotations in key order. */
    static ObjectNode indexEntry(Descriptor target, SortedMap<String, String> annotations) {
        ObjectNode entry = Json.descriptor(target);
        ObjectNode a = entry.putObject("annotations");
        annotations.forEach(a::put);
        return entry;
    }

    /** A layout's {@code index.json}; the top-level {@code mediaType} is left out when null. */
    static byte[] layoutIndex(String mediaType, List<ObjectNode> entries) {
        ObjectNode index = Json.object();
        index.put("schemaVersion", 2);
        if (mediaType != null) {
            index.put("mediaType", mediaType);
        }
        index.putArray("manifests").addAll(entries);
        return Json.bytes(index);
    }
}
