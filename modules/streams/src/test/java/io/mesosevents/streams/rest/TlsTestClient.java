package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** GET requests with chosen headers, over HTTPS trusting one store or over plain HTTP. */
final class TlsTestClient {

    private final HttpClient client;
    private final String base;

    private TlsTestClient(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    static TlsTestClient https(int port, Path trusted) {
        return new TlsTestClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(TlsTestStores.trusting(trusted)).build(), "https://127.0.0.1:" + port);
    }

    static TlsTestClient http(int port) {
        return new TlsTestClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + port);
    }

    /** GET with {@code headers} (name, value, …); an IOException is the test's to expect. */
    HttpResponse<String> send(String pathAndQuery, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@link #send}, where an IOException fails the test. */
    HttpResponse<String> get(String pathAndQuery, String... headers) {
        try {
            return send(pathAndQuery, headers);
        } catch (IOException e) {
            throw new AssertionError("GET " + base + pathAndQuery + " failed: " + e, e);
        }
    }

    /** The JSON body of a GET that must answer {@code status}. */
    JsonNode json(String pathAndQuery, int status, String... headers) {
        HttpResponse<String> response = get(pathAndQuery, headers);
        if (response.statusCode() != status) {
            throw new AssertionError("GET " + pathAndQuery + ": expected HTTP " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
        return JsonBodies.read(response.body());
    }
}
