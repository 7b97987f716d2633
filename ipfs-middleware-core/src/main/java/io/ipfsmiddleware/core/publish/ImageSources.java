package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.core.layout.LayoutIndex;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes {@link ImageSource}s, from a source string as skopeo writes it or directly.
 *
 * <table>
 *   <caption>Source strings</caption>
 *   <tr><td>{@code oci:DIR[:TAG]}</td><td>an OCI image layout directory; every tagged image, or the one tagged TAG</td></tr>
 *   <tr><td>{@code oci-archive:FILE[:TAG]}</td><td>a tar of an OCI image layout</td></tr>
 *   <tr><td>{@code docker-archive:FILE}</td><td>a {@code docker save} tar, classic or Docker ≥ 25 (OCI); {@code -} reads standard input; gzip is recognised</td></tr>
 *   <tr><td>{@code docker://HOST/NAME:TAG}</td><td>an image in a registry (also {@code …@sha256:…}); HTTP for localhost and 127.0.0.1, HTTPS otherwise</td></tr>
 * </table>
 */
public final class ImageSources {
    private static final String KINDS = "oci:DIR[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE (- for standard "
            + "input) or docker://HOST/NAME:TAG";

    private ImageSources() {
    }

    /**
     * @param spec a source string (see the table)
     * @param stdin what {@code -} reads
     * @return the source
     * @throws PublishException for an unknown kind or a malformed reference
     */
    public static ImageSource parse(String spec, InputStream stdin) throws PublishException {
        if (spec.startsWith("docker://")) {
            return registry(spec.substring("docker://".length()));
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? "" : spec.substring(0, colon);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        if (rest.isEmpty() && !kind.isEmpty()) {
            throw new PublishException("source '" + spec + "' names no file or directory; use " + KINDS);
        }
        switch (kind) {
            case "oci": {
                String[] dirTag = splitTag(rest);
                return new OciLayoutSource(Path.of(dirTag[0]), dirTag[1], spec);
            }
            case "oci-archive": {
                String[] fileTag = splitTag(rest);
                return new ArchiveSource(false, Path.of(fileTag[0]), null, fileTag[1], spec);
            }
            case "docker-archive":
                return rest.equals("-") ? new ArchiveSource(true, null, () -> stdin, null, spec)
                        : new ArchiveSource(true, Path.of(rest), null, null, spec);
            default:
                throw new PublishException("unknown source kind in '" + spec + "'; use " + KINDS);
        }
    }

    /**
     * @param dir an OCI image layout
     * @param tag the image to take, or {@code null} for every tagged image
     * @return the source
     */
    public static ImageSource ociLayout(Path dir, String tag) {
        return new OciLayoutSource(dir, tag, "oci:" + dir + (tag == null ? "" : ":" + tag));
    }

    /**
     * @param file a {@code docker save} archive (classic or OCI)
     * @return the source
     */
    public static ImageSource dockerArchive(Path file) {
        return new ArchiveSource(true, file, null, null, "docker-archive:" + file);
    }

    /**
     * @param file a tar of an OCI layout
     * @param tag the image to take, or {@code null} for every tagged image
     * @return the source
     */
    public static ImageSource ociArchive(Path file, String tag) {
        return new ArchiveSource(false, file, null, tag, "oci-archive:" + file + (tag == null ? "" : ":" + tag));
    }

    /**
     * @param reference {@code host[:port]/name:tag} or {@code …@sha256:…}
     * @return the source (60 s to connect and to each answer's headers)
     * @throws PublishException when the reference is malformed
     */
    public static ImageSource registry(String reference) throws PublishException {
        String spec = "docker://" + reference;
        return new RegistrySource(RegistryReference.parse(reference, spec), spec, Duration.ofSeconds(60));
    }

    /** {@code path[:tag]} → {path, tag or null}; a colon is a tag separator only when a valid tag follows. */
    private static String[] splitTag(String rest) {
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && colon > rest.lastIndexOf('/') && LayoutIndex.isTag(rest.substring(colon + 1))) {
            return new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
        }
        return new String[] {rest, null};
    }
}
