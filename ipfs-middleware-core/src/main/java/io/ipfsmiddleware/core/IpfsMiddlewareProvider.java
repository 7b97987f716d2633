package io.ipfsmiddleware.core;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.api.spi.RepositoryMiddleware;
import io.ipfsmiddleware.api.spi.RepositoryMiddlewareProvider;
import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.kubo.Multiaddr;
import java.net.URI;
import java.time.Duration;
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
 *   <li>{@code ipnsttl}: how long an IPNS/DNSLink resolution is kept; default 1m</li>
 *   <li>{@code pin}: pin what clients pull on the node; default false</li>
 *   <li>{@code healthinterval}: time between background checks that the node answers; default 10s</li>
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

    /** Option: how long a name resolution is kept. */
    public static final String IPNS_TTL = "ipnsttl";
    /** Option: pin pulled content on the node. */
    public static final String PIN = "pin";
    /** Option: time between background health checks of the node. */
    public static final String HEALTH_INTERVAL = "healthinterval";

    private static final Logger LOG = LoggerFactory.getLogger(IpfsMiddlewareProvider.class);
    private static final Set<String> KNOWN = Set.of(API_ADDRESS, TIMEOUT, CONNECT_TIMEOUT, IPNS_TTL, PIN, HEALTH_INTERVAL);

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

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
        KuboClient client = KuboClient.builder(api).connectTimeout(connect).deadline(timeout).build();
        Duration ipnsTtl = options.duration(IPNS_TTL, IpfsMiddleware.DEFAULT_IPNS_TTL);
        boolean pin = options.bool(PIN, false);
        LOG.info("ipfs middleware reads through {} (deadline {}s, IPNS TTL {}s, pin {})", client.describe(),
                timeout.toSeconds(), ipnsTtl.toSeconds(), pin);
        Duration healthInterval = options.duration(HEALTH_INTERVAL, IpfsMiddleware.DEFAULT_HEALTH_INTERVAL);
        return new IpfsMiddleware(client, ipnsTtl, pin, Ticker.systemTicker(), healthInterval);
    }
}
