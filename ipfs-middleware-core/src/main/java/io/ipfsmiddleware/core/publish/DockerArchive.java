package io.ipfsmiddleware.core.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.MediaTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Converts an unpacked classic {@code docker save} archive ({@code manifest.json}, a config
 * {@code <id>.json}, layers {@code <id>/layer.tar}) into an OCI layout in the same directory.
 *
 * <p>Decisions: the config is kept byte for byte (its digest is the image ID); layers are kept as
 * they are in the archive — uncompressed tars as Docker writes them, so each layer's digest is
 * its {@code diff_id} and nothing is compressed, which keeps the conversion deterministic and
 * cheap — with the OCI media type {@code application/vnd.oci.image.layer.v1.tar} (or {@code
 * …tar+gzip} for a gzip layer). Each layer is checked against the config's {@code
 * rootfs.diff_ids}, which catches a corrupt archive. The manifest is a compact OCI image
 * manifest written in a fixed field order, so the same archive always converts to the same
 * digest. Manifest digests differ from those a registry had (a classic archive does not keep
 * them); layer diff_ids and the config do not.
 */
final class DockerArchive {
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

    private DockerArchive() {
    }

    static List<SourceImage> convert(Path dir, String where) throws IOException {
        JsonNode items = readJson(dir.resolve("manifest.json"), where + " manifest.json");
        if (!items.isArray() || items.isEmpty()) {
            throw new PublishException(where + ": manifest.json lists no images");
        }
        Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
        List<SourceImage> images = new ArrayList<>();
        for (JsonNode item : items) {
            Path configFile = member(dir, item.path("Config").asText(""), where, "config");
            byte[] config = Files.readAllBytes(configFile);
            Descriptor configDescriptor = store(blobs, config, OCI_CONFIG);
            JsonNode diffIds = PublishJson.read(config, where + " config " + item.path("Config").asText()).path("rootfs")
                    .path("diff_ids");
            JsonNode layers = item.path("Layers");
            if (!layers.isArray() || diffIds.size() != layers.size()) {
                throw new PublishException(where + ": image " + item.path("Config").asText() + " lists " + layers.size()
                        + " layers but its config has " + diffIds.size() + " diff_ids; the archive is corrupt");
            }
            ObjectNode manifest = PublishJson.MAPPER.createObjectNode();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.set("config", PublishJson.descriptorNode(configDescriptor));
            ArrayNode layerArray = manifest.putArray("layers");
            for (int i = 0; i < layers.size(); i++) {
                Path layerFile = member(dir, layers.get(i).asText(""), where, "layer");
                layerArray.add(PublishJson.descriptorNode(layer(blobs, layerFile, diffIds.get(i).asText(), where)));
            }
            byte[] manifestBytes = PublishJson.write(manifest);
            Descriptor root = store(blobs, manifestBytes, MediaTypes.OCI_MANIFEST);
            JsonNode repoTags = item.path("RepoTags");
            if (!repoTags.isArray() || repoTags.isEmpty()) {
                images.add(new SourceImage(null, root));
            }
            for (JsonNode repoTag : repoTags) {
                images.add(new SourceImage(tagOf(repoTag.asText()), root));
            }
        }
        return images;
    }

    /** {@code alpine:3.10.1} → {@code 3.10.1}; {@code host:5000/a/b} (no tag) → {@code latest}. */
    static String tagOf(String repoTag) {
        int colon = repoTag.lastIndexOf(':');
        return colon > repoTag.lastIndexOf('/') ? repoTag.substring(colon + 1) : "latest";
    }

    private static Descriptor layer(Path blobs, Path file, String diffId, String where) throws IOException {
        boolean gzip;
        try (InputStream in = Files.newInputStream(file)) {
            gzip = in.read() == 0x1f && in.read() == 0x8b;
        }
        MessageDigest fileHash = sha256();
        MessageDigest diffHash = sha256();
        long size;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DigestInputStream digesting = new DigestInputStream(in, fileHash);
            if (gzip) {
                size = Files.size(file);
                try (DigestInputStream uncompressed = new DigestInputStream(new GZIPInputStream(digesting), diffHash)) {
                    uncompressed.transferTo(OutputStream.nullOutputStream());
                }
                digesting.transferTo(OutputStream.nullOutputStream());
            } else {
                size = digesting.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new PublishException(where + ": layer " + file.getFileName() + " cannot be read (" + e.getMessage()
                    + "); the archive is corrupt", e);
        }
        String hex = HexFormat.of().formatHex(fileHash.digest());
        String diff = gzip ? HexFormat.of().formatHex(diffHash.digest()) : hex;
        if (!diffId.equals("sha256:" + diff)) {
            throw new PublishException(where + ": layer " + file.getFileName() + " has diff_id sha256:" + diff
                    + " but the image config says " + diffId + "; the archive is corrupt or truncated");
        }
        Path blob = blobs.resolve(hex);
        if (!Files.exists(blob)) {
            try {
                Files.createLink(blob, file); // no second copy of a large layer when the file system allows
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, blob, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return Descriptor.of(gzip ? OCI_LAYER_GZIP : OCI_LAYER, new Digest("sha256", hex), size);
    }

    private static Descriptor store(Path blobs, byte[] bytes, String mediaType) throws IOException {
        String hex = HexFormat.of().formatHex(sha256().digest(bytes));
        Files.write(blobs.resolve(hex), bytes);
        return Descriptor.of(mediaType, new Digest("sha256", hex), bytes.length);
    }

    private static Path member(Path dir, String name, String where, String what) throws PublishException {
        Path file = dir.resolve(name).normalize();
        if (name.isEmpty() || !file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new PublishException(where + ": the " + what + " '" + name + "' that manifest.json names is not in "
                    + "the archive; it is incomplete or truncated");
        }
        return file;
    }

    private static JsonNode readJson(Path file, String what) throws IOException {
        JsonNode node;
        try {
            node = PublishJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PublishException(what + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        return node;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
