package io.ipfsmiddleware.examples.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code publish} command line: each --name belongs to the source before it. */
class PublishArgumentsTest {
    @Test
    void sourcesPairWithTheNameAfterThem() throws Exception {
        PublishArguments a = PublishArguments.parse(List.of("oci:a:1", "--name", "a:1", "--json",
                "docker-archive:-", "--name", "b", "--into", "bafy", "--platform", "linux/amd64", "--config", "c.yml"));
        assertEquals(List.of(new PublishArguments.Source("oci:a:1", "a:1"),
                new PublishArguments.Source("docker-archive:-", "b")), a.sources());
        assertEquals("bafy", a.into());
        assertEquals("linux/amd64", a.platform());
        assertTrue(a.json());
        assertEquals(Path.of("c.yml"), a.config());
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(PublishArguments.UsageException.class,
                () -> PublishArguments.parse(List.of("oci:a", "oci:b", "--name", "b"))).getMessage()
                .contains("source oci:a has no --name"));
        assertTrue(assertThrows(PublishArguments.UsageException.class,
                () -> PublishArguments.parse(List.of("--name", "a", "oci:a"))).getMessage().contains("must follow"));
        assertTrue(assertThrows(PublishArguments.UsageException.class,
                () -> PublishArguments.parse(List.of("oci:a", "--name"))).getMessage().contains("needs a value"));
        assertTrue(assertThrows(PublishArguments.UsageException.class,
                () -> PublishArguments.parse(List.of("oci:a", "--name", "a", "--force"))).getMessage()
                .contains("unknown option --force"));
        assertTrue(assertThrows(PublishArguments.UsageException.class,
                () -> PublishArguments.parse(List.of())).getMessage().contains("no SOURCE"));
    }

    @Test
    void pullReferencesUseTheRegistryAddress() {
        assertEquals("localhost:5000", PublishCommand.registryHost(""));
        assertEquals("localhost:5001", PublishCommand.registryHost(":5001"));
        assertEquals("localhost:5002", PublishCommand.registryHost("0.0.0.0:5002"));
        assertEquals("127.0.0.1:5003", PublishCommand.registryHost("127.0.0.1:5003"));
    }
}
