package io.mesosevents.simulator.marathon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parts of Marathon's REST API ({@code /v2}) that clients of the event bus read: apps (ids
 * with slashes, {@code /v2/apps/prod/web}), deployments, pods, the launch queue, the leader,
 * {@code /v2/info} and the legacy {@code /v2/eventSubscriptions}, plus {@code /v2/events}; and one
 * write, scaling an app ({@code PUT /v2/apps/{id}}, see {@link AppScaleEndpoint}).
 * Without a leader everything answers 503 (and {@code /v2/leader} 404); a standby answers as the
 * leader it proxies to would, but for the event stream, which it redirects.
 */
final class MarathonRestApi {

    private final EventBus bus;
    private final Faults faults;
    private final EventStreamEndpoint events;
    private final AppScaleEndpoint scale;
    private final JsonResponses responses;
    private final MarathonSimulatorConfig config;
    private final Supplier<String> self;
    private final String frameworkId;
    private final String master;

    /**
     * @param self        this Marathon's {@code host:port} (known once it listens)
     * @param frameworkId the framework id {@code /v2/info} reports
     * @param master      the Mesos master it reports
     */
    MarathonRestApi(EventBus bus, Faults faults, EventStreamEndpoint events, AppScaleEndpoint scale, JsonResponses responses,
                    MarathonSimulatorConfig config, Supplier<String> self, String frameworkId, String master) {
        this.bus = bus;
        this.faults = faults;
        this.events = events;
        this.scale = scale;
        this.responses = responses;
        this.config = config;
        this.self = self;
        this.frameworkId = frameworkId;
        this.master = master;
    }

    void install(JavalinConfig javalin) {
        javalin.routes.get(EventStreamEndpoint.PATH, events::handle);
        javalin.routes.get("/v2/apps", led(ctx -> responses.send(ctx, 200,
                bus.read(model -> TruthJson.apps(model, Embed.parse(ctx.queryParams("embed")))))));
        javalin.routes.get("/v2/apps/<id>", led(this::app));
        javalin.routes.put("/v2/apps/<id>", led(scale::handle));
        javalin.routes.get("/v2/deployments", led(ctx -> responses.send(ctx, 200, bus.read(TruthJson::deployments))));
        javalin.routes.get("/v2/pods", led(ctx -> responses.send(ctx, 200, bus.read(TruthJson::pods))));
        javalin.routes.get("/v2/queue", led(ctx -> responses.send(ctx, 200, bus.read(TruthJson::queue))));
        javalin.routes.get("/v2/leader", this::leader);
        javalin.routes.get("/v2/info", led(this::info));
        javalin.routes.get("/v2/eventSubscriptions", led(ctx -> responses.send(ctx, 200,
                Map.of("callbackUrls", bus.callbackUrls()))));
        javalin.routes.post("/v2/eventSubscriptions", led(ctx -> subscription(ctx, true)));
        javalin.routes.delete("/v2/eventSubscriptions", led(ctx -> subscription(ctx, false)));
    }

    /** The leader's {@code host:port} while one is known. */
    Optional<String> leader() {
        LeaderState state = faults.leaderState();
        return switch (state.mode()) {
            case LEADING -> Optional.of(config.leader().isEmpty() ? self.get() : config.leader());
            case STANDBY -> Optional.of(state.leader());
            case NO_LEADER -> Optional.empty();
        };
    }

    private Handler led(Handler handler) {
        return ctx -> {
            if (faults.leaderState().mode() == LeaderMode.NO_LEADER) {
                responses.send(ctx, 503, JsonResponses.message("Could not determine the current leader"));
            } else {
                handler.handle(ctx);
            }
        };
    }

    private void app(Context ctx) {
        String id = AppScaleEndpoint.appId(ctx);
        Optional<ObjectNode> app = bus.read(model -> TruthJson.app(model, id, Embed.parse(ctx.queryParams("embed"))));
        if (app.isPresent()) {
            responses.send(ctx, 200, app.get());
        } else {
            responses.send(ctx, 404, JsonResponses.message("App '" + id + "' does not exist"));
        }
    }

    private void leader(Context ctx) {
        Optional<String> leader = leader();
        if (leader.isPresent()) {
            responses.send(ctx, 200, Map.of("leader", leader.get()));
        } else {
            responses.send(ctx, 404, JsonResponses.message("There is no leader"));
        }
    }

    private void info(Context ctx) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode info = f.objectNode();
        info.put("name", "marathon");
        info.put("version", config.marathonVersion());
        info.put("buildref", "simulated");
        info.put("elected", faults.leaderState().mode() == LeaderMode.LEADING);
        info.put("leader", leader().orElse(null));
        info.put("frameworkId", frameworkId);
        info.set("marathon_config", f.objectNode().put("master", master).put("framework_name", "marathon")
                .put("hostname", self.get().substring(0, self.get().lastIndexOf(':')))
                .put("task_launch_timeout", 300_000).put("event_stream_max_outstanding_messages", config.slowConsumerLimit()));
        info.set("zookeeper_config", f.objectNode().put("zk", "zk://zk-1.zk:2181/marathon").put("zk_timeout", 10_000));
        ObjectNode subscriber = f.objectNode().put("type", "http_callback");
        ArrayNode endpoints = f.arrayNode();
        bus.callbackUrls().forEach(endpoints::add);
        subscriber.set("http_endpoints", endpoints);
        info.set("event_subscriber", subscriber);
        String hostPort = self.get();
        info.set("http_config", f.objectNode().put("http_port", Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1))));
        responses.send(ctx, 200, info);
    }

    /** Marathon answers (un)subscription with the event it publishes for it. */
    private void subscription(Context ctx, boolean subscribe) {
        String url;
        try {
            url = CallbackRegistry.requireCallbackUrl(ctx.queryParam("callbackUrl"));
        } catch (IllegalArgumentException e) {
            responses.send(ctx, 400, JsonResponses.message(e.getMessage()));
            return;
        }
        String clientIp = ctx.req().getRemoteAddr();
        BusEvent event = subscribe ? bus.subscribeCallback(clientIp, url) : bus.unsubscribeCallback(clientIp, url);
        ctx.status(200).contentType("application/json").result(event.json());
    }
}
