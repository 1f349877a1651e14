package io.mesosevents.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mesosevents.registry.RegistryMediaTypes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one REST call to the registry: fails over between the configured URLs on connection
 * errors, retries transient failures (I/O errors, HTTP 5xx, 408, 429) with exponential backoff, and
 * turns error answers into {@link SchemaRegistryException}s.
 */
final class RegistryTransport {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);

    private final SchemaRegistryClientConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http;
    /** The endpoint to try first: the one that answered last, moved on past endpoints that cannot be reached. */
    private final AtomicInteger preferred = new AtomicInteger();

    RegistryTransport(SchemaRegistryClientConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        config.tls().ifPresent(tls -> builder.sslContext(tls.sslContext()));
        this.http = builder.build();
    }

    /** Sends the call and returns the parsed JSON answer of the first 2xx response. */
    JsonNode call(String method, String pathAndQuery, JsonNode body) {
        byte[] payload = body == null ? null : toBytes(body);
        RetryPolicy retry = config.retry();
        for (int attempt = 1; ; attempt++) {
            String failure;
            Exception cause = null;
            try {
                Answer answer = sendToFirstReachable(method, pathAndQuery, payload);
                if (!isTransient(answer.status())) {
                    return answer.result(mapper);
                }
                failure = "HTTP " + answer.status() + " from " + answer.endpoint();
                if (attempt >= retry.maxAttempts()) {
                    throw answer.error(mapper);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = e;
                if (attempt >= retry.maxAttempts()) {
                    throw new SchemaRegistryUnavailableException("Schema registry " + config.urls() + " unreachable for "
                            + method + " " + pathAndQuery + " after " + attempt + " attempt(s): " + failure, config.urls(), e);
                }
            }
            Duration backoff = retry.backoffBeforeRetry(attempt);
            LOG.warn("Schema registry call {} {} failed ({}); retry {}/{} in {} ms", method, pathAndQuery, failure,
                    attempt, retry.maxAttempts() - 1, backoff.toMillis());
            sleep(backoff, method, pathAndQuery, cause);
        }
    }

    /** Tries each endpoint once, starting with the preferred one; throws the last connection error if none answers. */
    private Answer sendToFirstReachable(String method, String pathAndQuery, byte[] payload) throws IOException {
        List<RegistryEndpoint> endpoints = config.endpoints();
        IOException last = null;
        int first = preferred.get();
        for (int i = 0; i < endpoints.size(); i++) {
            int index = (first + i) % endpoints.size();
            RegistryEndpoint endpoint = endpoints.get(index);
            try {
                HttpResponse<byte[]> response = http.send(request(endpoint, method, pathAndQuery, payload),
                        HttpResponse.BodyHandlers.ofByteArray());
                preferred.set(index);
                return new Answer(endpoint.resolve(pathAndQuery), response.statusCode(), response.body());
            } catch (IOException e) {
                last = e;
                preferred.compareAndSet(index, (index + 1) % endpoints.size());
                if (endpoints.size() > 1) {
                    LOG.warn("Schema registry {} unreachable ({}), failing over", endpoint, e.getClass().getSimpleName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryUnavailableException("Interrupted during " + method + " " + pathAndQuery,
                        endpoint.toString(), e);
            }
        }
        throw last;
    }

    private HttpRequest request(RegistryEndpoint endpoint, String method, String pathAndQuery, byte[] payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Accept", RegistryMediaTypes.ACCEPT_HEADER)
                .method(method, payload == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null) {
            builder.header("Content-Type", RegistryMediaTypes.V1_JSON);
        }
        endpoint.credentials().ifPresent(credentials -> builder.header("Authorization", credentials.authorizationHeader()));
        return builder.build();
    }

    private static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private byte[] toBytes(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialize a JSON tree", e);
        }
    }

    private void sleep(Duration backoff, String method, String pathAndQuery, Exception cause) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SchemaRegistryUnavailableException interrupted = new SchemaRegistryUnavailableException(
                    "Interrupted while waiting to retry " + method + " " + pathAndQuery, config.urls(), e);
            if (cause != null) {
                interrupted.addSuppressed(cause);
            }
            throw interrupted;
        }
    }

    /** One HTTP answer from one endpoint. */
    private record Answer(URI endpoint, int status, byte[] body) {

        JsonNode result(ObjectMapper mapper) {
            if (status < 200 || status >= 300) {
                throw error(mapper);
            }
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new SchemaRegistryException(status, status,
                        "answer is not JSON: " + snippet(), endpoint.toString());
            }
        }

        /** The registry's {@code {"error_code", "message"}} body, or the status and raw body when it sent none. */
        SchemaRegistryException error(ObjectMapper mapper) {
            int errorCode = status;
            String message = snippet();
            try {
                JsonNode json = mapper.readTree(body);
                if (json != null && json.isObject()) {
                    errorCode = json.path("error_code").asInt(status);
                    message = json.path("message").asText(message);
                }
            } catch (IOException notJson) {
                // Proxies and load balancers answer with HTML or text; keep the raw body as the message.
            }
            return new SchemaRegistryException(status, errorCode, message, endpoint.toString());
        }

        private String snippet() {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }
}
