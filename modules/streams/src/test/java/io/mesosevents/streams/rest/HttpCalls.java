package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GET requests against a serving instance, as any HTTP client would make them. */
final class HttpCalls {

    /** One answer: status, Retry-After, content type and the body (parsed when it is JSON). */
    record Answer(int status, Optional<String> retryAfter, String contentType, String text) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + text, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpCalls(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String pathAndQuery) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + base + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Follows {@code nextCursor} from {@code firstPage} (which has a query already) to the last page;
     * the {@code <cluster>/<taskId>} of every row, in the order received.
     */
    List<String> taskKeysOfEveryPage(String firstPage) {
        List<String> keys = new ArrayList<>();
        String path = firstPage;
        for (int pages = 0; pages < 1000; pages++) {
            JsonNode page = json(path, 200);
            page.path("data").forEach(row -> keys.add(row.path("cluster").asText() + "/" + row.path("taskId").asText()));
            if (page.path("nextCursor").isNull()) {
                return keys;
            }
            path = firstPage + "&cursor=" + page.path("nextCursor").asText();
        }
        throw new AssertionError("no last page after 1000 pages of " + firstPage);
    }

    /** The JSON body of a GET that must answer {@code status}. */
    JsonNode json(String pathAndQuery, int status) {
        Answer answer = get(pathAndQuery);
        if (answer.status() != status) {
            throw new AssertionError("GET " + pathAndQuery + ": expected HTTP " + status + ", got " + answer.status() + " "
                    + answer.text());
        }
        return answer.json();
    }
}
