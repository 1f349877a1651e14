package io.mesosevents.streams.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.app.LocalAssignment;
import io.mesosevents.streams.app.Readiness;
import io.mesosevents.streams.app.ViewsApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code GET /api/v1/instances}: every instance of the application with the store partitions it holds
 * as active and as standby and the lag of each, as each instance reports itself. An instance that
 * cannot be reached is listed with {@code "reachable": false} and the reason.
 */
final class InstancesHandler implements Handler {

    static final String PATH = RouteTable.API + "/instances";

    private final QueryServices services;

    InstancesHandler(QueryServices services) {
        this.services = services;
    }

    @Override
    public void handle(Context ctx) {
        QueryParams.of(ctx.queryParamMap(), Set.of());
        if (QueryServices.scope(ctx.header(Forwarder.HEADER)).isPresent()) {
            Responses.json(ctx, 200, localReport());
            return;
        }
        List<HostInfo> instances = new ArrayList<>(services.owners().instances());
        if (!instances.contains(services.self())) {
            instances.add(services.self());
        }
        Map<HostInfo, CompletableFuture<JsonNode>> reports = new LinkedHashMap<>();
        for (HostInfo host : instances) {
            reports.put(host, host.equals(services.self()) ? CompletableFuture.completedFuture(localReport())
                    : services.forwarder().get(host, PATH, ForwardedScope.LOCAL).thenApply(reply -> remoteReport(host, reply)));
        }
        Map<String, JsonNode> byInstance = new TreeMap<>();
        reports.forEach((host, report) -> byInstance.put(name(host), report.join()));
        ObjectNode body = JsonBodies.object();
        ArrayNode data = body.putArray("data");
        byInstance.values().forEach(data::add);
        body.putNull("nextCursor");
        ArrayNode answeredBy = body.putArray("answeredBy");
        byInstance.forEach((instance, report) -> {
            if (report.path("reachable").asBoolean()) {
                answeredBy.add(instance);
            }
        });
        Responses.json(ctx, 200, body);
    }

    /** {@code {"instance", "reachable", "state", "ready", "stores": {store: {"active", "standby", "lagRecords"}}}}. */
    private ObjectNode localReport() {
        ViewsApp app = services.app();
        Readiness readiness = app.readiness();
        ObjectNode report = JsonBodies.object();
        report.put("instance", name(services.self()));
        report.put("reachable", true);
        report.put("state", readiness.state());
        report.put("ready", readiness.ready());
        ObjectNode stores = report.putObject("stores");
        LocalAssignment assignment = app.localAssignment();
        for (ViewStores store : app.stores().all()) {
            ObjectNode entry = stores.putObject(store.storeName());
            ArrayNode active = entry.putArray("active");
            assignment.active(store).forEach(active::add);
            ArrayNode standby = entry.putArray("standby");
            assignment.standby(store).forEach(standby::add);
            ObjectNode lags = entry.putObject("lagRecords");
            Map<Integer, LagInfo> byPartition = new TreeMap<>(app.lags().lags(store));
            byPartition.forEach((partition, lag) -> lags.put(Integer.toString(partition), Math.max(0, lag.offsetLag())));
        }
        return report;
    }

    private static JsonNode remoteReport(HostInfo host, Forwarder.Reply reply) {
        if (reply instanceof Forwarder.Reply.Answered answered && answered.status() == 200) {
            return answered.body();
        }
        String reason = reply instanceof Forwarder.Reply.Answered answered ? "HTTP " + answered.status()
                : ((Forwarder.Reply.Unreachable) reply).reason();
        ObjectNode report = JsonBodies.object();
        report.put("instance", name(host));
        report.put("reachable", false);
        report.put("error", reason);
        return report;
    }

    private static String name(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
