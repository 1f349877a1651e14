package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simulator's own control endpoint, beside Marathon's API:
 * <ul>
 *   <li>{@code GET /simulator/status}: {@link MarathonStatus} as JSON;</li>
 *   <li>{@code POST /simulator/faults} with a JSON object, every field optional:
 *       {@code {"leadership": "leading" | "standby" | "no-leader", "leader": "host:port",
 *       "regainAfterMillis": <n>, "action": "drop" | "slow-consumer",
 *       "quirks": {"<quirk>": true | false, …} | "real" | "all" | "none"}}; answers the status after
 *       the change, or 400 with {@code {"message": …}}.</li>
 * </ul>
 * {@code "standby"} needs {@code "leader"}; {@code "no-leader"} leads again after
 * {@code "regainAfterMillis"} when given, else on {@code "leading"}. Quirk names are those of
 * {@link StreamQuirk#wireName()}; {@code "real"} switches on exactly the real-Marathon ones.
 */
final class ControlApi {

    static final String STATUS_PATH = "/simulator/status";
    static final String FAULTS_PATH = "/simulator/faults";

    private final ObjectMapper mapper;
    private final Faults faults;
    private final Supplier<MarathonStatus> status;
    private final JsonResponses responses;

    ControlApi(ObjectMapper mapper, Faults faults, Supplier<MarathonStatus> status, JsonResponses responses) {
        this.mapper = mapper;
        this.faults = faults;
        this.status = status;
        this.responses = responses;
    }

    void install(JavalinConfig config) {
        config.routes.get(STATUS_PATH, ctx -> responses.send(ctx, 200, status.get()));
        config.routes.post(FAULTS_PATH, this::applyFaults);
    }

    /** The faults a control request asks for; absent fields leave things as they are. */
    record FaultRequest(String leadership, String leader, Long regainAfterMillis, String action, JsonNode quirks) {
    }

    private void applyFaults(Context ctx) {
        List<Runnable> changes = new ArrayList<>();
        try {
            FaultRequest request = mapper.readValue(ctx.bodyAsBytes(), FaultRequest.class);
            if (request == null) {
                throw new IllegalArgumentException("Expected a JSON object");
            }
            if (request.leadership() != null) {
                changes.add(leadership(request));
            }
            if (request.quirks() != null && !request.quirks().isNull()) {
                changes.add(quirks(request.quirks()));
            }
            if (request.action() != null) {
                changes.add(action(request.action()));
            }
        } catch (IOException | IllegalArgumentException e) {
            responses.send(ctx, 400, JsonResponses.message(String.valueOf(e.getMessage())));
            return;
        }
        changes.forEach(Runnable::run);
        responses.send(ctx, 200, status.get());
    }

    /** Checked now, so that a bad request is a 400 before anything changes. */
    private Runnable leadership(FaultRequest request) {
        return switch (request.leadership().toLowerCase(Locale.ROOT)) {
            case "leading" -> faults::lead;
            case "standby" -> {
                if (request.leader() == null) {
                    throw new IllegalArgumentException("\"leadership\": \"standby\" needs \"leader\": \"host:port\"");
                }
                LeaderState.standby(request.leader());
                yield () -> faults.standby(request.leader());
            }
            case "no-leader" -> {
                Long millis = request.regainAfterMillis();
                if (millis != null && millis < 0) {
                    throw new IllegalArgumentException("\"regainAfterMillis\" must not be negative, was " + millis);
                }
                yield () -> faults.loseLeadership(millis == null ? null : Duration.ofMillis(millis));
            }
            default -> throw new IllegalArgumentException("Unknown leadership '" + request.leadership()
                    + "'; expected leading, standby or no-leader");
        };
    }

    private Runnable action(String action) {
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "drop" -> faults::dropStreams;
            case "slow-consumer" -> faults::closeSlowConsumers;
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'; expected drop or slow-consumer");
        };
    }

    private Runnable quirks(JsonNode quirks) {
        if (quirks.isTextual()) {
            Set<StreamQuirk> on = switch (quirks.asText().toLowerCase(Locale.ROOT)) {
                case "real" -> StreamQuirk.real();
                case "all" -> EnumSet.allOf(StreamQuirk.class);
                case "none" -> EnumSet.noneOf(StreamQuirk.class);
                default -> throw new IllegalArgumentException("\"quirks\" takes an object of quirk: true|false, "
                        + "or \"real\", \"all\" or \"none\"; not " + quirks);
            };
            return () -> faults.setQuirks(on);
        }
        if (!quirks.isObject()) {
            throw new IllegalArgumentException("\"quirks\" takes an object or a string, not " + quirks);
        }
        List<Map.Entry<StreamQuirk, Boolean>> switches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : quirks.properties()) {
            if (!field.getValue().isBoolean()) {
                throw new IllegalArgumentException("Quirk " + field.getKey() + " takes true or false, not " + field.getValue());
            }
            switches.add(Map.entry(StreamQuirk.of(field.getKey()), field.getValue().asBoolean()));
        }
        return () -> {
            Set<StreamQuirk> on = EnumSet.noneOf(StreamQuirk.class);
            on.addAll(faults.quirks());
            switches.forEach(entry -> {
                if (entry.getValue()) {
                    on.add(entry.getKey());
                } else {
                    on.remove(entry.getKey());
                }
            });
            faults.setQuirks(on);
        };
    }
}
