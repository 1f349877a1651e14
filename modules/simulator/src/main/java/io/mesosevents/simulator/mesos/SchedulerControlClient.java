package io.mesosevents.simulator.mesos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the external-scheduler control endpoints ({@link SchedulerApi}) of a running Mesos master
 * simulator over HTTP, for a scheduler in another process or another part of one. Any master of
 * the simulated cluster takes them. Thread-safe.
 */
public final class SchedulerControlClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final URI master;

    /** @param master the master's base URL, {@code http://host:port} */
    public SchedulerControlClient(URI master) {
        this.master = master;
    }

    /**
     * Takes the framework over; see {@link SimulatedMesosCluster#takeOverScheduler}.
     *
     * @throws SchedulerCallRefused when the master refuses
     * @throws IOException          when the master cannot be asked or answers otherwise
     */
    public SchedulerTakeover takeOver(String framework) throws IOException {
        return post(path(SchedulerApi.TAKE_OVER_PATH, framework, ""), new byte[0], SchedulerTakeover.class);
    }

    /** Launches a task; see {@link SimulatedMesosCluster#launchTask}. Throws as {@link #takeOver}. */
    public LaunchedTask launch(String framework, LaunchRequest launch) throws IOException {
        return post(path(SchedulerApi.LAUNCH_PATH, framework, ""), mapper.writeValueAsBytes(launch), LaunchedTask.class);
    }

    /** Kills a task; see {@link SimulatedMesosCluster#killTask}. Throws as {@link #takeOver}. */
    public KillOutcome kill(String framework, String taskId) throws IOException {
        return post(path(SchedulerApi.KILL_PATH, framework, taskId), new byte[0], KillOutcome.class);
    }

    private static String path(String template, String framework, String taskId) {
        return template.replace("{framework}", segment(framework)).replace("{taskId}", segment(taskId));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private <T> T post(String path, byte[] body, Class<T> answerType) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(master.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted calling " + request.uri());
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return mapper.readValue(response.body(), answerType);
        }
        if (status / 100 == 4) {
            SchedulerCallRefused refused = refusal(response.body());
            if (refused != null) {
                throw refused;
            }
        }
        throw new IOException(request.uri() + " answered " + status + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
    }

    /** The refusal a control endpoint's error body tells, or null when the body is no such thing. */
    private SchedulerCallRefused refusal(byte[] body) {
        try {
            JsonNode error = mapper.readTree(body);
            if (error != null && error.path("error").isTextual() && error.path("reason").isTextual()) {
                return new SchedulerCallRefused(SchedulerCallRefused.Reason.valueOf(error.get("reason").asText()),
                        error.get("error").asText());
            }
        } catch (IOException | IllegalArgumentException notARefusal) {
            // Answered by something else than the control endpoints: the caller reports the raw answer.
        }
        return null;
    }
}
