package io.ipfsmiddleware.core.name;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.cid.InvalidCidException;
import java.util.List;
import java.util.Optional;

/**
 * A repository name in the {@code ipfs/} namespace: {@code ipfs/<cid>[/<sub/path>]}. The OCI
 * image layout it names is the UnixFS directory {@code /ipfs/<cid>/<sub/path>}; with no
 * sub-path the CID itself is the layout.
 *
 * @param repository the full repository name
 * @param cid the root CID (CIDv1, base32 or base36)
 * @param subPath the path below the CID, without leading slash; empty when none
 */
public record IpfsName(RepositoryName repository, Cid cid, String subPath) {
    /** The first path component of names this middleware serves. */
    public static final String NAMESPACE = "ipfs";

    /**
     * @param name any repository name
     * @return the IPFS name, or empty when {@code name} is not in the {@code ipfs/} namespace
     * @throws RegistryException {@code NAME_INVALID} when it is, but has no valid CIDv1
     */
    public static Optional<IpfsName> of(RepositoryName name) throws RegistryException {
        List<String> parts = name.components();
        if (!parts.get(0).equals(NAMESPACE)) {
            return Optional.empty();
        }
        if (parts.size() < 2) {
            throw new RegistryException(ErrorCode.NAME_INVALID,
                    "'" + name + "' names no content: use ipfs/<cid>/<path>/<image>, e.g. ipfs/bafybei…/alpine", name.value());
        }
        Cid cid;
        try {
            cid = Cid.parse(parts.get(1));
        } catch (InvalidCidException e) {
            throw new RegistryException(ErrorCode.NAME_INVALID,
                    "'" + parts.get(1) + "' in '" + name + "' is not a valid CID: " + e.getMessage(), name.value(), e);
        }
        String sub = String.join("/", parts.subList(2, parts.size()));
        return Optional.of(new IpfsName(name, cid, sub));
    }

    /**
     * Explains a request name that fails the repository grammar but is meant for IPFS, most
     * often because it carries an uppercase CIDv0.
     *
     * @param rawName the name as sent
     * @return an error for the client, or empty when the name is not in the {@code ipfs/} namespace
     */
    public static Optional<RegistryException> explainInvalid(String rawName) {
        String[] parts = rawName.split("/", -1);
        if (parts.length == 0 || !parts[0].equalsIgnoreCase(NAMESPACE)) {
            return Optional.empty();
        }
        if (parts.length > 1 && Cid.looksLikeCidV0(parts[1])) {
            try {
                Cid.parse(parts[1]);
            } catch (InvalidCidException e) {
                return Optional.of(new RegistryException(ErrorCode.NAME_INVALID, e.getMessage(), rawName));
            }
        }
        String problem = RepositoryName.isValid(rawName) ? "" : ": " + problemOf(rawName);
        return Optional.of(new RegistryException(ErrorCode.NAME_INVALID, "'" + rawName
                + "' is not a valid repository name" + problem
                + ". IPFS names are ipfs/<CIDv1>/<path>, all lowercase", rawName));
    }

    private static String problemOf(String rawName) {
        try {
            RepositoryName.parse(rawName);
            return "";
        } catch (RegistryException e) {
            return e.getMessage();
        }
    }

    /** @return the IPFS path of the layout directory, e.g. {@code /ipfs/bafy…/alpine} */
    public String layoutPath() {
        return "/ipfs/" + cid + (subPath.isEmpty() ? "" : "/" + subPath);
    }

    @Override
    public String toString() {
        return repository.value();
    }
}
