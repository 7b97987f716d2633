package com.example.ociregistry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import io.ipfsmiddleware.api.model.Descriptor;
import io.ipfsmiddleware.api.model.Digest;
import io.ipfsmiddleware.api.model.ManifestContent;
import io.ipfsmiddleware.api.model.TagPage;
import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.api.spi.Repository;
import io.ipfsmiddleware.servlet.DistributionRoute;
import io.ipfsmiddleware.servlet.ErrorResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A Reactor Netty handler in front of another one (here oci-registry's {@code OciRegistryHandler}):
 * requests for repository names a middleware intercepts are answered from the middleware's
 * {@link Repository}; every other request goes to the registry's handler untouched. The
 * repository calls block (they read from the IPFS node), so they run on {@link
 * Schedulers#boundedElastic()}, never on the event loop.
 *
 * <p>Answers GET and HEAD of manifests, blobs (whole, no {@code Range}) and tags; writes get
 * {@code 405 UNSUPPORTED}. This mirrors the servlet module's responder: see README "A registry
 * that is not servlet-based" for where a shared, transport-neutral responder would go.
 */
public final class MiddlewareFirstHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 64 * 1024;

    private final MiddlewareChain chain;
    private final BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> registry;

    /**
     * @param chain the middlewares; the caller closes it
     * @param registry the registry's own handler, for every name no middleware intercepts
     */
    public MiddlewareFirstHandler(MiddlewareChain chain,
            BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> registry) {
        this.chain = chain;
        this.registry = registry;
    }

    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        Optional<DistributionRoute> route = DistributionRoute.parse(URI.create(request.uri()).getRawPath());
        if (route.isEmpty()) {
            return registry.apply(request, response);
        }
        boolean head = "HEAD".equals(request.method().name());
        String method = request.method().name();
        // Deciding whether a name is intercepted may itself call the node (an ipns/ name is
        // resolved), so it runs off the event loop too.
        return Mono.fromCallable(() -> chain.intercept(route.get().name()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.isEmpty()
                        ? Mono.from(registry.apply(request, response))
                        : Mono.fromCallable(() -> answer(found.get(), route.get(), method, request))
                                .subscribeOn(Schedulers.boundedElastic())
                                .onErrorResume(RegistryException.class, e -> Mono.just(Answer.error(e)))
                                .onErrorResume(IOException.class, e -> Mono.just(Answer.error(new RegistryException(
                                        ErrorCode.UNAVAILABLE, "the content could not be read: " + e.getMessage(),
                                        null, e))))
                                .flatMap(answer -> answer.send(response, head)))
                .onErrorResume(RegistryException.class, e -> Answer.error(e).send(response, head));
    }

    private static Answer answer(Repository repository, DistributionRoute route, String method,
            HttpServerRequest request) throws RegistryException, IOException {
        if (!"GET".equals(method) && !"HEAD".equals(method) || route.kind() == DistributionRoute.Kind.BLOB_UPLOAD) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, repository.readOnlyMessage(method),
                    repository.name().value());
        }
        switch (route.kind()) {
            case MANIFEST -> {
                ManifestContent manifest = repository.manifests().get(route.reference());
                if (Digest.isDigest(route.reference()) && !manifest.digest().toString().equals(route.reference())) {
                    throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "asked for " + route.reference()
                            + " but the repository returned " + manifest.digest(), route.reference());
                }
                return new Answer(200, Map.of("Content-Type", manifest.mediaType(),
                        "Docker-Content-Digest", manifest.digest().toString()), manifest.size(),
                        Flux.just(manifest.bytes()));
            }
            case BLOB -> {
                Digest digest = Digest.parse(route.reference());
                Descriptor blob = repository.blobs().stat(digest);
                return new Answer(200, Map.of("Content-Type", blob.mediaType(),
                        "Docker-Content-Digest", digest.toString()), blob.size(), stream(repository, digest));
            }
            case TAGS -> {
                TagPage page = repository.tags().list(-1, null);
                ObjectNode body = JSON.createObjectNode();
                body.put("name", repository.name().value());
                page.tags().forEach(body.putArray("tags")::add);
                byte[] bytes = JSON.writeValueAsBytes(body);
                return new Answer(200, Map.of("Content-Type", "application/json"), bytes.length, Flux.just(bytes));
            }
            default -> throw new RegistryException(ErrorCode.UNSUPPORTED, route.kind() + " is not served for "
                    + repository.name(), repository.name().value());
        }
    }

    /** Reads the blob in chunks, on the blocking scheduler, closing the stream however it ends. */
    private static Flux<byte[]> stream(Repository repository, Digest digest) {
        return Flux.using(() -> repository.blobs().open(digest, null),
                in -> Flux.<byte[]>generate(sink -> {
                    try {
                        byte[] buffer = new byte[CHUNK];
                        int n = in.readNBytes(buffer, 0, CHUNK);
                        if (n == 0) {
                            sink.complete();
                        } else {
                            sink.next(n == CHUNK ? buffer : Arrays.copyOf(buffer, n));
                        }
                    } catch (IOException e) {
                        sink.error(new UncheckedIOException(e));
                    }
                }), MiddlewareFirstHandler::closeQuietly)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the response already ended; nothing left to tell the client
        }
    }

    /** A response to send: status, headers, length and body. */
    private record Answer(int status, Map<String, String> headers, long length, Flux<byte[]> body) {
        static Answer error(RegistryException e) {
            byte[] bytes = ErrorResponses.body(e);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            if (e.code() == ErrorCode.UNAVAILABLE) {
                headers.put("Retry-After", "10");
            }
            return new Answer(e.code().httpStatus(), headers, bytes.length, Flux.just(bytes));
        }

        Mono<Void> send(HttpServerResponse response, boolean head) {
            response.status(status);
            headers.forEach(response::header);
            response.header("Content-Length", Long.toString(length));
            if (head) {
                return response.send().then();
            }
            return response.sendByteArray(body).then();
        }
    }
}
