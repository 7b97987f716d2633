package io.ipfsmiddleware.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void headersThatAreNotOneValidRangeAreIgnored() throws RegistryException {
        for (String h : new String[] {null, "bytes=0-1,3-4", "bytes=5-4", "items=0-1", "bytes=a-b", "bytes=-",
            "bytes=99999999999999999999-"}) {
            assertEquals(Optional.empty(), RangeHeader.parse(h, 1000), h);
        }
    }

    @Test
    void rangesBeyondTheBlobCannotBeSatisfied() {
        for (String h : new String[] {"bytes=1000-", "bytes=1000-2000", "bytes=-0"}) {
            assertEquals(ErrorCode.RANGE_INVALID, assertThrows(RegistryException.class, () -> RangeHeader.parse(h, 1000)).code(), h);
        }
    }

    @Test
    void etagsMatchWeaklyInListsAndStar() {
        String etag = "\"sha256:abc\"";
        assertTrue(RepositoryResponder.matches(etag, etag));
        assertTrue(RepositoryResponder.matches("\"x\", W/" + etag, etag));
        assertTrue(RepositoryResponder.matches("*", etag));
        assertFalse(RepositoryResponder.matches("\"sha256:abd\"", etag));
        assertFalse(RepositoryResponder.matches(null, etag));
    }

    @Test
    void onlyManifestAndJsonTypesAreServedAsStored() {
        assertEquals("application/vnd.oci.image.manifest.v1+json",
                RepositoryResponder.servedManifestType("application/vnd.oci.image.manifest.v1+json"));
        assertEquals("application/vnd.example.custom.manifest.v1+json",
                RepositoryResponder.servedManifestType("application/vnd.example.custom.manifest.v1+json"));
        assertEquals("application/json", RepositoryResponder.servedManifestType("text/html"));
        assertEquals("application/json", RepositoryResponder.servedManifestType("application/json; x=<script>"));
    }
}
