package com.example.bootregistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.Skopeo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it starts, with application.yml's middleware block pointed at a real kubo
 * node: skopeo pulls an IPFS image through it; other names reach the application's controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BootRegistryIT {
    @TempDir
    static Path images;
    static KuboNode kubo;
    static OciLayout alpine;
    static String cid;

    @LocalServerPort
    int port;

    @Autowired
    MiddlewareChain chain;

    @DynamicPropertySource
    static void ipfsNode(DynamicPropertyRegistry registry) {
        alpine = OciImages.alpine(images.resolve("alpine"));
        kubo = KuboNode.start();
        cid = kubo.addDirectory(images);
        // Fills ${IPFS_API} in application.yml: the middleware block itself is the file's.
        registry.add("IPFS_API", kubo::apiMultiaddr);
    }

    @AfterAll
    static void stop() {
        if (kubo != null) {
            kubo.close();
        }
    }

    @Test
    void applicationYamlConfiguresTheIpfsMiddleware() {
        assertEquals(List.of("ipfs"), chain.names());
    }

    @Test
    void skopeoPullsAnIpfsImageThroughTheBootApplication(@TempDir Path out) {
        Skopeo.locate().copy("docker://127.0.0.1:" + port + "/ipfs/" + cid + "/alpine:" + OciImages.TAG,
                Skopeo.oci(out, "x"));
        assertEquals(alpine.tag(OciImages.TAG).digest(), OciLayout.read(out).tag("x").digest());
    }

    @Test
    void otherNamesReachTheApplication() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v2/library/alpine/manifests/3.10.1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("holds no repositories of its own"), response.body());
    }
}
