package io.mesosevents.simulator.mesos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator's own control endpoint, beside the master's API:
 * <ul>
 *   <li>{@code GET /simulator/status}: {@link SimulatorStatus} as JSON;</li>
 *   <li>{@code POST /simulator/faults} with a JSON object, every field optional:
 *       {@code {"leadership": "leading" | "following" | "no-leader", "leader": "host:port",
 *       "stalled": true | false, "action": "drop" | "restart" | "garbage-frame" | "garbage-record"}};
 *       answers the status after the change, or 400 with {@code {"error": …}}.</li>
 * </ul>
 */
final class ControlApi {

    static final String STATUS_PATH = "/simulator/status";
    static final String FAULTS_PATH = "/simulator/faults";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Faults faults;
    private final Supplier<SimulatorStatus> status;

    ControlApi(Faults faults, Supplier<SimulatorStatus> status) {
        this.faults = faults;
        this.status = status;
    }

    void install(JavalinConfig config) {
        config.routes.get(STATUS_PATH, ctx -> json(ctx, 200, status.get()));
        config.routes.post(FAULTS_PATH, this::applyFaults);
    }

    /** The faults a control request asks for; absent fields leave things as they are. */
    record FaultRequest(String leadership, String leader, Boolean stalled, String action) {
    }

    private void applyFaults(Context ctx) throws JsonProcessingException {
        FaultRequest request;
        LeaderState leaderState;
        Runnable action;
        try {
            request = mapper.readValue(ctx.bodyAsBytes(), FaultRequest.class);
            if (request == null) {
                throw new IllegalArgumentException("Expected a JSON object");
            }
            leaderState = request.leadership() == null ? null : leaderState(request);
            action = request.action() == null ? null : action(request.action());
        } catch (IOException | IllegalArgumentException e) {
            json(ctx, 400, Map.of("error", String.valueOf(e.getMessage())));
            return;
        }
        if (leaderState != null) {
            faults.setLeadership(leaderState);
        }
        if (request.stalled() != null) {
            faults.setStalled(request.stalled());
        }
        if (action != null) {
            action.run();
        }
        json(ctx, 200, status.get());
    }

    private static LeaderState leaderState(FaultRequest request) {
        return switch (request.leadership().toLowerCase(Locale.ROOT)) {
            case "leading" -> LeaderState.LEADING;
            case "no-leader" -> LeaderState.NO_LEADER;
            case "following" -> {
                if (request.leader() == null) {
                    throw new IllegalArgumentException("\"leadership\": \"following\" needs \"leader\": \"host:port\"");
                }
                yield LeaderState.following(request.leader());
            }
            default -> throw new IllegalArgumentException("Unknown leadership '" + request.leadership()
                    + "'; expected leading, following or no-leader");
        };
    }

    private Runnable action(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "drop" -> faults::dropSubscriptions;
            case "restart" -> faults::restart;
            case "garbage-frame" -> () -> faults.sendGarbage(GarbageKind.FRAME);
            case "garbage-record" -> () -> faults.sendGarbage(GarbageKind.RECORD);
            default -> throw new IllegalArgumentException("Unknown action '" + name
                    + "'; expected drop, restart, garbage-frame or garbage-record");
        };
    }

    private void json(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
    }
}
