package io.ipfsmiddleware.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A DNS-over-HTTPS resolver (RFC 8484) on loopback that answers TXT queries from a table the
 * test controls, so kubo's DNSLink resolution can be tested without any outside DNS. Point kubo at
 * it with {@code DNS.Resolvers = {"<tld>.": url()}} and make kubo trust its certificate with the
 * environment variable {@code SSL_CERT_FILE=certificatePem()} (Go reads it). The certificate is
 * self-signed for 127.0.0.1 and made by the JDK's keytool.
 */
public final class DohServer implements AutoCloseable {
    private static final int TYPE_TXT = 16;

    private final HttpsServer server;
    private final Path dir;
    private final Path certificate;
    private final Map<String, String> txt = new ConcurrentHashMap<>();

    private DohServer(HttpsServer server, Path dir, Path certificate) {
        this.server = server;
        this.dir = dir;
        this.certificate = certificate;
    }

    /**
     * @return a started server on 127.0.0.1 and a random port
     * @throws IOException when the certificate cannot be made or the port bound
     */
    public static DohServer start() throws IOException {
        Path dir = TempDirs.create("doh-");
        Path keystore = dir.resolve("doh.p12");
        Path pem = dir.resolve("doh-cert.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Duration timeout = Duration.ofSeconds(60);
        ProcessRunner.runChecked(List.of(keytool, "-genkeypair", "-alias", "doh", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-ext", "BC:c=ca:true",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit"),
                Map.of(), timeout);
        ProcessRunner.runChecked(List.of(keytool, "-exportcert", "-rfc", "-alias", "doh", "-keystore",
                keystore.toString(), "-storepass", "changeit", "-file", pem.toString()), Map.of(), timeout);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            DohServer doh = new DohServer(server, dir, pem);
            server.createContext("/dns-query", doh::handle);
            server.start();
            return doh;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot set up TLS for the DoH server", e);
        }
    }

    /** @return the resolver URL, e.g. {@code https://127.0.0.1:41234/dns-query} */
    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/dns-query");
    }

    /** @return the PEM file of the server's self-signed certificate */
    public Path certificatePem() {
        return certificate;
    }

    /**
     * Sets (or replaces) the TXT record of a name.
     *
     * @param name e.g. {@code _dnslink.example.test}
     * @param value e.g. {@code dnslink=/ipfs/bafy…}
     */
    public void setTxt(String name, String value) {
        txt.put(name.toLowerCase(Locale.ROOT), value);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] query;
        if ("GET".equals(exchange.getRequestMethod())) {
            String raw = exchange.getRequestURI().getRawQuery();
            String encoded = raw == null ? "" : raw.replaceFirst(".*(?:^|&)dns=([^&]*).*", "$1");
            query = Base64.getUrlDecoder().decode(encoded);
        } else {
            query = exchange.getRequestBody().readAllBytes();
        }
        byte[] answer;
        try {
            answer = answer(query);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/dns-message");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Builds the DNS response to one query message. */
    byte[] answer(byte[] query) {
        ByteBuffer in = ByteBuffer.wrap(query);
        short id = in.getShort();
        short flags = in.getShort();
        in.position(12);
        StringBuilder name = new StringBuilder();
        int length;
        while ((length = in.get() & 0xff) != 0) {
            byte[] label = new byte[length];
            in.get(label);
            name.append(name.length() == 0 ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        int type = in.getShort() & 0xffff;
        in.getShort(); // class
        int questionEnd = in.position();
        String value = txt.get(name.toString().toLowerCase(Locale.ROOT));
        boolean known = value != null || txt.keySet().stream().anyMatch(k -> k.endsWith("." + name));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12);
        header.putShort(id);
        header.putShort((short) (0x8180 | (flags & 0x0100) | (known ? 0 : 3)));
        header.putShort((short) 1);
        header.putShort((short) (value != null && type == TYPE_TXT ? 1 : 0));
        header.putShort((short) 0).putShort((short) 0);
        out.writeBytes(header.array());
        out.write(query, 12, questionEnd - 12);
        if (value != null && type == TYPE_TXT) {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            ByteBuffer rr = ByteBuffer.allocate(12 + text.length + text.length / 255 + 1);
            rr.putShort((short) 0xC00C).putShort((short) TYPE_TXT).putShort((short) 1).putInt(1);
            ByteArrayOutputStream strings = new ByteArrayOutputStream();
            for (int i = 0; i < text.length; i += 255) {
                int n = Math.min(255, text.length - i);
                strings.write(n);
                strings.write(text, i, n);
            }
            rr.putShort((short) strings.size());
            rr.put(strings.toByteArray());
            out.write(rr.array(), 0, rr.position());
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            TempDirs.deleteRecursively(dir);
        } catch (IOException ignored) {
            // under the temp directory
        }
    }
}
