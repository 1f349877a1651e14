package io.mesosevents.mesos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable stand-in for a Mesos master's {@code /api/v1}: every request takes the next
 * scripted {@link Reply}; once the script runs out it answers 503 like a master without a leader.
 */
final class FakeMaster implements AutoCloseable {

    /** What the master does with one request. */
    @FunctionalInterface
    interface Reply {
        void serve(HttpExchange exchange, CountDownLatch closing) throws IOException, InterruptedException;
    }

    /** A request as the master saw it. */
    record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String scheme;

    private FakeMaster(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeMaster start() throws IOException {
        return new FakeMaster(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), "http");
    }

    static FakeMaster startTls(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new FakeMaster(server, "https");
    }

    URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    FakeMaster then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The next request the master received, waiting for it up to 5 s. */
    Request request() throws InterruptedException {
        Request request = requests.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("No request reached " + url());
        }
        return request;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            Reply reply = script.poll();
            (reply == null ? status(503, "No leader elected") : reply).serve(exchange, closing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away mid-reply: expected when it gives up on a stalled stream.
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    static Reply status(int status, String body) {
        return (exchange, closing) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    static Reply redirect(String location) {
        return (exchange, closing) -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(307, -1);
        };
    }

    /** A 200 answer to a read call: one message, not RecordIO-framed. */
    static Reply response(MesosEncoding encoding, byte[] message) {
        return (exchange, closing) -> {
            exchange.getResponseHeaders().add("Content-Type", encoding.mediaType());
            exchange.sendResponseHeaders(200, message.length);
            exchange.getResponseBody().write(message);
        };
    }

    /** A 200 chunked stream: every element of {@code writes} is flushed as one HTTP chunk; then the stream ends. */
    static Reply stream(MesosEncoding encoding, List<byte[]> writes) {
        return (exchange, closing) -> writeStream(exchange, encoding, writes);
    }

    /** Like {@link #stream}, then silence with the connection open, until the client or the test gives up. */
    static Reply streamThenStall(MesosEncoding encoding, List<byte[]> writes) {
        return (exchange, closing) -> {
            writeStream(exchange, encoding, writes);
            closing.await(10, TimeUnit.SECONDS);
        };
    }

    private static void writeStream(HttpExchange exchange, MesosEncoding encoding, List<byte[]> writes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", encoding.mediaType());
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        for (byte[] write : writes) {
            body.write(write);
            body.flush();
        }
    }
}
