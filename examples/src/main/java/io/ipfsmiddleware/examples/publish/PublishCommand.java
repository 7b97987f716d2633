package io.ipfsmiddleware.examples.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.spi.MiddlewareConfig;
import io.ipfsmiddleware.core.kubo.KuboClient;
import io.ipfsmiddleware.core.kubo.Multiaddr;
import io.ipfsmiddleware.core.publish.ImageSources;
import io.ipfsmiddleware.core.publish.PlatformFilter;
import io.ipfsmiddleware.core.publish.PublishJob;
import io.ipfsmiddleware.core.publish.PublishProgress;
import io.ipfsmiddleware.core.publish.PublishRequest;
import io.ipfsmiddleware.core.publish.PublishResult;
import io.ipfsmiddleware.core.publish.PublishedImage;
import io.ipfsmiddleware.core.publish.Publisher;
import io.ipfsmiddleware.servlet.config.RegistryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar ipfs-registry.jar publish SOURCE --name NAME[:TAG] …}: publishes images to
 * IPFS with {@link Publisher} and prints the root CID and pull references. Exit codes: 0 done, 1
 * the publication failed (bad input, node), 2 the command line is wrong. Every failure is one
 * line on stderr starting {@code error:}; the CID is printed only after the tree was added and
 * checked on the node.
 */
public final class PublishCommand {
    private static final String DEFAULT_API = "/ip4/127.0.0.1/tcp/5001";
    private static final String DEFAULT_REGISTRY = "localhost:5000";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final boolean terminal;
    private final AtomicBoolean settled = new AtomicBoolean();

    /**
     * @param out where results go
     * @param err where errors and progress go
     * @param in what {@code docker-archive:-} reads
     * @param terminal whether stdout is a terminal (progress bars)
     */
    public PublishCommand(PrintStream out, PrintStream err, InputStream in, boolean terminal) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.terminal = terminal;
    }

    /**
     * @param args the arguments after {@code publish}
     * @return the exit code
     */
    public int run(List<String> args) {
        Thread hook = new Thread(() -> {
            if (settled.compareAndSet(false, true)) {
                err.println("error: interrupted before the tree was complete on the node; nothing was published");
                err.flush();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return execute(args);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran
            }
        }
    }

    private int execute(List<String> args) {
        PublishArguments parsed;
        List<PublishJob> jobs = new ArrayList<>();
        PlatformFilter platform;
        String api;
        String registry;
        try {
            parsed = PublishArguments.parse(args);
            RegistryConfig config = parsed.config() == null ? null : RegistryConfig.read(parsed.config());
            api = parsed.api() != null ? parsed.api() : apiFrom(config);
            registry = config == null ? DEFAULT_REGISTRY : registryHost(config.string("http.addr").orElse(""));
            platform = parsed.platform() == null ? null : PlatformFilter.parse(parsed.platform());
            for (PublishArguments.Source source : parsed.sources()) {
                jobs.add(PublishJob.of(ImageSources.parse(source.spec(), in), source.name()));
            }
        } catch (PublishArguments.UsageException | IllegalArgumentException e) {
            return fail(2, e.getMessage() + "\n" + PublishArguments.USAGE);
        } catch (IOException e) {
            return fail(2, e.getMessage());
        }
        PublishResult result;
        try (KuboClient kubo = KuboClient.builder(Multiaddr.apiBaseUri(api)).deadline(Duration.ofSeconds(60)).build()) {
            PublishProgress progress = terminal && !parsed.json() ? new ProgressBars(err) : PublishProgress.NONE;
            result = new Publisher(kubo, progress).publish(new PublishRequest(jobs, platform, parsed.into(),
                    parsed.tree()));
        } catch (IOException | RuntimeException e) {
            return fail(1, String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
        }
        if (!settled.compareAndSet(false, true)) {
            return 130;
        }
        print(result, registry, parsed.json());
        return 0;
    }

    private void print(PublishResult result, String registry, boolean json) {
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("cid", result.cid());
            ArrayNode images = root.putArray("images");
            for (PublishedImage image : result.images()) {
                images.addObject().put("name", image.name()).put("tag", image.tag()).put("digest", image.digest())
                        .put("mediaType", image.mediaType()).put("reference", image.reference(registry, result.cid()));
            }
            root.put("bytesSent", result.bytesSent());
            root.put("blobsSent", result.blobsSent());
            root.put("blobsSkipped", result.blobsSkipped());
            out.println(root);
        } else {
            out.println(result.cid());
            for (PublishedImage image : result.images()) {
                out.println(image.reference(registry, result.cid()));
            }
        }
        out.flush();
    }

    private int fail(int code, String message) {
        if (settled.compareAndSet(false, true)) {
            err.println("error: " + message);
            err.flush();
        }
        return code;
    }

    private static String apiFrom(RegistryConfig config) {
        if (config == null) {
            return DEFAULT_API;
        }
        for (MiddlewareConfig middleware : config.middlewares()) {
            if (middleware.name().equals("ipfs")) {
                return middleware.options().string("ipfsapiaddress", DEFAULT_API);
            }
        }
        return DEFAULT_API;
    }

    /** {@code http.addr} → the host:port pull references use; a wildcard or empty host is localhost. */
    static String registryHost(String addr) {
        if (addr.isEmpty()) {
            return DEFAULT_REGISTRY;
        }
        int colon = addr.lastIndexOf(':');
        String host = colon < 0 ? addr : addr.substring(0, colon);
        String port = colon < 0 ? "5000" : addr.substring(colon + 1);
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")) {
            host = "localhost";
        }
        return host + ":" + port;
    }
}
