package io.mesosevents.registry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A real local HTTP server (the JDK's) whose answers a test decides, recording every request:
 * scripted answers for failure injection, or a counting forwarder in front of a real registry.
 */
public final class StubHttpServer implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body, long nanoTime) {
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer to send. */
    public record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final String scheme;
    private final List<Request> requests = new ArrayList<>();

    private StubHttpServer(HttpServer server, String scheme, Function<Request, Reply> responder) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    /** Serves {@code responder}'s answers over plain HTTP on a free loopback port. */
    public static StubHttpServer start(Function<Request, Reply> responder) {
        try {
            return new StubHttpServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), "http", responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code responder}'s answers on an already bound server (an HttpsServer, say). */
    public static StubHttpServer start(HttpServer server, String scheme, Function<Request, Reply> responder) {
        return new StubHttpServer(server, scheme, responder);
    }

    /** Answers with {@code script} in order, then with {@code fallback} for ever. */
    public static Function<Request, Reply> script(Reply fallback, Reply... script) {
        Deque<Reply> queue = new ArrayDeque<>(List.of(script));
        return request -> {
            synchronized (queue) {
                return queue.isEmpty() ? fallback : queue.poll();
            }
        };
    }

    /** Forwards every request to {@code targetUrl} and relays the answer. */
    public static Function<Request, Reply> forwardTo(String targetUrl) {
        HttpClient client = HttpClient.newHttpClient();
        return request -> {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(targetUrl + request.pathAndQuery()))
                    .method(request.method(), request.body().isEmpty()
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body()));
            String contentType = request.header("Content-Type");
            if (contentType != null) {
                forward.header("Content-Type", contentType);
            }
            try {
                HttpResponse<String> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    public String url() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests had this method and path (query included). */
    public synchronized long count(String method, String pathAndQuery) {
        return requests.stream().filter(r -> r.method().equals(method) && r.pathAndQuery().equals(pathAndQuery)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange, Function<Request, Reply> responder) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Request request = new Request(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
            synchronized (this) {
                requests.add(request);
            }
            Reply reply = responder.apply(request);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }
}
