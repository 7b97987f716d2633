package io.ipfsmiddleware.core.name;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.cid.InvalidCidException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository name whose content moves: {@code ipns/<name>[/<sub/path>]}, where the name is an
 * IPNS key ({@code k51…}, a base36 CIDv1), a DNSLink domain, or an ENS {@code .eth} name. A first
 * component that itself ends in {@code .eth} ({@code example.eth/app}) is read as
 * {@code ipns/example.eth/app}. The node resolves the name to an {@code /ipfs/} path.
 *
 * @param repository the full repository name
 * @param key the IPNS key or domain
 * @param subPath the path below it, without leading slash; empty when none
 */
public record IpnsName(RepositoryName repository, String key, String subPath) {
    /** The first path component of IPNS names. */
    public static final String NAMESPACE = "ipns";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * @param name any repository name
     * @return the IPNS name, or empty when {@code name} is not one
     * @throws RegistryException {@code NAME_INVALID} when it is in the {@code ipns/} namespace but malformed
     */
    public static Optional<IpnsName> of(RepositoryName name) throws RegistryException {
        List<String> parts = name.components();
        if (parts.get(0).endsWith(".eth") && isDomain(parts.get(0))) {
            return Optional.of(new IpnsName(name, parts.get(0), String.join("/", parts.subList(1, parts.size()))));
        }
        if (!parts.get(0).equals(NAMESPACE)) {
            return Optional.empty();
        }
        if (parts.size() < 2) {
            throw new RegistryException(ErrorCode.NAME_INVALID, "'" + name + "' names nothing: use ipns/<key or "
                    + "domain>/<path>, e.g. ipns/k51…/alpine or ipns/example.com/alpine", name.value());
        }
        String key = parts.get(1);
        if (!isDomain(key)) {
            try {
                Cid.parse(key);
            } catch (InvalidCidException e) {
                throw new RegistryException(ErrorCode.NAME_INVALID, "'" + key + "' in '" + name + "' is neither an "
                        + "IPNS key (k51…) nor a DNSLink domain: " + e.getMessage(), name.value(), e);
            }
        }
        return Optional.of(new IpnsName(name, key, String.join("/", parts.subList(2, parts.size()))));
    }

    private static boolean isDomain(String text) {
        if (text.length() > 253 || text.indexOf('.') < 0) {
            return false;
        }
        for (String label : text.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** @return the path the node resolves, e.g. {@code /ipns/example.com} */
    public String ipnsPath() {
        return "/ipns/" + key;
    }

    /**
     * @param resolvedRoot what the node resolved {@link #ipnsPath()} to, an {@code /ipfs/…} path
     * @return the layout directory below it
     */
    public String layoutPath(String resolvedRoot) {
        String root = resolvedRoot.endsWith("/") ? resolvedRoot.substring(0, resolvedRoot.length() - 1) : resolvedRoot;
        return subPath.isEmpty() ? root : root + "/" + subPath;
    }

    @Override
    public String toString() {
        return repository.value();
    }
}
