package io.ipfsmiddleware.core.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into a byte array of at most {@code limit} bytes, which can be
 * aborted (closing the connection) when its deadline passes. {@code java.net.http}'s own
 * {@code ofByteArray} has no size bound, and a hostile gateway could send without end.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final boolean truncate;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean aborted;

    /**
     * @param limit the most bytes kept
     * @param truncate whether more bytes end the body quietly (for error texts) rather than fail it
     */
    BoundedBody(int limit, boolean truncate) {
        this.limit = limit;
        this.truncate = truncate;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (aborted) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (bytes.size() + n > limit) {
                if (truncate) {
                    byte[] part = new byte[limit - bytes.size()];
                    b.get(part);
                    bytes.write(part, 0, part.length);
                    result.complete(bytes.toByteArray());
                } else {
                    result.completeExceptionally(new IOException("the answer is larger than " + limit + " bytes"));
                }
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[n];
            b.get(chunk);
            bytes.write(chunk, 0, n);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops receiving: cancels the subscription, which closes the connection. */
    void abort() {
        aborted = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(new IOException("aborted"));
    }
}
