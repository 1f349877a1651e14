package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.mesos.InOrderBodyStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code /v2/events} connection read on its own thread and parsed as the SSE specification
 * says (lines end with LF, CRLF or CR; a blank line dispatches the event; no {@code data} means
 * nothing is dispatched), keeping the raw text of every frame so that tests can check the framing.
 */
final class SseStream implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Something read: a dispatched event, a blank line that dispatched nothing, or the end. */
    sealed interface Item {
    }

    /**
     * @param event the {@code event:} field, or null when the frame had none
     * @param data  the {@code data:} lines joined with LF
     * @param raw   every byte of the frame, its terminating blank line included
     */
    record Frame(String event, String data, String raw) implements Item {

        JsonNode json() {
            try {
                return MAPPER.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + data.substring(0, Math.min(200, data.length())), e);
            }
        }

        /** The JSON objects of the data, one a line (a frame carries two under a quirk). */
        List<JsonNode> objects() {
            List<JsonNode> objects = new ArrayList<>();
            for (String line : data.split("\n")) {
                try {
                    objects.add(MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return objects;
        }
    }

    record Blank(String raw) implements Item {
    }

    /** @param error null when the body ended cleanly */
    record End(IOException error) implements Item {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "test-sse-stream");
        reader.setDaemon(true);
        reader.start();
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens {@code baseUrl + pathAndQuery}; fails unless the answer is 200. */
    static SseStream open(String baseUrl, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http().send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Accept", "text/event-stream").GET().build(), InOrderBodyStream.handler());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(pathAndQuery + " answered " + response.statusCode());
        }
        return new SseStream(response);
    }

    static SseStream open(String baseUrl) throws IOException, InterruptedException {
        return open(baseUrl, "/v2/events");
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next item, or null if none came within {@code timeout}. */
    Item poll(Duration timeout) throws InterruptedException {
        return items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame, skipping blank lines; fails on timeout or at the end of the stream. */
    Frame nextFrame(Duration timeout) throws InterruptedException {
        Frame frame = nextFrameOrNull(timeout);
        if (frame == null) {
            throw new AssertionError("No frame within " + timeout);
        }
        return frame;
    }

    /** The next frame, skipping blank lines, or null if none came within {@code timeout}; fails at the end. */
    Frame nextFrameOrNull(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Item item = items.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                return null;
            }
            if (item instanceof Frame frame) {
                return frame;
            }
            if (item instanceof End end) {
                throw new AssertionError("Stream ended", end.error());
            }
        }
    }

    /** Waits for the end of the stream, skipping what comes before. */
    End awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Item item = items.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new AssertionError("Stream did not end within " + timeout);
            }
            if (item instanceof End end) {
                return end;
            }
        }
    }

    private void read() {
        LineReader lines = new LineReader(response.body());
        StringBuilder raw = new StringBuilder();
        String event = null;
        StringBuilder data = null;
        try {
            String[] line;
            while ((line = lines.next()) != null) {
                String text = line[0];
                raw.append(text).append(line[1]);
                if (text.isEmpty()) {
                    items.add(data != null ? new Frame(event, data.toString(), raw.toString()) : new Blank(raw.toString()));
                    raw.setLength(0);
                    event = null;
                    data = null;
                } else if (!text.startsWith(":")) {
                    int colon = text.indexOf(':');
                    String field = colon < 0 ? text : text.substring(0, colon);
                    String value = colon < 0 ? "" : text.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    if (field.equals("event")) {
                        event = value;
                    } else if (field.equals("data")) {
                        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    }
                }
            }
            items.add(new End(null));
        } catch (IOException e) {
            items.add(new End(e));
        }
    }

    /** Lines ended by LF, CRLF or CR, each with its terminator, read in large chunks. */
    private static final class LineReader {

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** {text, terminator}, or null at the end. */
        String[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (position == limit && !fill()) {
                    return null;
                }
                int end = position;
                while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                    end++;
                }
                line.write(buffer, position, end - position);
                if (end == limit) {
                    position = limit;
                    continue;
                }
                byte terminator = buffer[end];
                position = end + 1;
                String text = line.toString(StandardCharsets.UTF_8);
                if (terminator == '\n') {
                    return new String[]{text, "\n"};
                }
                if ((position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                    return new String[]{text, "\r\n"};
                }
                return new String[]{text, "\r"};
            }
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
