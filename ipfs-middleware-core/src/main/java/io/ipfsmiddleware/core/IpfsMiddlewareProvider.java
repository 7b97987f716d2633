package io.ipfsmiddleware.core;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ipfsmiddleware.api.spi.MiddlewareConfigException;
import io.ipfsmiddleware.api.spi.MiddlewareOptions;
import io.ipfsmiddleware.api.spi.RepositoryMiddleware;
import io.ipfsmiddleware.api.spi.RepositoryMiddlewareProvider;
import io.ipfsmiddleware.core.cache.ByteSize;
import io.ipfsmiddleware.core.cache.CacheSettings;
import io.ipfsmiddleware.core.cache.Caches;
import io.ipfsmiddleware.core.gateway.GatewayNode;
import io.ipfsmiddleware.core.kubo.GatewayDiscovery;
import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.kubo.Multiaddr;
import io.ipfsmiddleware.core.node.IpfsNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the {@code ipfs} middleware to {@link java.util.ServiceLoader}. Options:
 * <ul>
 *   <li>{@code ipfsapiaddress}: the node's RPC API, as a multiaddr ({@code /ip4/127.0.0.1/tcp/5001})
 *       or URL ({@code http://127.0.0.1:5001}); default {@value #DEFAULT_API}</li>
 *   <li>{@code ipfsgatewayaddress}: the same node's HTTP gateway, for reading blobs faster than RPC
 *       {@code cat} does: a multiaddr or URL, {@code auto} (the default: asked from the node at
 *       start-up) or {@code none}</li>
 *   <li>{@code gateways}: trustless gateway URLs, tried in order, for reading without a node</li>
 *   <li>{@code timeout}: deadline of each read from the node (with gateways: of each block, all
 *       gateways included), e.g. {@code 30s}; default 60s</li>
 *   <li>{@code connecttimeout}: deadline to connect to the node or a gateway; default 5s</li>
 *   <li>{@code gatewaytimeout}: deadline of one request to one gateway; default 15s</li>
 *   <li>{@code blockcachesize}: MiB of verified blocks kept in memory (gateways); default 64</li>
 *   <li>{@code ipnsttl}: how long an IPNS/DNSLink resolution is kept; default 1m</li>
 *   <li>{@code pin}: pin what clients pull on the node; default false (needs a node)</li>
 *   <li>{@code healthinterval}: time between background checks that the backend answers; default 10s</li>
 *   <li>{@code cachedirectory}: directory of the disk blob cache; default none (no disk cache)</li>
 *   <li>{@code cachemaxsize}: bound on the disk cache, e.g. {@code 10GiB} (the default)</li>
 *   <li>{@code cacheverify}: {@code changed} (the default: hash a cached blob again only when its
 *       file changed on disk since it was verified) or {@code always} (on every whole read)</li>
 *   <li>{@code metadatacachesize}: bound on the in-memory metadata cache, e.g. {@code 64MiB} (the default)</li>
 * </ul>
 * Backend: the RPC API when no {@code gateways} are given; the gateways when only they are
 * given; when both are, the node if it answers {@code POST /api/v0/version} at start-up, else
 * the gateways. Start-up logs which.
 */
public final class IpfsMiddlewareProvider implements RepositoryMiddlewareProvider {
    /** The name under {@code middleware.repository}. */
    public static final String NAME = "ipfs";
    /** The default RPC API address, kubo's own default. */
    public static final String DEFAULT_API = "/ip4/127.0.0.1/tcp/5001";
    /** Option: the node's RPC API address. */
    public static final String API_ADDRESS = "ipfsapiaddress";
    /** Option: the node's own HTTP gateway, {@code auto} or {@code none}. */
    public static final String GATEWAY_ADDRESS = "ipfsgatewayaddress";
    /** Option: trustless gateway URLs. */
    public static final String GATEWAYS = "gateways";
    /** Option: the deadline of each read. */
    public static final String TIMEOUT = "timeout";
    /** Option: the connect deadline. */
    public static final String CONNECT_TIMEOUT = "connecttimeout";
    /** Option: the deadline of one request to one gateway. */
    public static final String GATEWAY_TIMEOUT = "gatewaytimeout";
    /** Option: MiB of blocks cached by the gateway backend. */
    public static final String BLOCK_CACHE_SIZE = "blockcachesize";

    /** Option: how long a name resolution is kept. */
    public static final String IPNS_TTL = "ipnsttl";
    /** Option: pin pulled content on the node. */
    public static final String PIN = "pin";
    /** Option: time between background health checks of the node. */
    public static final String HEALTH_INTERVAL = "healthinterval";

    /** Option: the disk blob cache's directory. */
    public static final String CACHE_DIRECTORY = "cachedirectory";
    /** Option: the disk blob cache's bound. */
    public static final String CACHE_MAX_SIZE = "cachemaxsize";
    /** Option: when cached blobs are hashed again ({@code changed} or {@code always}). */
    public static final String CACHE_VERIFY = "cacheverify";
    /** Option: the metadata cache's bound. */
    public static final String METADATA_CACHE_SIZE = "metadatacachesize";

    private static final Logger LOG = LoggerFactory.getLogger(IpfsMiddlewareProvider.class);
    private static final Set<String> KNOWN = Set.of(API_ADDRESS, GATEWAY_ADDRESS, GATEWAYS, TIMEOUT, CONNECT_TIMEOUT, GATEWAY_TIMEOUT,
            BLOCK_CACHE_SIZE, IPNS_TTL, PIN, HEALTH_INTERVAL, CACHE_DIRECTORY, CACHE_MAX_SIZE, METADATA_CACHE_SIZE,
            CACHE_VERIFY);
    private static final Duration MAX_PROBE = Duration.ofSeconds(2);
    private static final String AUTO = "auto";
    private static final String NONE = "none";

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
        boolean apiGiven = options.asMap().containsKey(API_ADDRESS);
        URI api = apiUri(options.string(API_ADDRESS, DEFAULT_API));
        List<URI> gateways = gateways(options);
        Duration timeout = options.duration(TIMEOUT, Duration.ofSeconds(60));
        Duration connect = options.duration(CONNECT_TIMEOUT, Duration.ofSeconds(5));
        Duration gatewayTimeout = options.duration(GATEWAY_TIMEOUT, Duration.ofSeconds(15));
        long cacheMib = options.positiveLong(BLOCK_CACHE_SIZE, 64);
        if (cacheMib > 1L << 20) {
            throw options.invalid(BLOCK_CACHE_SIZE, cacheMib, "a number of MiB up to 1048576");
        }

        String nodeGateway = options.string(GATEWAY_ADDRESS, AUTO).strip();
        if (!nodeGateway.equalsIgnoreCase(AUTO) && !nodeGateway.equalsIgnoreCase(NONE)) {
            nodeGateway = gatewayUri(options, nodeGateway).toString();
        }

        // Every option is read before the node is built, so a bad value leaks no client or thread.
        Duration ipnsTtl = options.duration(IPNS_TTL, IpfsMiddleware.DEFAULT_IPNS_TTL);
        boolean pin = options.bool(PIN, false);
        Duration healthInterval = options.duration(HEALTH_INTERVAL, IpfsMiddleware.DEFAULT_HEALTH_INTERVAL);
        CacheSettings settings = CacheOptions.settings(options);

        IpfsNode node;
        if (gateways.isEmpty()) {
            node = kubo(api, nodeGateway, connect, timeout);
            LOG.info("ipfs middleware reads through {} (deadline {}s); {}", node.describe(), timeout.toSeconds(),
                    describeGateway((KuboClient) node));
        } else if (apiGiven && nodeAnswers(api, connect)) {
            node = kubo(api, nodeGateway, connect, timeout);
            LOG.info("ipfs middleware reads through {}, which answered at start-up (deadline {}s); {}; the gateways "
                    + "{} are not used", node.describe(), timeout.toSeconds(), describeGateway((KuboClient) node),
                    gateways);
        } else {
            node = GatewayNode.builder(gateways).connectTimeout(connect).requestTimeout(gatewayTimeout)
                    .deadline(timeout).cacheBytes(cacheMib << 20).build();
            LOG.info("ipfs middleware reads verified blocks from {} ({}; {}s per request, {} MiB block cache); "
                    + "IPNS names are refused", node.describe(), apiGiven ? "no IPFS node answered at " + api
                    : "no ipfsapiaddress given", gatewayTimeout.toSeconds(), cacheMib);
        }
        if (pin && node instanceof GatewayNode) {
            node.close();
            throw options.invalid(PIN, "true", "false with the gateway backend: pinning needs an IPFS node at "
                    + API_ADDRESS);
        }
        Caches caches;
        try {
            caches = Caches.create(settings, timeout);
        } catch (IOException e) {
            node.close();
            throw new MiddlewareConfigException("middleware 'ipfs': option '" + CACHE_DIRECTORY + "': cannot use "
                    + options.string(CACHE_DIRECTORY, "") + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        LOG.info("IPNS resolutions kept {}s; pin pulled content: {}; {}", ipnsTtl.toSeconds(), pin,
                settings.directory().map(d -> "blob cache " + d + " up to " + ByteSize.format(settings.maxBytes()))
                        .orElse("no disk blob cache (set " + CACHE_DIRECTORY + ")"));
        return new IpfsMiddleware(node, caches, ipnsTtl, pin, Ticker.systemTicker(), healthInterval);
    }

    private static KuboClient kubo(URI api, String gatewayOption, Duration connect, Duration timeout) {
        KuboClient.Builder builder = KuboClient.builder(api).connectTimeout(connect).deadline(timeout);
        Duration bound = connect.compareTo(MAX_PROBE) < 0 ? connect : MAX_PROBE;
        if (gatewayOption.equalsIgnoreCase(AUTO)) {
            GatewayDiscovery.discover(api, bound).ifPresent(builder::gateway);
        } else if (!gatewayOption.equalsIgnoreCase(NONE)) {
            URI gateway = URI.create(gatewayOption);
            if (!GatewayDiscovery.answers(gateway, bound)) {
                LOG.warn("the node's gateway {} ({}) does not answer now; blobs are read through RPC cat while it "
                        + "does not", gateway, GATEWAY_ADDRESS);
            }
            builder.gateway(gateway);
        }
        return builder.build();
    }

    private static String describeGateway(KuboClient kubo) {
        return kubo.gateway().map(g -> "blobs read through the node's gateway at " + g)
                .orElse("blobs read with RPC cat (no node gateway: set " + GATEWAY_ADDRESS + ")");
    }

    private static URI gatewayUri(MiddlewareOptions options, String text) {
        try {
            return Multiaddr.apiBaseUri(text);
        } catch (IllegalArgumentException e) {
            throw options.invalid(GATEWAY_ADDRESS, text, "the node's HTTP gateway as a multiaddr such as "
                    + "/ip4/127.0.0.1/tcp/8080 or a URL such as http://127.0.0.1:8080, or auto, or none");
        }
    }

    private static URI apiUri(String address) {
        try {
            return Multiaddr.apiBaseUri(address);
        } catch (IllegalArgumentException e) {
            throw new MiddlewareConfigException("middleware 'ipfs': option '" + API_ADDRESS + "' is invalid: "
                    + e.getMessage(), e);
        }
    }

    private static List<URI> gateways(MiddlewareOptions options) {
        List<URI> uris = new ArrayList<>();
        for (String text : options.stringList(GATEWAYS)) {
            try {
                URI uri = new URI(text);
                GatewayNode.builder(List.of(uri)); // validates scheme and host
                uris.add(uri);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw options.invalid(GATEWAYS, text, "http(s) URLs of trustless gateways, such as "
                        + "https://trustless-gateway.link (" + e.getMessage() + ")");
            }
        }
        return List.copyOf(uris);
    }

    /** The start-up probe: does a node answer {@code POST /api/v0/version} quickly? */
    private static boolean nodeAnswers(URI api, Duration connect) {
        Duration bound = connect.compareTo(MAX_PROBE) < 0 ? connect : MAX_PROBE;
        HttpClient http = HttpClient.newBuilder().connectTimeout(bound).version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v0/version"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(bound).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            LOG.debug("IPFS node probe at {}: HTTP {}", api, status);
            return status == 200;
        } catch (IOException e) {
            LOG.debug("IPFS node probe at {} failed: {}", api, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
