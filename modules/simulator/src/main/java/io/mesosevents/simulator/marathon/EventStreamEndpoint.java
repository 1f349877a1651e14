package io.mesosevents.simulator.marathon;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v2/events} as Marathon serves it: a standby redirects (302) to the leader, a
 * Marathon without leadership answers 503; otherwise the connection attaches to the bus, filtered
 * by its {@code event_type} parameters, and stays open as a {@code text/event-stream} whose first
 * event is its own {@code event_stream_attached} (unless the filter leaves that type out).
 */
final class EventStreamEndpoint {

    static final String PATH = "/v2/events";

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamEndpoint.class);

    private final EventBus bus;
    private final Faults faults;
    private final EventStreamWriter writer;
    private final JsonResponses responses;

    EventStreamEndpoint(EventBus bus, Faults faults, EventStreamWriter writer, JsonResponses responses) {
        this.bus = bus;
        this.faults = faults;
        this.writer = writer;
        this.responses = responses;
    }

    void handle(Context ctx) throws IOException, InterruptedException {
        LeaderState leader = faults.leaderState();
        if (leader.mode() == LeaderMode.STANDBY) {
            String query = ctx.queryString();
            ctx.status(302).header("Location", "http://" + leader.leader() + PATH + (query == null ? "" : "?" + query));
            return;
        }
        if (leader.mode() == LeaderMode.NO_LEADER) {
            responses.send(ctx, 503, JsonResponses.message("Could not determine the current leader"));
            return;
        }
        if (!acceptsEventStream(ctx.header("Accept"))) {
            responses.send(ctx, 406, Map.of("message", "This endpoint only serves text/event-stream"));
            return;
        }
        Set<String> eventTypes = new LinkedHashSet<>();
        ctx.queryParams("event_type").stream().filter(type -> !type.isBlank()).forEach(eventTypes::add);
        String remoteAddress = ctx.req().getRemoteAddr();
        StreamSubscriber subscriber = bus.attach(remoteAddress, eventTypes);
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
                .getConnection().getEndPoint();
        subscriber.onAbort(endPoint::close);
        if (faults.leaderState().mode() != LeaderMode.LEADING) {
            // Leadership went while the client was attaching.
            bus.detach(subscriber, "leadership lost while attaching");
            responses.send(ctx, 503, JsonResponses.message("Could not determine the current leader"));
            return;
        }
        LOG.info("Event stream {} from {} attached{}", subscriber.id, remoteAddress,
                eventTypes.isEmpty() ? "" : " for " + eventTypes);
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
        String outcome = "interrupted";
        try {
            response.flushBuffer();
            outcome = writer.write(subscriber, response.getOutputStream(), endPoint::shutdownOutput);
        } catch (IOException e) {
            outcome = "client went away (" + e.getMessage() + ")";
        } finally {
            subscriber.discardQueue();
            bus.detach(subscriber, outcome);
            LOG.info("Event stream {} from {} ended after {} event(s): {}", subscriber.id, remoteAddress,
                    subscriber.eventsSent.get(), outcome);
        }
    }

    /** No Accept header, or one that admits {@code text/event-stream}. */
    private static boolean acceptsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*")) {
                return true;
            }
        }
        return false;
    }
}
