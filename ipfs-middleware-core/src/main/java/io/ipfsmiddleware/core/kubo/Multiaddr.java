package io.ipfsmiddleware.core.kubo;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable, deliberately small multiaddr: just the forms that name an HTTP endpoint such
 * as kubo's RPC API.
 *
 * <p>Accepted: {@code /ip4/<addr>/tcp/<port>}, {@code /ip6/<addr>/tcp/<port>}, {@code
 * /dns/<host>/tcp/<port>}, {@code /dns4/…}, {@code /dns6/…}, optionally followed by {@code
 * /http}, {@code /https} or {@code /tls/http}. Anything else is rejected with an {@link
 * IllegalArgumentException} that says what is wrong and shows a valid example.
 */
public final class Multiaddr {
    private static final String EXAMPLE = "a valid example is /ip4/127.0.0.1/tcp/5001";
    private static final Pattern IP4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IP6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

    private final String hostProtocol;
    private final String host;
    private final int port;
    private final boolean https;

    private Multiaddr(String hostProtocol, String host, int port, boolean https) {
        this.hostProtocol = hostProtocol;
        this.host = host;
        this.port = port;
        this.https = https;
    }

    /**
     * Parses a multiaddr.
     *
     * @param text e.g. {@code /ip4/127.0.0.1/tcp/5001} or {@code /dns/ipfs.local/tcp/443/https}
     * @return the parsed address
     * @throws IllegalArgumentException if {@code text} is not one of the accepted forms
     */
    public static Multiaddr parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text, "it is empty");
        }
        String s = text.strip();
        if (!s.startsWith("/")) {
            throw bad(text, "a multiaddr starts with '/'");
        }
        String body = s.substring(1);
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        String[] parts = body.split("/", -1);
        String proto = parts[0].toLowerCase(Locale.ROOT);
        if (proto.equals("unix")) {
            throw bad(text, "unix sockets are not supported; expose kubo's API on TCP");
        }
        if (!Arrays.asList("ip4", "ip6", "dns", "dns4", "dns6").contains(proto)) {
            throw bad(text, "unsupported protocol '/" + parts[0] + "'; expected /ip4, /ip6, /dns, /dns4 or /dns6");
        }
        if (parts.length < 4) {
            throw bad(text, "expected /<ip4|ip6|dns|dns4|dns6>/<host>/tcp/<port>");
        }
        String host = parts[1];
        String normalizedHost = switch (proto) {
            case "ip4" -> checkIp4(text, host);
            case "ip6" -> checkIp6(text, host);
            default -> checkDns(text, host);
        };
        if (!"tcp".equalsIgnoreCase(parts[2])) {
            throw bad(text, "expected /tcp/<port> after the host, found '/" + parts[2] + "'");
        }
        int port = checkPort(text, parts[3]);
        boolean https = switch (tail(parts)) {
            case "", "http" -> false;
            case "https", "tls/http" -> true;
            default -> throw bad(text, "unexpected '/" + tail(parts)
                    + "' after the port; only /http, /https or /tls/http may follow");
        };
        return new Multiaddr(proto, normalizedHost, port, https);
    }

    /**
     * Turns the {@code ipfsapiaddress} option into the base URI of kubo's RPC API.
     *
     * @param option a multiaddr ({@code /ip4/127.0.0.1/tcp/5001}) or a URL ({@code
     *     http://127.0.0.1:5001}, {@code https://ipfs.example:443})
     * @return the base URI, without a trailing slash, e.g. {@code http://127.0.0.1:5001}
     * @throws IllegalArgumentException if the option is neither
     */
    public static URI apiBaseUri(String option) {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("ipfsapiaddress is empty; give kubo's RPC API address as a "
                    + "multiaddr such as /ip4/127.0.0.1/tcp/5001 or a URL such as http://127.0.0.1:5001");
        }
        String s = option.strip();
        if (s.startsWith("/")) {
            return parse(s).toHttpUri();
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("ipfsapiaddress '" + option + "' is neither a multiaddr nor an "
                    + "http(s) URL; write /ip4/127.0.0.1/tcp/5001 or http://127.0.0.1:5001");
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ipfsapiaddress '" + option + "' is not a valid URL ("
                    + e.getReason() + "); write e.g. http://127.0.0.1:5001", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("ipfsapiaddress '" + option + "' has no host; "
                    + "write e.g. http://127.0.0.1:5001");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("ipfsapiaddress '" + option + "' must not carry user info, "
                    + "a query or a fragment; write e.g. http://127.0.0.1:5001");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/api/v0")) {
            path = path.substring(0, path.length() - "/api/v0".length());
        }
        String authority = uri.getRawAuthority();
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + path);
    }

    /** @return {@code http://host:port} or {@code https://host:port}; IPv6 hosts are bracketed */
    public URI toHttpUri() {
        String h = "ip6".equals(hostProtocol) ? "[" + host + "]" : host;
        return URI.create((https ? "https" : "http") + "://" + h + ":" + port);
    }

    /** @return the host: an IP address literal (IPv6 without brackets) or a DNS name */
    public String host() {
        return host;
    }

    /** @return the TCP port, 1 to 65535 */
    public int port() {
        return port;
    }

    /** @return whether the address ends in {@code /https} or {@code /tls/http} */
    public boolean isHttps() {
        return https;
    }

    @Override
    public String toString() {
        return "/" + hostProtocol + "/" + host + "/tcp/" + port + (https ? "/https" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multiaddr m && m.hostProtocol.equals(hostProtocol) && m.host.equals(host)
                && m.port == port && m.https == https;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostProtocol, host, port, https);
    }

    private static String tail(String[] parts) {
        return String.join("/", Arrays.copyOfRange(parts, 4, parts.length)).toLowerCase(Locale.ROOT);
    }

    private static String checkIp4(String text, String host) {
        if (!IP4.matcher(host).matches()) {
            throw bad(text, "'" + host + "' is not an IPv4 address such as 127.0.0.1");
        }
        return host;
    }

    private static String checkIp6(String text, String host) {
        // The character check guarantees InetAddress parses a literal and never asks DNS.
        if (!host.contains(":") || !IP6_CHARS.matcher(host).matches()) {
            throw bad(text, "'" + host + "' is not an IPv6 address such as ::1");
        }
        try {
            InetAddress a = InetAddress.getByName(host);
            if (!(a instanceof Inet6Address)) {
                throw bad(text, "'" + host + "' is not an IPv6 address such as ::1");
            }
            return host.toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            throw bad(text, "'" + host + "' is not an IPv6 address such as ::1");
        }
    }

    private static String checkDns(String text, String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || h.length() > 253) {
            throw bad(text, "'" + host + "' is not a DNS name such as localhost");
        }
        for (String label : h.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                throw bad(text, "'" + host + "' is not a DNS name such as localhost");
            }
        }
        return h.toLowerCase(Locale.ROOT);
    }

    private static int checkPort(String text, String port) {
        if (!port.matches("\\d{1,5}")) {
            throw bad(text, "'" + port + "' is not a TCP port number");
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            throw bad(text, "TCP port " + p + " is out of range 1-65535");
        }
        return p;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("invalid multiaddr '" + text + "': " + why + "; " + EXAMPLE);
    }
}
