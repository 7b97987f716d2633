package io.ipfsmiddleware.examples.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code publish}:
 * {@code SOURCE --name NAME[:TAG] [SOURCE --name NAME[:TAG]]… [--into CID] [--platform P]
 * [--json] [--api MULTIADDR] [--config FILE] [--tree DIR]}. Each {@code --name} belongs to the
 * source just before it.
 *
 * @param sources each source with its name, in order
 * @param into the tree to add to, or {@code null}
 * @param platform {@code os/arch[/variant]}, or {@code null}
 * @param json whether to print JSON
 * @param api the node's RPC API, or {@code null}
 * @param config the registry's config.yml, or {@code null}
 * @param tree where to keep the written tree, or {@code null}
 */
record PublishArguments(List<Source> sources, String into, String platform, boolean json, String api, Path config,
        Path tree) {
    /** A source string and its {@code NAME[:TAG]}. */
    record Source(String spec, String name) {
    }

    static final String USAGE = "usage: java -jar ipfs-registry.jar publish SOURCE --name NAME[:TAG] "
            + "[SOURCE --name NAME[:TAG]]... [--into CID] [--platform OS/ARCH[/VARIANT]] [--json] "
            + "[--api MULTIADDR] [--config config.yml] [--tree DIR]\n"
            + "  SOURCE: oci:DIR[:TAG] | oci-archive:FILE[:TAG] | docker-archive:FILE (- = stdin) | docker://HOST/NAME:TAG";

    /** The command line is wrong; the message says how. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static PublishArguments parse(List<String> args) throws UsageException {
        List<Source> sources = new ArrayList<>();
        String pendingSource = null;
        String into = null;
        String platform = null;
        boolean json = false;
        String api = null;
        Path config = null;
        Path tree = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--name" -> {
                    String value = value(args, ++i, arg);
                    if (pendingSource == null) {
                        throw new UsageException("--name " + value + " must follow the SOURCE it names");
                    }
                    sources.add(new Source(pendingSource, value));
                    pendingSource = null;
                }
                case "--into" -> into = value(args, ++i, arg);
                case "--platform" -> platform = value(args, ++i, arg);
                case "--json" -> json = true;
                case "--api" -> api = value(args, ++i, arg);
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--tree" -> tree = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (pendingSource != null) {
                        throw new UsageException("source " + pendingSource + " has no --name NAME[:TAG] after it");
                    }
                    pendingSource = arg;
                }
            }
        }
        if (pendingSource != null) {
            throw new UsageException("source " + pendingSource + " has no --name NAME[:TAG] after it");
        }
        if (sources.isEmpty()) {
            throw new UsageException("no SOURCE given");
        }
        return new PublishArguments(List.copyOf(sources), into, platform, json, api, config, tree);
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
