package io.ipfsmiddleware.core.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.core.cid.Cid;
import io.ipfsmiddleware.core.cid.InvalidCidException;
import io.ipfsmiddleware.core.kubo.Multiaddr;
import io.ipfsmiddleware.core.layout.LayoutIndex;
import io.ipfsmiddleware.core.layout.ManifestTypes;
import io.ipfsmiddleware.core.name.IpfsName;
import io.ipfsmiddleware.core.name.IpnsName;

/**
 * Fuzz targets for every parser that sees untrusted input: request names, CIDs, the
 * {@code ipfsapiaddress} multiaddr, and the index.json and manifests of trees anyone can publish.
 * Each may reject its input only with its documented exception; anything else (a runtime
 * exception, a hang, an overflow) is a finding. Under plain {@code mvn verify} the committed seed
 * corpora in {@code src/test/resources/…/ParsersFuzzTestInputs/} are replayed; {@code .ci/fuzz.sh}
 * fuzzes each target for a bounded time.
 */
class ParsersFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void names(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        if (!RepositoryName.isValid(raw)) {
            IpfsName.explainInvalid(raw);
            return;
        }
        RepositoryName name = new RepositoryName(raw);
        try {
            IpfsName.of(name).ifPresent(n -> {
                if (!n.layoutPath().startsWith("/ipfs/" + n.cid() + "") || n.layoutPath().contains("/../")) {
                    throw new IllegalStateException("layout path escapes its CID: " + n.layoutPath());
                }
            });
        } catch (RegistryException expected) {
            // a clear NAME_INVALID
        }
        try {
            IpnsName.of(name);
        } catch (RegistryException expected) {
            // a clear NAME_INVALID
        }
    }

    @FuzzTest(maxDuration = "20s")
    void cids(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Cid cid = Cid.parse(text);
            if (cid.version() != 1) {
                throw new IllegalStateException("accepted a CID of version " + cid.version());
            }
        } catch (InvalidCidException expected) {
            // a clear rejection
        }
    }

    @FuzzTest(maxDuration = "20s")
    void multiaddrs(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            Multiaddr.apiBaseUri(text);
        } catch (IllegalArgumentException expected) {
            // a clear rejection
        }
    }

    @FuzzTest(maxDuration = "20s")
    void indexes(byte[] json) {
        try {
            LayoutIndex index = LayoutIndex.parse(json, "/ipfs/fuzz/index.json");
            index.tags().forEach(index::find);
        } catch (RegistryException expected) {
            // NAME_UNKNOWN with the reason
        }
    }

    @FuzzTest(maxDuration = "20s")
    void manifests(FuzzedDataProvider data) {
        String hint = data.consumeBoolean() ? data.consumeString(80) : null;
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            ManifestTypes.detect(bytes, hint, "/ipfs/fuzz/blobs/sha256/x");
        } catch (RegistryException expected) {
            // MANIFEST_INVALID with the reason
        }
    }
}
