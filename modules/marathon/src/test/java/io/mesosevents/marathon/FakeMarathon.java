package io.mesosevents.marathon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A scriptable stand-in for Marathon's REST API and event stream. Every request to a path takes
 * the next {@link Reply} scripted for it; when there is none, the path's default answers: an empty
 * cluster, a leader that is this instance, a working subscription list, and 503 for {@code /v2/events}.
 */
final class FakeMarathon implements AutoCloseable {

    /** What the fake does with one request. */
    @FunctionalInterface
    interface Reply {
        void serve(HttpExchange exchange, CountDownLatch closing) throws IOException, InterruptedException;
    }

    /** A request as the fake saw it. */
    record Request(String method, String path, String query, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, BlockingQueue<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<Request>> requests = new ConcurrentHashMap<>();
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String scheme;

    private FakeMarathon(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeMarathon start() throws IOException {
        return new FakeMarathon(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), "http");
    }

    static FakeMarathon startTls(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new FakeMarathon(server, "https");
    }

    URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts the next answers to requests for {@code path}, in order. */
    FakeMarathon on(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new LinkedBlockingQueue<>()).addAll(List.of(replies));
        return this;
    }

    /** The next request the fake received for {@code path}, waiting for it up to 5 s. */
    Request request(String path) throws InterruptedException {
        Request request = requestsFor(path).poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("No request for " + path + " reached " + url());
        }
        return request;
    }

    /** Whether a request for {@code path} came that the test has not taken yet. */
    boolean hasRequest(String path) {
        return !requestsFor(path).isEmpty();
    }

    /** The callback URLs registered now. */
    Set<String> subscriptions() {
        return Set.copyOf(subscriptions);
    }

    private BlockingQueue<Request> requestsFor(String path) {
        return requests.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            requestsFor(path).add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders())));
            BlockingQueue<Reply> script = scripts.get(path);
            Reply reply = script == null ? null : script.poll();
            (reply == null ? defaultReply(exchange, path) : reply).serve(exchange, closing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away mid-reply: expected when it drops a stream.
        }
    }

    private Reply defaultReply(HttpExchange exchange, String path) {
        return switch (path) {
            case "/v2/apps" -> json(200, "{\"apps\":[]}");
            case "/v2/deployments", "/v2/pods" -> json(200, "[]");
            case "/v2/leader" -> json(200, "{\"leader\":\"127.0.0.1:" + server.getAddress().getPort() + "\"}");
            case "/v2/eventSubscriptions" -> subscriptionReply(exchange);
            default -> json(503, "{\"message\":\"no default answer for " + path + "\"}");
        };
    }

    /** Marathon's subscription registry: POST adds, DELETE removes, GET lists. */
    private Reply subscriptionReply(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        String callbackUrl = query == null ? null : URLDecoder.decode(query.replaceFirst("^callbackUrl=", ""), StandardCharsets.UTF_8);
        switch (exchange.getRequestMethod()) {
            case "POST" -> subscriptions.add(callbackUrl);
            case "DELETE" -> subscriptions.remove(callbackUrl);
            default -> {
                String list = subscriptions.stream().map(url -> "\"" + url + "\"").collect(Collectors.joining(","));
                return json(200, "{\"callbackUrls\":[" + list + "]}");
            }
        }
        return json(200, "{\"callbackUrl\":\"" + callbackUrl + "\",\"eventType\":\"subscribe_event\"}");
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    static Reply json(int status, String body) {
        return (exchange, closing) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** A 302 as a standby Marathon sends for {@code /v2/events}. */
    static Reply redirect(String location) {
        return (exchange, closing) -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** Answers with {@code then} once {@code latch} opens. */
    static Reply after(CountDownLatch latch, Reply then) {
        return (exchange, closing) -> {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IOException("The latch did not open");
            }
            then.serve(exchange, closing);
        };
    }

    /** An event stream: every write is flushed as one chunk; then the stream ends, as on leadership loss. */
    static Reply stream(String... writes) {
        return (exchange, closing) -> write(startStream(exchange), writes);
    }

    /** Like {@link #stream}, then silence with the connection open, until the client or the test gives up. */
    static Reply streamThenStall(String... writes) {
        return (exchange, closing) -> {
            write(startStream(exchange), writes);
            closing.await(10, TimeUnit.SECONDS);
        };
    }

    static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream;charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    static void write(OutputStream body, String... writes) throws IOException {
        for (String write : writes) {
            body.write(write.getBytes(StandardCharsets.UTF_8));
            body.flush();
        }
    }
}
