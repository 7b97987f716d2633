package io.ipfsmiddleware.core.io;

import java.io.IOException;
import java.io.InputStream;

/** What the middleware's stream wrappers share. */
public final class Streams {
    private Streams() {
    }

    /**
     * Implements {@link InputStream#read()} for a stream whose logic lives in its bulk
     * {@code read(byte[], int, int)}: blocks until one byte or the end arrives.
     *
     * @param in the stream, whose bulk read is used
     * @return the byte, 0 to 255, or -1 at the end
     * @throws IOException what the bulk read throws
     */
    public static int readSingleByte(InputStream in) throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = in.read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }
}
