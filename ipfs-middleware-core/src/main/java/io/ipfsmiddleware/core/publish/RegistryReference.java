package io.ipfsmiddleware.core.publish;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image in a registry as {@code docker://} writes it: {@code host[:port]/name[:tag][@digest]}.
 * A reference without a registry host means Docker Hub ({@code alpine} is {@code
 * registry-1.docker.io/library/alpine:latest}). Loopback hosts are spoken to over plain HTTP,
 * all others over HTTPS.
 *
 * @param host the registry host and port as written ({@code docker.io} for Docker Hub)
 * @param repository the repository path
 * @param tag the tag, or {@code null} when a digest is given
 * @param digest the digest, or {@code null}
 */
record RegistryReference(String host, String repository, String tag, String digest) {
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

    static RegistryReference parse(String text, String where) throws PublishException {
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String host = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                host = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        } else if (digest == null) {
            tag = "latest";
        }
        if (host.equals("docker.io") && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (!REPOSITORY.matcher(rest).matches() || tag != null && !io.ipfsmiddleware.core.layout.LayoutIndex.isTag(tag)
                || digest != null && !io.ipfsmiddleware.api.model.Digest.isDigest(digest)) {
            throw new PublishException(where + " is not a valid image reference (docker://host[:port]/name:tag or "
                    + "…@sha256:…)");
        }
        return new RegistryReference(host, rest, tag, digest);
    }

    /** @return {@code http(s)://host[:port]} of the registry API */
    URI baseUri() {
        String h = host.equals("docker.io") ? "registry-1.docker.io" : host;
        String bare = h.startsWith("[") ? h.substring(0, h.indexOf(']') + 1) : h.replaceFirst(":\\d+$", "");
        String lower = bare.toLowerCase(Locale.ROOT);
        boolean loopback = lower.equals("localhost") || lower.equals("127.0.0.1") || lower.equals("[::1]");
        return URI.create((loopback ? "http://" : "https://") + h);
    }

    /** @return the tag or digest to ask the manifests endpoint for */
    String reference() {
        return digest != null ? digest : tag;
    }
}
