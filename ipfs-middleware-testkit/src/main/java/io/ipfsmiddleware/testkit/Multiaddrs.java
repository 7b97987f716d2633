package io.ipfsmiddleware.testkit;

import java.net.URI;

/** Converts the few multiaddr forms kubo writes for its listeners. */
final class Multiaddrs {

    private Multiaddrs() {
    }

    /**
     * {@code /ip4/127.0.0.1/tcp/5001} → {@code http://127.0.0.1:5001/}; also {@code /ip6/::1/tcp/N}
     * and {@code /dns4|dns6|dns/host/tcp/N}.
     */
    static URI toHttpUri(String multiaddr) {
        String[] parts = multiaddr.strip().split("/");
        // "", proto, host, "tcp", port
        if (parts.length < 5 || !parts[0].isEmpty() || !"tcp".equals(parts[3])) {
            throw new IllegalArgumentException("unsupported API multiaddr: " + multiaddr);
        }
        String host = switch (parts[1]) {
            case "ip4", "dns", "dns4", "dns6" -> parts[2];
            case "ip6" -> "[" + parts[2] + "]";
            default -> throw new IllegalArgumentException("unsupported API multiaddr: " + multiaddr);
        };
        int port = Integer.parseInt(parts[4]);
        return URI.create("http://" + host + ":" + port + "/");
    }
}
