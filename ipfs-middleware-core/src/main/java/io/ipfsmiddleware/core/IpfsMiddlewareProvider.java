package io.ipfsmiddleware.core;

import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.api.spi.RepositoryMiddleware;
import io.ipfsmiddleware.api.spi.RepositoryMiddlewareProvider;
import io.ipfsmiddleware.core.cache.ByteSize;
import io.ipfsmiddleware.core.cache.CacheSettings;
import io.ipfsmiddleware.core.cache.Caches;
import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.kubo.Multiaddr;
import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code ipfs} middleware to {@link java.util.ServiceLoader}. Options:
 * <ul>
 *   <li>{@code ipfsapiaddress}: the node's RPC API, as a multiaddr ({@code /ip4/127.0.0.1/tcp/5001})
 *       or URL ({@code http://127.0.0.1:5001}); default {@value #DEFAULT_API}</li>
 *   <li>{@code timeout}: deadline of each read from the node, e.g. {@code 30s}; default 60s</li>
 *   <li>{@code connecttimeout}: deadline to connect to the node; default 5s</li>
 *   <li>{@code cachedirectory}: directory of the disk blob cache; default none (no disk cache)</li>
 *   <li>{@code cachemaxsize}: bound on the disk cache, e.g. {@code 10GiB} (the default)</li>
 *   <li>{@code metadatacachesize}: bound on the in-memory metadata cache, e.g. {@code 64MiB} (the default)</li>
 * </ul>
 */
public final class IpfsMiddlewareProvider implements RepositoryMiddlewareProvider {
    /** The name under {@code middleware.repository}. */
    public static final String NAME = "ipfs";
    /** The default RPC API address, kubo's own default. */
    public static final String DEFAULT_API = "/ip4/127.0.0.1/tcp/5001";
    /** Option: the node's RPC API address. */
    public static final String API_ADDRESS = "ipfsapiaddress";
    /** Option: the deadline of each read. */
    public static final String TIMEOUT = "timeout";
    /** Option: the connect deadline. */
    public static final String CONNECT_TIMEOUT = "connecttimeout";
    /** Option: the disk blob cache's directory. */
    public static final String CACHE_DIRECTORY = "cachedirectory";
    /** Option: the disk blob cache's bound. */
    public static final String CACHE_MAX_SIZE = "cachemaxsize";
    /** Option: the metadata cache's bound. */
    public static final String METADATA_CACHE_SIZE = "metadatacachesize";

    private static final Logger LOG = LoggerFactory.getLogger(IpfsMiddlewareProvider.class);
    private static final Set<String> KNOWN = Set.of(API_ADDRESS, TIMEOUT, CONNECT_TIMEOUT, CACHE_DIRECTORY,
            CACHE_MAX_SIZE, METADATA_CACHE_SIZE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RepositoryMiddleware create(MiddlewareOptions options) {
        options.requireKnownKeys(KNOWN);
        String address = options.string(API_ADDRESS, DEFAULT_API);
        URI api;
        try {
            api = Multiaddr.apiBaseUri(address);
        } catch (IllegalArgumentException e) {
            throw new MiddlewareConfigException("middleware 'ipfs': option '" + API_ADDRESS + "' is invalid: "
                    + e.getMessage(), e);
        }
        Duration timeout = options.duration(TIMEOUT, Duration.ofSeconds(60));
        Duration connect = options.duration(CONNECT_TIMEOUT, Duration.ofSeconds(5));
        CacheSettings settings = cacheSettings(options);
        Caches caches;
        try {
            caches = Caches.create(settings, timeout);
        } catch (IOException e) {
            throw new MiddlewareConfigException("middleware 'ipfs': option '" + CACHE_DIRECTORY + "': cannot use "
                    + settings.directory().orElse(null) + ": " + e.getMessage(), e);
        }
        KuboClient client = KuboClient.builder(api).connectTimeout(connect).deadline(timeout).build();
        LOG.info("ipfs middleware reads through {} (deadline {}s); {}", client.describe(), timeout.toSeconds(),
                settings.directory().map(d -> "blob cache " + d + " up to " + ByteSize.format(settings.maxBytes()))
                        .orElse("no disk blob cache (set " + CACHE_DIRECTORY + ")"));
        return new IpfsMiddleware(client, caches);
    }

    private static CacheSettings cacheSettings(MiddlewareOptions options) {
        CacheSettings settings = CacheSettings.memoryOnly();
        long metadata = size(options, METADATA_CACHE_SIZE, settings.metadataBytes());
        settings = new CacheSettings(Optional.empty(), settings.maxBytes(), metadata, settings.maxFills(),
                settings.ipnsTtl());
        String directory = options.string(CACHE_DIRECTORY, "");
        long max = size(options, CACHE_MAX_SIZE, settings.maxBytes());
        if (directory.isEmpty()) {
            if (options.asMap().containsKey(CACHE_MAX_SIZE)) {
                throw new MiddlewareConfigException("middleware 'ipfs': option '" + CACHE_MAX_SIZE + "' needs '"
                        + CACHE_DIRECTORY + "', the directory of the disk blob cache");
            }
            return settings;
        }
        try {
            return settings.withDisk(Path.of(directory), max);
        } catch (InvalidPathException e) {
            throw options.invalid(CACHE_DIRECTORY, directory, "a directory path");
        }
    }

    private static long size(MiddlewareOptions options, String key, long defaultValue) {
        String text = options.string(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            long bytes = ByteSize.parse(text);
            if (bytes > 0) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw options.invalid(key, text, "a positive size such as 10GiB, 512MiB or 1000000 (bytes)");
    }
}
