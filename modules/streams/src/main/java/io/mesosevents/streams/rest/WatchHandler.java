package io.mesosevents.streams.rest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/watch}: the changes of the views as server-sent events, read from their compacted
 * topics by a consumer of the watch's own, from the current end, or from right after the event named by
 * {@code Last-Event-ID} (the header, which EventSource sends when it reconnects, or the {@code lastEventId}
 * parameter for the first connect; the header wins, as a reconnect keeps the first URL).
 *
 * <p>Everything that can be refused is checked before the stream opens, so those answers are JSON errors.
 * The stream runs on the request's thread; {@value #MAX_WATCHES} watches at once per instance at most, so
 * watches cannot take every thread from the queries (a 503 beyond).
 */
final class WatchHandler implements Handler {

    static final String PATH = RouteTable.API + "/watch";
    static final String LAST_EVENT_ID = "lastEventId";
    static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";
    static final Set<String> PARAMS = Set.of(WatchFilter.TYPES, WatchFilter.APP, WatchFilter.CLUSTER, LAST_EVENT_ID);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final int MAX_WATCHES = 64;

    private static final Logger log = LoggerFactory.getLogger(WatchHandler.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final WatchSources sources;
    private final Duration retryAfter;
    private final Semaphore slots = new Semaphore(MAX_WATCHES);

    WatchHandler(QueryServices services) {
        this.sources = new WatchSources(services.app().config(), services.self().host() + ":" + services.self().port());
        this.retryAfter = services.config().retryAfter();
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.header(Forwarder.HEADER) != null) {
            throw ApiError.badParameter(Forwarder.HEADER, "(header) is not accepted on this route");
        }
        QueryParams params = QueryParams.of(ctx.queryParamMap(), PARAMS);
        WatchFilter filter = WatchFilter.of(params);
        Optional<WatchPositions> resume = resumeFrom(ctx.header(LAST_EVENT_ID_HEADER), params);
        if (!slots.tryAcquire()) {
            throw ApiError.unavailable("this instance serves " + MAX_WATCHES + " watches already; try another or later",
                    retryAfter);
        }
        try {
            stream(ctx, filter, resume);
        } finally {
            slots.release();
        }
    }

    private void stream(Context ctx, WatchFilter filter, Optional<WatchPositions> resume) {
        String name = sources.nextName();
        KafkaConsumer<String, byte[]> consumer = sources.newConsumer(name);
        try {
            WatchStart start = WatchStart.place(consumer, sources, filter.types(), resume, KAFKA_TIMEOUT, retryAfter);
            WatchOutput output;
            try {
                output = WatchOutput.open(ctx.res());
            } catch (IOException e) {
                log.info("Watch {} not opened: the client went away", name);
                return;
            }
            log.info("Watch {} opened by {}: {}{}", name, ctx.ip(), describe(filter),
                    resume.isPresent() ? ", resuming" : ", from now on");
            String end = new WatchSession(name, consumer, sources, filter, start.progress(), output, KEEP_ALIVE,
                    Clock.systemUTC()).run(start.gaps());
            log.info("Watch {} closed: {}", name, end);
        } finally {
            close(consumer);
        }
    }

    /**
     * A watch ended by the server stopping leaves its thread interrupted, and an interrupted consumer cannot
     * close cleanly: the flag is put aside while it closes.
     */
    private static void close(KafkaConsumer<String, byte[]> consumer) {
        boolean interrupted = Thread.interrupted();
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The position to resume from: the header, else the parameter; neither means from now on. */
    private static Optional<WatchPositions> resumeFrom(String header, QueryParams params) {
        if (header != null && !header.isBlank()) {
            return Optional.of(WatchTokenCodec.decode(header.trim(), LAST_EVENT_ID_HEADER));
        }
        return params.get(LAST_EVENT_ID).map(token -> WatchTokenCodec.decode(token, LAST_EVENT_ID));
    }

    private static String describe(WatchFilter filter) {
        return "types " + filter.types().stream().map(WatchType::eventName).sorted().toList()
                + filter.app().map(app -> ", app " + app).orElse("") + filter.cluster().map(cluster -> ", cluster " + cluster)
                .orElse("");
    }
}
