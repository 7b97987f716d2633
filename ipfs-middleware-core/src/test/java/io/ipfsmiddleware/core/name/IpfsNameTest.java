package io.ipfsmiddleware.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpfsNameTest {
    static final String CID = "bafybeih5njpiyyu376v37c2ywi2zp4c7ako6dkb6qw4oi3vtqer7hojjiu";

    @Test
    void subPathIsTheLayoutDirectory() throws RegistryException {
        IpfsName name = IpfsName.of(new RepositoryName("ipfs/" + CID + "/team/alpine")).orElseThrow();
        assertEquals("/ipfs/" + CID + "/team/alpine", name.layoutPath());
        assertEquals("team/alpine", name.subPath());
    }

    @Test
    void cidAloneIsTheLayout() throws RegistryException {
        assertEquals("/ipfs/" + CID, IpfsName.of(new RepositoryName("ipfs/" + CID)).orElseThrow().layoutPath());
    }

    @Test
    void otherNamesAreNotOurs() throws RegistryException {
        assertEquals(Optional.empty(), IpfsName.of(new RepositoryName("library/alpine")));
        assertEquals(Optional.empty(), IpfsName.of(new RepositoryName("myipfs/" + CID)));
    }

    @Test
    void invalidCidsAreNameInvalid() {
        for (String bad : new String[] {"ipfs", "ipfs/notacid/alpine", "ipfs/bafy/alpine", "ipfs/alpine"}) {
            RegistryException e = assertThrows(RegistryException.class, () -> IpfsName.of(new RepositoryName(bad)), bad);
            assertEquals(ErrorCode.NAME_INVALID, e.code());
        }
    }

    @Test
    void cidV0IsExplainedWithTheFix() {
        RegistryException e = IpfsName.explainInvalid("ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/alpine")
                .orElseThrow();
        assertEquals(ErrorCode.NAME_INVALID, e.code());
        assertTrue(e.getMessage().contains("--cid-version 1") || e.getMessage().contains("cid base32"), e.getMessage());
        assertTrue(IpfsName.explainInvalid("ipfs/" + CID + "/Alpine").orElseThrow().getMessage().contains("lowercase"));
        assertEquals(Optional.empty(), IpfsName.explainInvalid("Library/Alpine"));
    }
}
