package io.mesosevents.ingestor.http;

import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class IngestorHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessFollowsTheIngestorAndMetricsAreInPrometheusFormat() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new IngestMetrics(registry, java.time.Clock.systemUTC(), "mesos").deadLetter("recordio");
        AtomicBoolean ready = new AtomicBoolean(false);
        try (IngestorHttpServer server = IngestorHttpServer.start("127.0.0.1", 0, ready::get, registry)) {
            String base = "http://127.0.0.1:" + server.port();

            assertThat(get(base + "/health").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = get(base + "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"ready\":false");

            ready.set(true);
            assertThat(get(base + "/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(base + "/metrics");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).contains("mesos_events_ingest_dead_letters_total{source=\"mesos\",stage=\"recordio\"} 1.0");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
