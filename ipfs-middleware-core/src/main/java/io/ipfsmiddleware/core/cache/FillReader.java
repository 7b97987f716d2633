package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.core.io.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Streams a blob from the file a {@link BlobFill} is writing, waiting for bytes not yet
 * written. Memory stays flat in the blob's size: everything goes through the file. Closing it
 * does not stop the fill.
 */
final class FillReader extends InputStream {
    private final BlobFill fill;
    private final FileChannel channel;
    private long position;

    FillReader(BlobFill fill, FileChannel channel) {
        this.fill = fill;
        this.channel = channel;
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
        long limit = fill.awaitReadable(position);
        if (position >= limit) {
            return -1; // verified and all read
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, limit - position)), position);
        if (n < 0) {
            throw new IOException("the cache file of " + fill.digest() + " ended at " + position + " of "
                    + fill.size() + " bytes");
        }
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
