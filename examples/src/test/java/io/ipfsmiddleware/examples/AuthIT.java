package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host registry's authentication protects IPFS names too: container-level HTTP Basic
 * authentication (Jetty's ConstraintSecurityHandler, Tomcat's security constraints and realm)
 * runs before the middleware filter.
 */
class AuthIT {
    @TempDir
    Path work;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(RegistryServer.Container.class)
    void ipfsNamesNeedTheRegistrysCredentials(RegistryServer.Container container) throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        Path users = work.resolve("users");
        Files.writeString(users, "# user:password\nalice:s3cret\n");
        try (KuboNode kubo = KuboNode.start();
                TestRegistry registry = TestRegistry.start(container, kubo.apiMultiaddr(),
                        "auth:\n  basic:\n    realm: test-registry\n    users: " + users + "\n")) {
            String cid = kubo.addDirectory(work.resolve("images"));
            String manifest = registry.url() + "/v2/ipfs/" + cid + "/alpine/manifests/3.10.1";

            HttpResponse<byte[]> anonymous = Http.get(manifest);
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                    anonymous.headers().toString());
            assertEquals(401, Http.get(manifest, "Authorization", basic("alice", "wrong")).statusCode());
            assertEquals(401, Http.get(registry.url() + "/v2/library/alpine/manifests/latest").statusCode());

            HttpResponse<byte[]> allowed = Http.get(manifest, "Authorization", basic("alice", "s3cret"));
            assertEquals(200, allowed.statusCode());
            assertEquals(layout.tag("3.10.1").digest(), allowed.headers().firstValue("Docker-Content-Digest")
                    .orElseThrow());

            Path dockerConfig = Files.createDirectories(work.resolve("docker"));
            Files.writeString(dockerConfig.resolve("config.json"), "{\"auths\":{\"" + registry.host()
                    + "\":{\"auth\":\"" + basic("alice", "s3cret").substring(6) + "\"}}}");
            assertEquals(layout.tag("3.10.1").digest(), Tools.craneWithEnv(Map.of("DOCKER_CONFIG",
                    dockerConfig.toString()), "digest", "--insecure", registry.host() + "/ipfs/" + cid
                    + "/alpine:3.10.1").trim());
        }
    }
}
