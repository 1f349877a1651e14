package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Legacy HTTP callbacks: subscribed and unsubscribed as Marathon does it, every event POSTed in order to a real receiver. */
class CallbackTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private HttpServer receiver;
    private String callbackUrl;
    private MarathonSimulator simulator;
    private MarathonClient client;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/callback", exchange -> {
            assertThat(exchange.getRequestMethod()).isEqualTo("POST");
            assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        callbackUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback";
        simulator = MarathonSimulator.start(MarathonSimulatorConfig.defaults().withPort(0).withRate(300));
        client = new MarathonClient(simulator.url());
    }

    @AfterEach
    void stop() {
        simulator.close();
        receiver.stop(0);
    }

    @Test
    void aSubscriberGetsEveryEventInOrderUntilItUnsubscribes() throws Exception {
        try (SseStream stream = SseStream.open(simulator.url())) {
            HttpResponse<String> subscribed = client.send("POST", "/v2/eventSubscriptions?callbackUrl=" + encoded(), null);
            assertThat(subscribed.statusCode()).isEqualTo(200);
            JsonNode answer = MarathonClient.MAPPER.readTree(subscribed.body());
            assertThat(answer.get("eventType").asText()).isEqualTo("subscribe_event");
            assertThat(answer.get("callbackUrl").asText()).isEqualTo(callbackUrl);
            assertThat(answer.get("clientIp").asText()).isEqualTo("127.0.0.1");
            assertThat(textValues(client.json("/v2/eventSubscriptions").get("callbackUrls"))).contains(callbackUrl);

            // The stream and the callback are fed from one bus: from the subscription on they carry the same events.
            List<String> streamed = new ArrayList<>();
            SseStream.Frame frame;
            do {
                frame = stream.nextFrame(WAIT);
            } while (!frame.data().contains("\"callbackUrl\":\"" + callbackUrl + "\""));
            streamed.add(frame.data());
            while (streamed.size() < 50) {
                streamed.add(stream.nextFrame(WAIT).data());
            }
            List<String> posted = new ArrayList<>();
            while (posted.size() < 50) {
                String body = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(body).as("callback %s", posted.size()).isNotNull();
                posted.add(body);
            }
            assertThat(posted).isEqualTo(streamed);

            HttpResponse<String> unsubscribed = client.send("DELETE", "/v2/eventSubscriptions?callbackUrl=" + encoded(), null);
            assertThat(unsubscribed.statusCode()).isEqualTo(200);
            assertThat(MarathonClient.MAPPER.readTree(unsubscribed.body()).get("eventType").asText()).isEqualTo("unsubscribe_event");
            assertThat(textValues(client.json("/v2/eventSubscriptions").get("callbackUrls"))).doesNotContain(callbackUrl);
            do {
                frame = stream.nextFrame(WAIT);
            } while (!frame.event().equals("unsubscribe_event") || !frame.data().contains(callbackUrl));
        }
        // What was on its way when it unsubscribed may still arrive; then nothing more.
        while (received.poll(500, TimeUnit.MILLISECONDS) != null) {
            received.clear();
        }
        assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aSubscriptionNeedsAnAbsoluteHttpUrl() throws Exception {
        HttpResponse<String> missing = client.send("POST", "/v2/eventSubscriptions", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(MarathonClient.MAPPER.readTree(missing.body()).get("message").asText()).contains("callbackUrl");
        assertThat(client.send("POST", "/v2/eventSubscriptions?callbackUrl=ftp%3A%2F%2Fhost%2Fx", null).statusCode())
                .isEqualTo(400);
    }

    private String encoded() {
        return URLEncoder.encode(callbackUrl, StandardCharsets.UTF_8);
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
