package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads {@code /api/v1/watch} as a browser's EventSource would: a real HTTP/1.1 connection whose body is
 * parsed line by line into server-sent-event messages as they arrive. Closing it closes the connection.
 */
final class WatchSseClient implements AutoCloseable {

    /** One message: the {@code event}, {@code id} and {@code data} fields and any comment lines. */
    record Message(String event, String id, String data, List<String> comments) {

        Message {
            comments = List.copyOf(comments);
        }

        boolean isEvent() {
            return event != null;
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final List<Message> events = new ArrayList<>();
    private final Thread reader;

    private WatchSseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "watch-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects; fails unless the answer is a 200 event stream. */
    static WatchSseClient open(int port, String pathAndQuery, Optional<String> lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream").GET();
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
        try {
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new AssertionError("GET " + pathAndQuery + ": HTTP " + response.statusCode() + " " + body);
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                throw new AssertionError("GET " + pathAndQuery + ": not an event stream: " + response.headers());
            }
            return new WatchSseClient(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static WatchSseClient open(int port, String pathAndQuery) {
        return open(port, pathAndQuery, Optional.empty());
    }

    /** The next message of any kind, or an AssertionError after {@code within}. */
    Message next(Duration within) {
        try {
            Message message = messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + within + "; events so far: " + events);
            }
            if (message.isEvent()) {
                events.add(message);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The first message: the position the stream starts at (an id without data). */
    String awaitOpen() {
        Message first = next(Duration.ofSeconds(15));
        if (first.isEvent() || first.id() == null) {
            throw new AssertionError("the stream did not open with its position: " + first);
        }
        return first.id();
    }

    /** Reads on until the events received so far satisfy {@code done}; they are returned in order. */
    List<Message> eventsUntil(Duration within, Predicate<List<Message>> done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.test(events)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not within " + within + "; events so far: " + events);
            }
            next(Duration.ofNanos(left));
        }
        return List.copyOf(events);
    }

    /** Every event received so far, draining what has arrived. */
    List<Message> events() {
        Message message;
        while ((message = messages.poll()) != null) {
            if (message.isEvent()) {
                events.add(message);
            }
        }
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    private void read() {
        String event = null;
        String id = null;
        StringBuilder data = null;
        List<String> comments = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (event != null || id != null || data != null || !comments.isEmpty()) {
                        messages.add(new Message(event, id, data == null ? null : data.toString(), comments));
                    }
                    event = null;
                    id = null;
                    data = null;
                    comments = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("event: ")) {
                    event = line.substring("event: ".length());
                } else if (line.startsWith("id: ")) {
                    id = line.substring("id: ".length());
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring("data: ".length()));
                } else {
                    throw new AssertionError("not a server-sent-events line: " + line);
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // The connection was closed (by close(), or by the server).
        }
    }
}
