package io.ipfsmiddleware.core.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.core.name.IpnsName;
import io.ipfsmiddleware.core.node.IpfsNode;
import io.ipfsmiddleware.core.node.IpfsNotFoundException;
import io.ipfsmiddleware.core.node.IpfsUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The node is a Mockito double of our own seam; real resolution is covered by IpnsIT. */
class IpnsResolverTest {
    private final AtomicLong now = new AtomicLong();
    private final IpfsNode node = mock(IpfsNode.class);
    private final IpnsResolver resolver = new IpnsResolver(node, Duration.ofSeconds(30), now::get);

    private static IpnsName name(String domain) throws RegistryException {
        return IpnsName.of(new RepositoryName("ipns/" + domain + "/alpine")).orElseThrow();
    }

    @Test
    void answersAreKeptForTheTtlThenAskedAgain() throws Exception {
        when(node.resolve("/ipns/example.com")).thenReturn("/ipfs/bafyone", "/ipfs/bafytwo");
        assertEquals("/ipfs/bafyone", resolver.resolve(name("example.com")));
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals("/ipfs/bafyone", resolver.resolve(name("example.com")));
        verify(node, times(1)).resolve("/ipns/example.com");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals("/ipfs/bafytwo", resolver.resolve(name("example.com")));
    }

    @Test
    void unresolvableNamesAndDeadNodesAreClear() throws Exception {
        when(node.resolve("/ipns/gone.com")).thenThrow(new IpfsNotFoundException("could not resolve name"));
        when(node.resolve("/ipns/down.com")).thenThrow(new IpfsUnavailableException("connection refused"));
        RegistryException missing = assertThrows(RegistryException.class, () -> resolver.resolve(name("gone.com")));
        assertEquals(ErrorCode.NAME_UNKNOWN, missing.code());
        assertEquals(ErrorCode.UNAVAILABLE,
                assertThrows(RegistryException.class, () -> resolver.resolve(name("down.com"))).code());
    }
}
