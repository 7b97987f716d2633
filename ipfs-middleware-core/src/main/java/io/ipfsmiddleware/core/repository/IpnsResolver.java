package io.ipfsmiddleware.core.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.core.name.IpnsName;
import io.ipfsmiddleware.core.node.IpfsNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves IPNS keys, DNSLink domains and {@code .eth} names through the node, keeping each
 * answer for a time-to-live so that tags follow the name's current target without a lookup per
 * request.
 */
public final class IpnsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(IpnsResolver.class);

    private final IpfsNode node;
    private final Cache<String, String> resolved;

    /**
     * @param node the node whose resolver answers
     * @param ttl how long an answer is kept
     * @param ticker the clock for expiry (tests pass a fake one)
     */
    public IpnsResolver(IpfsNode node, Duration ttl, Ticker ticker) {
        this.node = node;
        this.resolved = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
    }

    /**
     * @param name the name
     * @return the {@code /ipfs/<cid>[/…]} path its key currently points at
     * @throws RegistryException {@code NAME_UNKNOWN} when the name does not resolve, {@code UNAVAILABLE}
     *     when the node cannot answer
     */
    public String resolve(IpnsName name) throws RegistryException {
        try {
            // One lookup per name at a time: concurrent requests wait for the same answer.
            return resolved.get(name.key(), key -> {
                try {
                    String path = node.resolve(name.ipnsPath());
                    LOG.debug("{} resolved to {}", name.ipnsPath(), path);
                    return path;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException wrapped) {
            IOException e = wrapped.getCause();
            RegistryException error = NodeErrors.translate(e, ErrorCode.NAME_UNKNOWN, "the IPNS name " + name.key());
            if (error.code() == ErrorCode.NAME_UNKNOWN) {
                throw new RegistryException(ErrorCode.NAME_UNKNOWN, name.ipnsPath() + " does not resolve ("
                        + e.getMessage() + "). Check that the key is published (ipfs name publish) or that the "
                        + "domain has a _dnslink TXT record", name.repository().value(), e);
            }
            throw error;
        }
    }
}
