package io.ipfsmiddleware.core.kubo;

import io.ipfsmiddleware.core.node.IpfsNodeException;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import io.ipfsmiddleware.core.node.IpfsTimeoutException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place where failures talking to kubo become the exceptions of {@code
 * io.ipfsmiddleware.core.node}. Every message names the path and the node, and quotes kubo.
 *
 * <p>Kubo 0.43 answers every command failure with HTTP 500 and {@code
 * {"Message":…,"Code":0,"Type":"error"}}, so the message text is all there is to go on:
 * <ul>
 *   <li>{@code no link named "x" under bafy…} — the path is absent;
 *   <li>{@code block was not found locally (offline): ipld: could not find bafk…} — an offline
 *       node lacks the block (an online node would keep searching until our deadline);
 *   <li>{@code invalid path "…": …} — not an IPFS path at all ({@code files/stat} says {@code
 *       file does not exist} instead);
 *   <li>{@code func called on wrong kind: "LookupBySegment" called on a bytes node …} — the
 *       path continues below a file;
 *   <li>{@code could not resolve name} — an IPNS name without a record.
 * </ul>
 * Text answers (kubo's 400/404/405, or another server) mean we are not talking to kubo's RPC.
 */
final class KuboErrors {
    private static final String[] NOT_FOUND = {
        "no link named", "not found", "could not find", "invalid path", "func called on wrong kind",
        "could not resolve name", "does not exist", "no such file or directory",
    };

    private KuboErrors() {
    }

    /** Kubo answered a JSON error. */
    static IOException fromKubo(String node, String command, String path, int status, String kuboMessage) {
        String quoted = "kubo says: \"" + kuboMessage + "\"";
        String lower = kuboMessage.toLowerCase(Locale.ROOT);
        for (String marker : NOT_FOUND) {
            if (lower.contains(marker)) {
                return new IpfsNotFoundException(path + " was not found by " + node + " (" + quoted + ")");
            }
        }
        if (lower.contains("context deadline exceeded")) {
            return new IpfsTimeoutException(node + " gave up on " + path + " (" + quoted + ")");
        }
        return new IpfsNodeException(node + " failed " + command + " of " + path + " with HTTP " + status
                + " (" + quoted + ")");
    }

    /** The answer was not what kubo's RPC sends: wrong port, a proxy, or another server. */
    static IpfsUnavailableException unexpectedAnswer(String node, String command, String path, String what) {
        return new IpfsUnavailableException(node + " gave an unexpected answer to " + command + " of " + path
                + ": " + what + ". " + hint(node));
    }

    /** Sending the request failed. */
    static IOException fromTransport(String node, String path, Duration deadline, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new IpfsUnavailableException("could not connect to " + node + " for " + path
                    + " within the connect timeout. " + hint(node), e);
        }
        if (e instanceof HttpTimeoutException) {
            return timeout(node, path, deadline, e);
        }
        if (e instanceof ConnectException) {
            return new IpfsUnavailableException("cannot connect to " + node + " for " + path
                    + " (connection refused). " + hint(node), e);
        }
        return new IpfsUnavailableException("connection to " + node + " failed for " + path + " (" + e + "). "
                + hint(node), e);
    }

    /** Reading an answer that had started failed. */
    static IOException whileReading(String node, String path, IOException e) {
        if (e instanceof IpfsNotFoundException || e instanceof IpfsUnavailableException
                || e instanceof IpfsTimeoutException || e instanceof IpfsNodeException) {
            return e;
        }
        return new IpfsUnavailableException("connection to " + node + " broke while reading " + path + " (" + e
                + "). " + hint(node), e);
    }

    /** The deadline passed. */
    static IpfsTimeoutException timeout(String node, String path, Duration deadline, Throwable cause) {
        String message = path + " did not arrive from " + node + " within the deadline of " + format(deadline)
                + " (no provider found, or too slow)";
        return cause == null ? new IpfsTimeoutException(message) : new IpfsTimeoutException(message, cause);
    }

    /** Kubo closed a {@code cat} stream early; it reports why only in an HTTP trailer. */
    static IpfsNodeException shortRead(String node, String path, long got, long expected) {
        return new IpfsNodeException(node + " ended " + path + " after " + got + " of " + expected + " bytes; kubo "
                + "reports such failures (typically a block it could not fetch) only in the X-Stream-Error "
                + "trailer, see the kubo log");
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static String hint(String node) {
        return "Check that `ipfs daemon` is running and that ipfsapiaddress points at its RPC API ("
                + node.replaceFirst("^kubo RPC at ", "") + "; kubo's default is /ip4/127.0.0.1/tcp/5001, "
                + "not the gateway port 8080)";
    }
}
