package io.ipfsmiddleware.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpnsNameTest {
    private static final String KEY = "k51qzi5uqu5djfwwpajgjba0ucpitkyqqmqvkx23b1kdyh8wvxumtosiehh6oa";

    private static IpnsName of(String name) throws RegistryException {
        return IpnsName.of(new RepositoryName(name)).orElseThrow();
    }

    @Test
    void keysDomainsAndEthNames() throws RegistryException {
        IpnsName key = of("ipns/" + KEY + "/team/alpine");
        assertEquals("/ipns/" + KEY, key.ipnsPath());
        assertEquals("/ipfs/bafyroot/team/alpine", key.layoutPath("/ipfs/bafyroot"));
        assertEquals("/ipns/example.com", of("ipns/example.com/alpine").ipnsPath());
        IpnsName eth = of("example.eth/app");
        assertEquals("/ipns/example.eth", eth.ipnsPath());
        assertEquals("/ipfs/bafyroot/app", eth.layoutPath("/ipfs/bafyroot/"));
        assertEquals("/ipfs/bafyroot", of("ipns/example.com").layoutPath("/ipfs/bafyroot"));
    }

    @Test
    void otherNamesAreNotIpns() throws RegistryException {
        assertEquals(Optional.empty(), IpnsName.of(new RepositoryName("library/alpine")));
        assertEquals(Optional.empty(), IpnsName.of(new RepositoryName("ipfs/x")));
        assertEquals(Optional.empty(), IpnsName.of(new RepositoryName("example.com/app")));
    }

    @Test
    void malformedIpnsNamesAreNameInvalid() {
        for (String bad : new String[] {"ipns", "ipns/notakey/alpine", "ipns/a_b.com/x"}) {
            assertEquals(ErrorCode.NAME_INVALID, assertThrows(RegistryException.class, () -> of(bad), bad).code());
        }
    }
}
