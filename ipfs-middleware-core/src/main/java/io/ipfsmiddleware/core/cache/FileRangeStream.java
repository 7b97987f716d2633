package io.ipfsmiddleware.core.cache;

import io.ipfsmiddleware.core.io.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads {@code length} bytes of a file from an offset, failing if the file is shorter. */
final class FileRangeStream extends InputStream {
    private final FileChannel channel;
    private final String source;
    private long position;
    private final long end;

    FileRangeStream(FileChannel channel, long offset, long length, String source) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        return Streams.readSingleByte(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n < 0) {
            throw new IOException(source + " ended at " + position + ", before " + end);
        }
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
