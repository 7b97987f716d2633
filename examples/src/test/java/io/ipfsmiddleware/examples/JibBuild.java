package io.ipfsmiddleware.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Builds an image with Jib (jib-core) on a base image pulled from the registry under test. */
final class JibBuild {
    private JibBuild() {
    }

    /** What Jib wrote: the digests of the layers in its tarball (no application layers are added). */
    record Result(List<String> layerDigests) {
    }

    /**
     * Runs Jib with {@code base} as the base image and a fresh layer cache (so nothing comes from
     * an earlier run), writing a Docker tarball.
     */
    static Result onBase(String base, Path tar) throws Exception {
        Path cache = Files.createTempDirectory(tar.getParent(), "jib-cache");
        Jib.from(RegistryImage.named(base))
                .setEntrypoint("/bin/sh", "-c", "echo built by jib")
                .containerize(Containerizer.to(TarImage.at(tar).named("jib-built:latest"))
                        .setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(cache.resolve("base"))
                        .setApplicationLayersCache(cache.resolve("app")));
        List<String> layers = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.getName().equals("manifest.json")) {
                    JsonNode manifest = new ObjectMapper().readTree(entries.readAllBytes());
                    for (JsonNode layer : manifest.path(0).path("Layers")) {
                        String file = layer.asText();
                        layers.add("sha256:" + file.substring(0, file.indexOf('.')));
                    }
                }
            }
        }
        return new Result(layers);
    }
}
