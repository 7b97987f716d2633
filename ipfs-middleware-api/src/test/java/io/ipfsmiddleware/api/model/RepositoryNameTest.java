package io.ipfsmiddleware.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"alpine", "library/alpine", "ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/alpine",
        "a.b_c__d-e--f/g", "x0/y1/z2"})
    void acceptsTheDistributionGrammar(String name) throws RegistryException {
        assertEquals(name, RepositoryName.parse(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Alpine", "ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", "a//b", "/a", "a/", "a/../b",
        "a/./b", "-a", "a-", "a..b", "a___b", "a b"})
    void rejectsWithNameInvalid(String name) {
        RegistryException e = assertThrows(RegistryException.class, () -> RepositoryName.parse(name));
        assertEquals(ErrorCode.NAME_INVALID, e.code());
        assertFalse(RepositoryName.isValid(name));
    }

    @Test
    void limitsTheLength() {
        String ok = "a".repeat(RepositoryName.MAX_LENGTH);
        assertTrue(RepositoryName.isValid(ok));
        RegistryException e = assertThrows(RegistryException.class, () -> RepositoryName.parse(ok + "a"));
        assertTrue(e.getMessage().contains("256 characters"), e.getMessage());
    }

    @Test
    void splitsComponents() throws RegistryException {
        assertEquals(List.of("ipfs", "cid", "alpine"), RepositoryName.parse("ipfs/cid/alpine").components());
    }
}
