package io.ipfsmiddleware.core.kubo;

import io.ipfsmiddleware.core.io.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wraps the body of a kubo answer so that no read hangs forever, and so that a stream kubo ends
 * early is noticed.
 *
 * <p>Why a watchdog: {@code HttpRequest.timeout} only bounds the wait for the response headers;
 * once they arrive, reading a {@code BodyHandlers.ofInputStream()} body has no bound at all, and
 * a blocked read cannot be interrupted. So a shared scheduler checks each open stream every
 * quarter of the idle bound; when one {@code read} call has been blocked longer than the bound
 * (or past the whole-call deadline, if one is set) it closes the underlying stream, which makes
 * the pending read return, and the read then throws {@link
 * io.ipfsmiddleware.core.node.IpfsTimeoutException}. Only time spent inside {@code read} counts:
 * a caller that is slow to consume is not penalised.
 *
 * <p>Short reads: kubo answers {@code cat} with {@code X-Content-Length} and, when it fails
 * mid-stream, ends the chunked body cleanly and names the error in an {@code X-Stream-Error}
 * trailer, which {@code java.net.http} does not expose. So when the expected length is known, an
 * end of stream before it throws {@link io.ipfsmiddleware.core.node.IpfsNodeException}.
 */
final class DeadlineInputStream extends InputStream {
    private final InputStream delegate;
    private final String node;
    private final String path;
    private final Duration deadline;
    private final long idleNanos;
    private final long absoluteDeadlineNanos;
    private final long expectedLength;
    private final ScheduledFuture<?> watchdog;
    private volatile long readStartedNanos;
    private volatile boolean reading;
    private volatile boolean timedOut;
    private long count;
    private boolean finished;

    /**
     * @param wholeCall whether {@code deadline} also bounds the whole body (for small JSON
     *     answers), not only each read (for {@code cat})
     * @param expectedLength the announced length, or -1
     */
    DeadlineInputStream(InputStream delegate, ScheduledExecutorService scheduler, String node, String path,
            Duration deadline, boolean wholeCall, long startNanos, long expectedLength) {
        this.delegate = delegate;
        this.node = node;
        this.path = path;
        this.deadline = deadline;
        this.idleNanos = deadline.toNanos();
        this.absoluteDeadlineNanos = wholeCall ? startNanos + idleNanos : Long.MAX_VALUE;
        this.expectedLength = expectedLength;
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(idleNanos / 4, TimeUnit.SECONDS.toNanos(1)));
        this.watchdog = scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (!reading) {
            return;
        }
        long now = System.nanoTime();
        if (now - readStartedNanos > idleNanos || now - absoluteDeadlineNanos > 0) {
            timedOut = true;
            watchdog.cancel(false);
            try {
                delegate.close();
            } catch (IOException | RuntimeException e) {
                // best effort: the pending read fails or returns either way
            }
        }
    }

    @Override
    public int read() throws IOException {
        return Streams.readSingleByte(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (finished) {
            return -1;
        }
        if (timedOut || System.nanoTime() - absoluteDeadlineNanos > 0) {
            throw KuboErrors.timeout(node, path, deadline, null);
        }
        int n;
        readStartedNanos = System.nanoTime();
        reading = true;
        try {
            n = delegate.read(b, off, len);
        } catch (IOException e) {
            throw timedOut ? KuboErrors.timeout(node, path, deadline, e) : KuboErrors.whileReading(node, path, e);
        } finally {
            reading = false;
        }
        if (timedOut) {
            throw KuboErrors.timeout(node, path, deadline, null);
        }
        if (n < 0) {
            finished = true;
            watchdog.cancel(false);
            if (expectedLength >= 0 && count < expectedLength) {
                throw KuboErrors.shortRead(node, path, count, expectedLength);
            }
            return -1;
        }
        count += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return finished || timedOut ? 0 : delegate.available();
    }

    @Override
    public void close() throws IOException {
        watchdog.cancel(false);
        delegate.close();
    }
}
