package io.ipfsmiddleware.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.ByteRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangeHeaderTest {
    @Test
    void singleRanges() throws RegistryException {
        assertEquals(Optional.of(new ByteRange(0, 99)), RangeHeader.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(100, 999)), RangeHeader.parse("bytes=100-", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), RangeHeader.parse("bytes=-100", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), RangeHeader.parse("bytes=-5000", 1000));
        assertEquals(Optional.of(new ByteRange(990, 999)), RangeHeader.parse("bytes=990-5000", 1000));
    }

    @Test
    void noneOrSeveralMeansWholeBlob() throws RegistryException {
        assertEquals(Optional.empty(), RangeHeader.parse(null, 10));
        assertEquals(Optional.empty(), RangeHeader.parse("bytes=0-1,3-4", 10));
    }

    @Test
    void unsatisfiable() {
        for (String h : new String[] {"bytes=1000-", "bytes=5-4", "bytes=-0", "bytes=-", "items=0-1", "bytes=a-b",
            "bytes=99999999999999999999-"}) {
            assertEquals(ErrorCode.RANGE_INVALID, assertThrows(RegistryException.class, () -> RangeHeader.parse(h, 1000)).code(), h);
        }
    }
}
