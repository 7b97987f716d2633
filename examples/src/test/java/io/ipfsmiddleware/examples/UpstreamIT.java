package io.ipfsmiddleware.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ipfsmiddleware.testkit.KuboNode;
import io.ipfsmiddleware.testkit.OciImages;
import io.ipfsmiddleware.testkit.OciLayout;
import io.ipfsmiddleware.testkit.Skopeo;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One registry, two kinds of names: ordinary images are pushed and pulled through the example to a
 * real CNCF distribution registry upstream, while ipfs/ names are served from IPFS beside them.
 */
class UpstreamIT {
    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(RegistryServer.Container.class)
    void ordinaryImagesGoUpstreamWhileIpfsNamesComeFromIpfs(RegistryServer.Container container) throws Exception {
        OciLayout layout = OciImages.alpine(work.resolve("images/alpine"));
        try (KuboNode kubo = KuboNode.start();
                DistributionRegistry upstream = DistributionRegistry.start(work.resolve("upstream"));
                TestRegistry registry = TestRegistry.start(container, kubo.apiMultiaddr(),
                        "upstream: " + upstream.url() + "\n")) {
            String cid = kubo.addDirectory(work.resolve("images"));
            Skopeo skopeo = Skopeo.locate();
            String pushed = "docker://" + registry.host() + "/library/alpine:pushed";
            skopeo.copy(Skopeo.oci(layout.directory(), "3.10.1"), pushed, Skopeo.CopyOption.PRESERVE_DIGESTS);
            assertEquals(layout.tag("3.10.1").digest(), Tools.crane("digest", "--insecure",
                    upstream.url().substring("http://".length()) + "/library/alpine:pushed").trim());

            skopeo.copy(pushed, Skopeo.oci(work.resolve("pulled"), "x"));
            assertEquals(layout.tag("3.10.1").digest(), OciLayout.read(work.resolve("pulled")).tag("x").digest());

            assertEquals(layout.tag("3.9").digest(), Tools.crane("digest", "--insecure",
                    registry.host() + "/ipfs/" + cid + "/alpine:3.9").trim());
        }
    }
}
