package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marathon's {@code PUT /v2/apps/{id}} for scaling: body {@code {"instances": n}} (an {@code "id"}
 * naming the same app may come along, as clients send it), optional {@code ?force=true}. Answers as
 * Marathon does: 200 {@code {"version", "deploymentId"}}; 404 for an unknown app; 409 with the
 * locking deployments while one is in progress, unless forced; 400 {@code {"message"}} for a body it
 * cannot take (Marathon says 422 for a negative count; one status for every bad body keeps clients simple).
 * The simulator changes nothing but the instance count this way.
 */
final class AppScaleEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AppScaleEndpoint.class);
    /** More would only make the simulated cluster crawl; Marathon itself has no such limit. */
    static final int MAX_INSTANCES = 1_000;

    private final ObjectMapper mapper;
    private final EventBus bus;
    private final JsonResponses responses;

    AppScaleEndpoint(ObjectMapper mapper, EventBus bus, JsonResponses responses) {
        this.mapper = mapper;
        this.bus = bus;
        this.responses = responses;
    }

    /** The app id of a {@code /v2/apps/<id>} path: with its leading slash, without a trailing one. */
    static String appId(Context ctx) {
        String path = ctx.pathParam("id");
        return "/" + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    void handle(Context ctx) {
        String id = appId(ctx);
        int instances;
        try {
            instances = instances(ctx.bodyAsBytes(), id);
        } catch (IllegalArgumentException e) {
            responses.send(ctx, 400, JsonResponses.message(e.getMessage()));
            return;
        }
        boolean force = "true".equalsIgnoreCase(ctx.queryParam("force"));
        ScaleOutcome outcome = bus.change(model -> model.scaleApp(id, instances, force));
        if (outcome instanceof ScaleOutcome.Planned planned) {
            LOG.info("App {} scaled to {} instances by {} (deployment {})", id, instances, ctx.ip(), planned.deploymentId());
            Map<String, String> body = new LinkedHashMap<>();
            body.put("version", planned.version());
            body.put("deploymentId", planned.deploymentId());
            responses.send(ctx, 200, body);
        } else if (outcome instanceof ScaleOutcome.Locked locked) {
            responses.send(ctx, 409, lockedBody(locked));
        } else {
            responses.send(ctx, 404, JsonResponses.message("App '" + id + "' does not exist"));
        }
    }

    /** The instance count the body asks for; throws with Marathon-like wording otherwise. */
    private int instances(byte[] body, String id) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("Invalid JSON: expected an object such as {\"instances\": 3}");
        }
        List<String> others = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!name.equals("instances") && !name.equals("id")) {
                others.add(name);
            }
        });
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("The simulated Marathon changes only \"instances\" of an app; not " + others);
        }
        JsonNode idField = json.get("id");
        if (idField != null && !idField.asText().equals(id) && !("/" + idField.asText()).equals(id)) {
            throw new IllegalArgumentException("Object is not valid: /id is " + idField + " but the path names " + id);
        }
        JsonNode count = json.get("instances");
        if (count == null || !count.isIntegralNumber() || !count.canConvertToInt()) {
            throw new IllegalArgumentException("Object is not valid: /instances must be a whole number, got " + count);
        }
        int instances = count.intValue();
        if (instances < 0) {
            throw new IllegalArgumentException("Object is not valid: /instances got " + instances + ", expected 0 or more");
        }
        if (instances > MAX_INSTANCES) {
            throw new IllegalArgumentException("Object is not valid: /instances got " + instances
                    + ", the simulator runs at most " + MAX_INSTANCES);
        }
        return instances;
    }

    private static Map<String, Object> lockedBody(ScaleOutcome.Locked locked) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "App is locked by one or more deployments. Override with the option '?force=true'. "
                + "View details at '/v2/deployments/" + locked.deploymentIds().get(0) + "'.");
        body.put("deployments", locked.deploymentIds().stream().map(id -> Map.of("id", id)).toList());
        return body;
    }
}
