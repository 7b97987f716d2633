package io.ipfsmiddleware.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready-made OCI layouts for tests, one per situation the middleware must handle. Each writes a
 * fresh layout at the given directory (which must not exist or be empty) and returns its
 * description. All images are repository {@code docker.io/library/alpine} unless noted; they
 * are busybox-based and runnable, not real Alpine.
 *
 * <table>
 *   <caption>Variants</caption>
 *   <tr><th>method</th><th>tags in index.json</th><th>what is special</th></tr>
 *   <tr><td>{@link #alpine}</td><td>3.10.1, latest (same manifest); 3.9</td><td>plain OCI, as skopeo writes</td></tr>
 *   <tr><td>{@link #multiPlatform}</td><td>3.10.1, latest</td><td>OCI image index: linux/amd64 + linux/arm64/v8</td></tr>
 *   <tr><td>{@link #dockerMediaTypes}</td><td>3.10.1, latest; multi (manifest list)</td><td>Docker v2s2 media types</td></tr>
 *   <tr><td>{@link #fullReference}</td><td>docker.io/library/alpine:3.10.1, …:latest</td><td>containerd/buildkit ref names</td></tr>
 *   <tr><td>{@link #dockerSave}</td><td>3.10.1, latest</td><td>docker save ≥ 25: uncompressed layers, manifest.json, repositories</td></tr>
 *   <tr><td>{@link #withoutMediaType}</td><td>3.10.1, latest; multi (index)</td><td>no mediaType field inside manifests/indexes</td></tr>
 *   <tr><td>{@link #skopeoLayout}</td><td>3.10.1, latest</td><td>written by skopeo copy from {@link #alpine}</td></tr>
 * </table>
 */
public final class OciImages {

    /** The repository name the presets use. */
    public static final String REPOSITORY = "docker.io/library/alpine";
    /** The main tag of every preset. */
    public static final String TAG = "3.10.1";

    private OciImages() {
    }

    /**
     * Tags {@code 3.10.1} and {@code latest} on one image, {@code 3.9} on another; OCI media types.
     *
     * @param dir layout directory to create
     * @return the layout
     */
    public static OciLayout alpine(Path dir) {
        return OciLayoutBuilder.at(dir).image(TAG, "latest").image("3.9").build();
    }

    /**
     * Tags {@code 3.10.1} and {@code latest} on an OCI image index with linux/amd64 and linux/arm64/v8 manifests.
     *
     * @param dir layout directory to create
     * @return the layout
     */
    public static OciLayout multiPlatform(Path dir) {
        return OciLayoutBuilder.at(dir).multiPlatformImage(TAG, "latest").build();
    }

    /**
     * Docker media types: {@code 3.10.1}/{@code latest} a v2 schema 2 manifest, {@code multi} a manifest list.
     * {@code index.json} states those media types, as {@code crane pull --format=oci} and containerd
     * exports of Docker Hub images do. Note: skopeo 1.9's {@code oci:} transport ignores such
     * entries ("no descriptor found for reference"); it cannot read this layout.
     *
     * @param dir layout directory to create
     * @return the layout
     */
    public static OciLayout dockerMediaTypes(Path dir) {
        return OciLayoutBuilder.at(dir).manifestFormat(ManifestFormat.DOCKER)
                .image(TAG, "latest").multiPlatformImage("multi").build();
    }

    /**
     * Ref names {@code docker.io/library/alpine:3.10.1} and {@code …:latest}, with matching
     * {@code io.containerd.image.name}, as containerd and buildkit export.
     *
     * @param dir layout directory to create
     * @return the layout
     */
    public static OciLayout fullReference(Path dir) {
        return OciLayoutBuilder.at(dir).refNameStyle(RefNameStyle.FULL_REFERENCE).image(TAG, "latest").build();
    }

    /**
     * What {@code docker save alpine:3.10.1 alpine:latest} (Docker ≥ 25) unpacks to: an OCI layout
     * with uncompressed layers, ref names {@code 3.10.1}/{@code latest}, {@code io.containerd.image.name}
     * {@code docker.io/library/alpine:<tag>}, plus {@code manifest.json} and {@code repositories}.
     *
     * @param dir layout directory to create
     * @return the layout
     */
    public static OciLayout dockerSave(Path dir) {
        return OciLayoutBuilder.at(dir).refNameStyle(RefNameStyle.DOCKER_SAVE)
                .layerCompression(LayerCompression.NONE).image(TAG, "latest").build();
    }

    /**
     * Manifests, the index and {@code index.json} without the optional {@code mediaType} field:
     * {@code 3.10.1}/{@code latest} a manifest, {@code multi} an index.
     *
     * @param dir layout directory to create
     * @return the layout
     */
    public static OciLayout withoutMediaType(Path dir) {
        return OciLayoutBuilder.at(dir).omitManifestMediaType(true)
                .image(TAG, "latest").multiPlatformImage("multi").build();
    }

    /**
     * The user's tree: {@code <root>/<name>/} for each name, each an OCI layout of repository
     * {@code docker.io/library/<name>} with tags {@code 3.10.1} and {@code latest} and a random
     * layer seeded by the name (so names share only the busybox layer).
     *
     * @param root the {@code images} directory to create
     * @param names directory names; {@code alpine} and {@code busybox} when none are given
     * @return the tree
     */
    public static SeedTree seedTree(Path root, String... names) {
        List<String> all = names.length == 0 ? List.of("alpine", "busybox") : List.of(names);
        Map<String, OciLayout> layouts = new LinkedHashMap<>();
        for (String name : all) {
            layouts.put(name, OciLayoutBuilder.at(root.resolve(name))
                    .repository("docker.io/library/" + name)
                    .seed(name.hashCode())
                    .image(TAG, "latest")
                    .build());
        }
        return new SeedTree(root, layouts);
    }

    /**
     * A layout written by skopeo itself, as the user's workflow produces: builds {@link #alpine}
     * in a temporary directory and runs {@code skopeo copy oci:<tmp>:<tag> oci:<dir>:<tag>} for
     * {@code 3.10.1} and {@code latest}.
     *
     * @param dir layout directory for skopeo to create, e.g. {@code images/alpine}
     * @return the layout as skopeo wrote it
     * @throws IllegalStateException if skopeo is not installed
     */
    public static OciLayout skopeoLayout(Path dir) {
        Skopeo skopeo = Skopeo.locate();
        Path source = TempDirs.create("testkit-skopeo-src-");
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            alpine(source.resolve("layout"));
            for (String tag : List.of(TAG, "latest")) {
                skopeo.copy(Skopeo.oci(source.resolve("layout"), tag), Skopeo.oci(dir, tag));
            }
            return OciLayout.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the parent of " + dir, e);
        } finally {
            try {
                TempDirs.deleteRecursively(source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + source, e);
            }
        }
    }
}
