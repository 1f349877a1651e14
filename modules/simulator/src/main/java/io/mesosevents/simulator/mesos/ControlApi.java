package io.mesosevents.simulator.mesos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator's own control endpoint, beside each master's API. Every master of a simulated
 * cluster serves it, and a change made through any of them applies to the whole cluster:
 * <ul>
 *   <li>{@code GET /simulator/status}: {@link SimulatorStatus} of the master asked, as JSON, with
 *       the index of the one that leads;</li>
 *   <li>{@code POST /simulator/faults} with a JSON object, every field optional:
 *       {@code {"leadership": "leading" | "following" | "no-leader", "leader": "host:port" | <index>,
 *       "stalled": true | false,
 *       "action": "drop" | "restart" | "failover" | "garbage-frame" | "garbage-record"}};
 *       answers the status after the change, or 400 with {@code {"error": …}}.</li>
 * </ul>
 * {@code "leading"} lets the last elected master lead again (same master id); {@code "following"}
 * makes every master redirect to {@code "leader": "host:port"}, one outside the cluster. The action
 * {@code "failover"} elects the master numbered {@code "leader": <index>} (by default the next one
 * in turn, the only one when there is one): the old leader's streams close and the new leader
 * serves the same cluster under a new master id. The endpoints of an external scheduler sit beside
 * these, see {@link SchedulerApi}.
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

    /**
     * The faults a control request asks for; absent fields leave things as they are.
     *
     * @param leader a {@code host:port} to follow, or the index of the master to fail over to
     */
    record FaultRequest(String leadership, JsonNode leader, Boolean stalled, String action) {

        boolean namesLeader() {
            return leader != null && !leader.isNull();
        }
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
            action = request.action() == null ? null : action(request);
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
                if (!request.namesLeader() || !request.leader().isTextual()) {
                    throw new IllegalArgumentException("\"leadership\": \"following\" needs \"leader\": \"host:port\"");
                }
                yield LeaderState.following(request.leader().asText());
            }
            default -> throw new IllegalArgumentException("Unknown leadership '" + request.leadership()
                    + "'; expected leading, following or no-leader");
        };
    }

    private Runnable action(FaultRequest request) {
        return switch (request.action().toLowerCase(Locale.ROOT)) {
            case "drop" -> faults::dropSubscriptions;
            case "restart" -> faults::restart;
            case "failover" -> failover(request);
            case "garbage-frame" -> () -> faults.sendGarbage(GarbageKind.FRAME);
            case "garbage-record" -> () -> faults.sendGarbage(GarbageKind.RECORD);
            default -> throw new IllegalArgumentException("Unknown action '" + request.action()
                    + "'; expected drop, restart, failover, garbage-frame or garbage-record");
        };
    }

    /** Checked now, so that a bad index is a 400 before anything changes. */
    private Runnable failover(FaultRequest request) {
        if (!request.namesLeader()) {
            return () -> faults.failover(faults.successor());
        }
        if (!request.leader().isIntegralNumber() || !request.leader().canConvertToInt()) {
            throw new IllegalArgumentException("\"action\": \"failover\" takes \"leader\": <index of a master>, not "
                    + request.leader());
        }
        int index = faults.requireFrontEnd(request.leader().asInt());
        return () -> faults.failover(index);
    }

    private void json(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
    }
}
