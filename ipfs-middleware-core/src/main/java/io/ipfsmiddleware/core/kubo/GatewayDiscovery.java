package io.ipfsmiddleware.core.kubo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the HTTP gateway of the kubo node behind an RPC API, for {@link KuboClient.Builder#gateway}:
 * asks {@code config?arg=Addresses.Gateway}, takes the first TCP address a client can dial (a
 * wildcard such as {@code 0.0.0.0} becomes the RPC API's host; a loopback gateway of a node whose
 * API is not on loopback is out of reach), and checks that it serves the empty identity CID. A
 * gateway configured on port 0 cannot be found this way (kubo writes the port it bound only to
 * {@code $IPFS_PATH/gateway}): give it with the {@code ipfsgatewayaddress} option instead.
 */
public final class GatewayDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayDiscovery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayDiscovery() {
    }

    /**
     * @param api the node's RPC API base URI
     * @param bound the deadline of each of the two requests
     * @return the gateway's base URI, when the node has one that answers
     */
    public static Optional<URI> discover(URI api, Duration bound) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(bound).version(HttpClient.Version.HTTP_1_1).build();
        URI config = URI.create(withoutSlash(api) + "/api/v0/config?arg=Addresses.Gateway");
        HttpRequest request = HttpRequest.newBuilder(config)
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(bound).build();
        List<String> addresses = new ArrayList<>();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debug("no gateway address from {}: HTTP {}", api, response.statusCode());
                return Optional.empty();
            }
            JsonNode value = JSON.readTree(response.body()).path("Value");
            if (value.isTextual()) {
                addresses.add(value.asText());
            }
            value.forEach(a -> addresses.add(a.asText()));
        } catch (IOException e) {
            LOG.debug("no gateway address from {}: {}", api, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        for (String address : addresses) {
            Optional<URI> uri = dialable(address, api);
            if (uri.isPresent() && answers(uri.get(), bound)) {
                return uri;
            }
            LOG.debug("gateway address {} of {} is not usable", address, api);
        }
        return Optional.empty();
    }

    /**
     * @param multiaddr an address from {@code Addresses.Gateway}
     * @param api the RPC API the node was reached at
     * @return how a client at the registry reaches that address, if it can
     */
    static Optional<URI> dialable(String multiaddr, URI api) {
        Multiaddr address;
        try {
            address = Multiaddr.parse(multiaddr);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // port 0, unix sockets, other transports
        }
        String host = address.host();
        String apiHost = api.getHost().replaceAll("^\\[|\\]$", "");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = apiHost;
        } else if (isLoopback(host) && !isLoopback(apiHost)) {
            return Optional.empty();
        }
        String bracketed = host.contains(":") ? "[" + host + "]" : host;
        return Optional.of(URI.create((address.isHttps() ? "https" : "http") + "://" + bracketed + ":"
                + address.port()));
    }

    private static String withoutSlash(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            return false; // a DNS name: do not resolve it here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @param gateway a gateway base URI
     * @param bound the deadline
     * @return whether it serves {@code /ipfs/bafkqaaa} (the empty identity CID, no block needed)
     */
    public static boolean answers(URI gateway, Duration bound) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(bound).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(withoutSlash(gateway) + "/ipfs/bafkqaaa")).GET()
                .timeout(bound).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            LOG.debug("gateway {} does not answer: {}", gateway, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
