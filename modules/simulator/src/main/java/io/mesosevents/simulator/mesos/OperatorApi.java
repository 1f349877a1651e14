package io.mesosevents.simulator.mesos;

import com.google.protobuf.InvalidProtocolBufferException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.mesosevents.mesos.MesosEncoding;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.VersionInfo;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /api/v1} as a Mesos master serves it: the same checks in the same order with the same
 * statuses (307/503 before anything, then 405, 400, 415, 400, 406), {@code SUBSCRIBE} as a RecordIO
 * stream and the read-only calls a client of the event stream needs.
 */
final class OperatorApi {

    static final String PATH = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(OperatorApi.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final List<HandlerType> NOT_POST = List.of(HandlerType.GET, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    private final EventHub hub;
    private final Supplier<LeaderState> leaderState;
    private final SubscriptionStreamer streamer;
    private final String hostname;
    private final InetAddress address;
    private final Instant startTime;
    private final List<Flag> flags;

    /**
     * @param leaderState how this master answers: it leads, redirects or knows no leader
     * @param hostname    the master's host name, as {@code GET_MASTER} reports it
     * @param address     the address it is reached at
     * @param startTime   when the master started, in simulated time
     * @param flags       the command-line flags {@code GET_FLAGS} reports
     */
    OperatorApi(EventHub hub, Supplier<LeaderState> leaderState, SubscriptionStreamer streamer, String hostname,
                InetAddress address, Instant startTime, List<Flag> flags) {
        this.hub = hub;
        this.leaderState = leaderState;
        this.streamer = streamer;
        this.hostname = hostname;
        this.address = address;
        this.startTime = startTime;
        this.flags = List.copyOf(flags);
    }

    void install(JavalinConfig config) {
        config.routes.post(PATH, this::call);
        NOT_POST.forEach(method -> config.routes.addHttpHandler(method, PATH, ctx -> {
            if (leading(ctx)) {
                ctx.header("Allow", "POST");
                text(ctx, 405, "Expecting one of { 'POST' }, but received '" + ctx.method().name() + "'");
            }
        }));
    }

    private void call(Context ctx) throws InterruptedException, IOException {
        if (!leading(ctx)) {
            return;
        }
        String contentType = ctx.header("Content-Type");
        if (contentType == null) {
            text(ctx, 400, "Expecting 'Content-Type' to be present");
            return;
        }
        // A master compares the header whole and case-sensitively: "application/json; charset=utf-8" is refused.
        Optional<MesosEncoding> requestEncoding = List.of(MesosEncoding.values()).stream()
                .filter(encoding -> encoding.mediaType().equals(contentType)).findFirst();
        if (requestEncoding.isEmpty()) {
            text(ctx, 415, "Expecting 'Content-Type' of " + MesosEncoding.JSON.mediaType() + " or "
                    + MesosEncoding.PROTOBUF.mediaType());
            return;
        }
        Call call;
        try {
            call = requestEncoding.get().decode(ctx.bodyAsBytes(), Call.newBuilder()).build();
        } catch (InvalidProtocolBufferException e) {
            text(ctx, 400, "Failed to parse body into Call protobuf: " + e.getMessage());
            return;
        }
        if (!call.hasType()) {
            text(ctx, 400, "Failed to validate master::Call: Expecting 'type' to be present");
            return;
        }
        Optional<MesosEncoding> accepted = AcceptHeader.negotiate(ctx.header("Accept"));
        if (accepted.isEmpty()) {
            text(ctx, 406, "Expecting 'Accept' to allow '" + MesosEncoding.PROTOBUF.mediaType() + "' or '"
                    + MesosEncoding.JSON.mediaType() + "'");
            return;
        }
        MesosEncoding encoding = accepted.get();
        switch (call.getType()) {
            case SUBSCRIBE -> subscribe(ctx, encoding);
            case GET_STATE -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_STATE)
                    .setGetState(hub.truth()).build());
            case GET_TASKS -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_TASKS)
                    .setGetTasks(hub.truth().getGetTasks()).build());
            case GET_AGENTS -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_AGENTS)
                    .setGetAgents(hub.truth().getGetAgents()).build());
            case GET_FRAMEWORKS -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_FRAMEWORKS)
                    .setGetFrameworks(hub.truth().getGetFrameworks()).build());
            case GET_EXECUTORS -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_EXECUTORS)
                    .setGetExecutors(hub.truth().getGetExecutors()).build());
            case GET_MASTER -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_MASTER)
                    .setGetMaster(Response.GetMaster.newBuilder().setMasterInfo(masterInfo(ctx))
                            .setStartTime(seconds(startTime)).setElectedTime(seconds(startTime)))
                    .build());
            case GET_FLAGS -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_FLAGS)
                    .setGetFlags(Response.GetFlags.newBuilder().addAllFlags(flags)).build());
            case GET_HEALTH -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_HEALTH)
                    .setGetHealth(Response.GetHealth.newBuilder().setHealthy(true)).build());
            case GET_VERSION -> respond(ctx, encoding, Response.newBuilder().setType(Response.Type.GET_VERSION)
                    .setGetVersion(Response.GetVersion.newBuilder().setVersionInfo(
                            VersionInfo.newBuilder().setVersion(ClusterProtos.MESOS_VERSION)))
                    .build());
            default -> text(ctx, 501, "The simulator does not implement " + call.getType());
        }
    }

    /** Answers 307 or 503 unless this master leads, as a master checks before anything else. */
    private boolean leading(Context ctx) {
        LeaderState state = leaderState.get();
        switch (state.leadership()) {
            case FOLLOWING -> {
                ctx.header("Location", "//" + state.leader() + PATH);
                text(ctx, 307, "");
                return false;
            }
            case NO_LEADER -> {
                text(ctx, 503, "No leader elected");
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void subscribe(Context ctx, MesosEncoding encoding) throws InterruptedException, IOException {
        String client = ctx.ip() + ":" + ctx.req().getRemotePort();
        Subscription subscription = hub.subscribe(encoding, client);
        // Leadership may have been lost between the check and joining the hub.
        if (leaderState.get().leadership() != Leadership.LEADING) {
            subscription.end(Outgoing.Ending.ABORT);
        }
        LOG.info("Subscription {} from {} opened ({})", subscription.id, client, encoding.mediaType());
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(encoding.mediaType());
        streamer.stream(subscription, response.getOutputStream(), () -> breakConnection(ctx));
    }

    /** Streams the response; its length is known beforehand, so no copy of a large state is made. */
    private static void respond(Context ctx, MesosEncoding encoding, Response response) throws IOException {
        HttpServletResponse servlet = ctx.res();
        servlet.setStatus(200);
        servlet.setContentType(encoding.mediaType());
        servlet.setContentLengthLong(MessageEncoder.size(response, encoding));
        MessageEncoder.write(response, encoding, servlet.getOutputStream());
    }

    private static void text(Context ctx, int status, String body) {
        ctx.status(status).contentType(TEXT).result(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Shuts the connection's output under the exchange, so that the client reads everything sent
     * and then the end of the connection before the chunked body's terminator. (Closing the socket
     * outright may reset it and lose the last bytes; aborting the servlet channel makes Javalin
     * fail on completion.)
     */
    private static void breakConnection(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                .getEndPoint().shutdownOutput();
    }

    private MasterInfo masterInfo(Context ctx) {
        int port = ctx.req().getLocalPort();
        String ip = address.getHostAddress();
        return MasterInfo.newBuilder()
                .setId(hub.figures().masterId())
                .setIp(ipv4AsNetworkOrderInt())
                .setPort(port)
                .setPid("master@" + ip + ":" + port)
                .setHostname(hostname)
                .setVersion(ClusterProtos.MESOS_VERSION)
                .setAddress(Address.newBuilder().setHostname(hostname).setIp(ip).setPort(port))
                .build();
    }

    /** {@code MasterInfo.ip} holds the IPv4 address's bytes in network order read as a little-endian number. */
    private int ipv4AsNetworkOrderInt() {
        if (!(address instanceof Inet4Address)) {
            return 0;
        }
        byte[] bytes = address.getAddress();
        return (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8 | (bytes[2] & 0xFF) << 16 | (bytes[3] & 0xFF) << 24;
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
