package io.ipfsmiddleware.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void parsesBinaryAndDecimalUnits() {
        assertEquals(10L << 30, ByteSize.parse("10GiB"));
        assertEquals(512L << 20, ByteSize.parse("512 MiB"));
        assertEquals(64L << 20, ByteSize.parse("64m"));
        assertEquals(2_000_000_000L, ByteSize.parse("2GB"));
        assertEquals(1234, ByteSize.parse("1234"));
        assertEquals(5L << 40, ByteSize.parse("5TiB"));
    }

    @Test
    void rejectsWhatIsNotASize() {
        for (String bad : new String[] {"", "GiB", "10 XB", "-1", "1.5GiB", "10i", "99999999999TiB"}) {
            assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad), bad);
        }
    }

    @Test
    void formatsForMessages() {
        assertEquals("512 B", ByteSize.format(512));
        assertEquals("10.0 GiB", ByteSize.format(10L << 30));
    }
}
