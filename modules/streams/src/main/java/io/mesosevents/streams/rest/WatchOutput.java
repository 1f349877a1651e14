package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server-sent-events stream of one watch, written straight to the servlet response: no queue in
 * between, so a client that reads slowly blocks the write, and with it the watch's consumer loop. A client
 * that has gone away makes a write or flush fail with an {@link IOException}.
 *
 * <p>Every message carries the resume token as its {@code id}, even those without data (the opening and the
 * keep-alives): EventSource takes an {@code id} without data as the new last event id without firing an
 * event, so a reconnect resumes past changes the filter skipped, and a client that has seen no event yet
 * still resumes where it connected.
 */
final class WatchOutput {

    static final String CONTENT_TYPE = "text/event-stream";

    private final OutputStream out;

    private WatchOutput(OutputStream out) {
        this.out = out;
    }

    /** Sends the headers at once, so the client knows the stream is open before any event. */
    static WatchOutput open(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache");
        // Reverse proxies (nginx) would otherwise buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        return new WatchOutput(response.getOutputStream());
    }

    /** One event; JSON written by Jackson holds no line break, so {@code data} is one line. */
    void event(String name, String id, JsonNode data) throws IOException {
        write("event: " + name + "\nid: " + id + "\ndata: ");
        out.write(JsonBodies.write(data));
        write("\n\n");
    }

    /** Only the position: no event fires, the client's last event id moves. */
    void position(String id) throws IOException {
        write("id: " + id + "\n\n");
    }

    /** A comment that keeps proxies and idle timeouts from closing a quiet stream, with the position. */
    void keepAlive(String id) throws IOException {
        write(": keep-alive\nid: " + id + "\n\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
