package io.mesosevents.marathon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Marathon's REST API as far as the event log needs it: the snapshot that makes unordered events
 * usable, the leader, the instance info and the callback subscriptions. Every call names the
 * Marathon base URL to ask; the configured credentials, TLS and timeouts apply. Failures are
 * {@link MarathonHttpException}s naming the URL and the status. Thread-safe.
 */
public final class MarathonRestClient {

    /** Apps with everything the state tables need embedded, so that one request reads them all. */
    static final String APPS_PATH = "/v2/apps?embed=apps.tasks&embed=apps.deployments&embed=apps.counts"
            + "&embed=apps.readiness&embed=apps.lastTaskFailure";
    static final String DEPLOYMENTS_PATH = "/v2/deployments";
    static final String PODS_PATH = "/v2/pods";
    static final String SUBSCRIPTIONS_PATH = "/v2/eventSubscriptions";
    private static final String JSON = "application/json";

    private final MarathonHttp http;
    private final ObjectMapper mapper;

    public MarathonRestClient(MarathonClientConfig config) {
        this(new MarathonHttp(config), new ObjectMapper());
    }

    MarathonRestClient(MarathonHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    /**
     * Reads apps, deployments and pods, in that order. A Marathon without pods (404) yields a
     * snapshot with {@code podsSupported == false}.
     */
    public MarathonSnapshot snapshot(URI marathon, boolean periodic) throws IOException, InterruptedException {
        return snapshot(marathon, periodic, true);
    }

    /** @param withCredentials false for a leader that a redirect to another scheme named: it does not get them */
    MarathonSnapshot snapshot(URI marathon, boolean periodic, boolean withCredentials) throws IOException, InterruptedException {
        Instant readAt = Instant.now();
        List<JsonNode> apps = elements(required(marathon, APPS_PATH, withCredentials).path("apps"), marathon, APPS_PATH, "{\"apps\":[...]}");
        List<JsonNode> deployments = elements(required(marathon, DEPLOYMENTS_PATH, withCredentials), marathon, DEPLOYMENTS_PATH, "an array");
        Optional<JsonNode> pods = json("GET", marathon, PODS_PATH, withCredentials, true);
        return new MarathonSnapshot(apps, deployments,
                pods.isPresent() ? elements(pods.get(), marathon, PODS_PATH, "an array") : List.of(),
                pods.isPresent(), readAt, periodic);
    }

    /** The leader's {@code host:port} from {@code /v2/leader}; empty while there is none (404). */
    public Optional<String> leader(URI marathon) throws IOException, InterruptedException {
        return json("GET", marathon, "/v2/leader", true, true)
                .map(answer -> answer.path("leader"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    /** {@code /v2/info}. */
    public MarathonInfo info(URI marathon) throws IOException, InterruptedException {
        return MarathonInfo.of(required(marathon, "/v2/info", true));
    }

    /** The registered callback URLs ({@code GET /v2/eventSubscriptions}). */
    public List<String> eventSubscriptions(URI marathon) throws IOException, InterruptedException {
        return elements(required(marathon, SUBSCRIPTIONS_PATH, true).path("callbackUrls"), marathon, SUBSCRIPTIONS_PATH, "{\"callbackUrls\":[...]}")
                .stream().map(JsonNode::asText).toList();
    }

    /** Registers a callback URL; registering one twice is harmless. */
    public void subscribe(URI marathon, URI callbackUrl) throws IOException, InterruptedException {
        json("POST", marathon, subscription(callbackUrl), true, false);
    }

    /** Unregisters a callback URL. */
    public void unsubscribe(URI marathon, URI callbackUrl) throws IOException, InterruptedException {
        json("DELETE", marathon, subscription(callbackUrl), true, false);
    }

    private static String subscription(URI callbackUrl) {
        return SUBSCRIPTIONS_PATH + "?" + MarathonHttp.queryParameter("callbackUrl", callbackUrl.toString());
    }

    private JsonNode required(URI marathon, String pathAndQuery, boolean withCredentials) throws IOException, InterruptedException {
        return json("GET", marathon, pathAndQuery, withCredentials, false).orElseThrow();
    }

    /** The JSON answer; empty for a 404 if {@code absentIfNotFound}, else every non-2xx status fails. */
    private Optional<JsonNode> json(String method, URI marathon, String pathAndQuery, boolean withCredentials, boolean absentIfNotFound)
            throws IOException, InterruptedException {
        MarathonHttp.Reply<byte[]> reply = http.send(method, MarathonHttp.url(marathon, pathAndQuery), JSON, withCredentials,
                HttpResponse.BodyHandlers.ofByteArray());
        int status = reply.response().statusCode();
        byte[] body = reply.response().body();
        if (status == 404 && absentIfNotFound) {
            return Optional.empty();
        }
        if (status / 100 != 2) {
            throw new MarathonHttpException(method, reply.url(), status, MarathonHttp.excerpt(new ByteArrayInputStream(body)));
        }
        if (body.length == 0) {
            return Optional.of(NullNode.getInstance());
        }
        try {
            return Optional.of(mapper.readTree(body));
        } catch (JsonProcessingException e) {
            throw new MarathonHttpException(method, reply.url(), status, "the answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static List<JsonNode> elements(JsonNode array, URI marathon, String pathAndQuery, String expected) throws MarathonHttpException {
        if (!array.isArray()) {
            throw new MarathonHttpException("GET", MarathonHttp.url(marathon, pathAndQuery), 200, "expected " + expected + " but got a JSON "
                    + array.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        List<JsonNode> elements = new ArrayList<>(array.size());
        array.forEach(elements::add);
        return elements;
    }
}
