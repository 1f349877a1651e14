package io.mesosevents.replay.state;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.replay.read.RangePlanner;
import io.mesosevents.replay.read.RawRecord;
import io.mesosevents.replay.read.ReadPlan;
import io.mesosevents.replay.read.ReplayRangeException;
import io.mesosevents.replay.read.TimeOrderedReader;
import io.mesosevents.streams.StreamsAppConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views' state as of a time, computed from the event log: plans the offsets of the event
 * topics up to that time, reads them merged in record-time order, folds them with
 * {@link OfflineViews}, and reads one table's rows at the end.
 */
public final class StateReplay {

    private static final Logger log = LoggerFactory.getLogger(StateReplay.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /**
     * What to replay.
     *
     * @param from   where to start reading (empty: the start of retention); only exact if no entity's
     *               history started before it
     * @param asOf     the time whose state is asked for
     * @param entities the tables to read at the end (one replay gives them all)
     * @param app      only the rows of this app (leading slash optional)
     */
    public record Request(Optional<Instant> from, Instant asOf, Set<StateEntity> entities, Optional<String> app) {
        public Request {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(app, "app");
            if (entities.isEmpty()) {
                throw new IllegalArgumentException("No table asked for: name at least one of " + StateEntity.cliNames());
            }
            entities = Collections.unmodifiableSet(EnumSet.copyOf(entities));
            for (StateEntity entity : entities) {
                if (app.isPresent() && !entity.belongsToApps()) {
                    throw new IllegalArgumentException(entity.cliName() + " belong to no app: an app selects apps, "
                            + "tasks, health or deployments");
                }
            }
        }

        /** One table as of {@code asOf}, from the start of retention. */
        public static Request of(Instant asOf, StateEntity entity) {
            return new Request(Optional.empty(), asOf, Set.of(entity), Optional.empty());
        }
    }

    /**
     * The rows of the tables as of the time, and what it took.
     *
     * @param tables  the rows of each table asked for, in key order
     * @param records how many event records were folded
     * @param elapsed time spent reading and folding
     */
    public record Result(Map<StateEntity, List<ViewRow>> tables, long records, Duration elapsed) {

        public Result {
            tables = Collections.unmodifiableMap(new EnumMap<>(tables));
        }

        /** The rows of {@code entity}, which must have been asked for. */
        public List<ViewRow> rows(StateEntity entity) {
            List<ViewRow> rows = tables.get(entity);
            if (rows == null) {
                throw new IllegalArgumentException(entity.cliName() + " were not asked for");
            }
            return rows;
        }

        /** Records folded per second. */
        public double recordsPerSecond() {
            return records / Math.max(elapsed.toNanos() / 1e9, 1e-3);
        }
    }

    private final StreamsAppConfig views;
    private final Map<String, Object> consumerConfig;

    /**
     * @param views          the views' settings that shape their rules: topic prefix, schema registry, finished retention
     * @param consumerConfig Kafka client properties of the consumers that read the topics
     */
    public StateReplay(StreamsAppConfig views, Map<String, Object> consumerConfig) {
        // The views' serdes build the model's generated classes, which Avro loads only once they are trusted.
        AvroClassTrust.install();
        this.views = views;
        this.consumerConfig = Map.copyOf(consumerConfig);
    }

    /**
     * Replays the log up to {@code request.asOf()}.
     *
     * @throws ReplayRangeException when the range cannot be replayed (in the future, reversed, beyond
     *                              retention) or holds no events
     */
    public Result run(Request request) {
        long started = System.nanoTime();
        Instant asOf = request.asOf();
        List<String> topics = List.copyOf(OfflineViews.inputTopics(views));
        ReadPlan plan = new RangePlanner(consumerConfig).plan(topics, request.from(), asOf);
        if (plan.isEmpty()) {
            throw new ReplayRangeException("No events between " + request.from().map(Instant::toString)
                    .orElse("the start of retention") + " and " + asOf + " in " + String.join(", ", topics));
        }
        log.info("Replaying up to {} records of {} up to {}", plan.records(), String.join(", ", topics), asOf);
        try (TimeOrderedReader reader = new TimeOrderedReader(consumerConfig, plan)) {
            if (!reader.hasNext()) {
                throw new ReplayRangeException("No committed events between " + request.from().map(Instant::toString)
                        .orElse("the start of retention") + " and " + asOf + " in " + String.join(", ", topics));
            }
            RawRecord first = reader.next();
            try (OfflineViews offline = new OfflineViews(views, Instant.ofEpochMilli(first.timestamp()))) {
                fold(offline, first, reader, asOf, plan.records(), started);
                offline.advanceTo(asOf);
                Map<StateEntity, List<ViewRow>> tables = new EnumMap<>(StateEntity.class);
                request.entities().forEach(entity -> tables.put(entity, ViewSnapshot.read(offline, entity, request.app())));
                Result result = new Result(tables, offline.piped(), Duration.ofNanos(System.nanoTime() - started));
                log.info("Replayed {} records up to {} in {} ms ({} records/s)", result.records(), asOf,
                        result.elapsed().toMillis(), Math.round(result.recordsPerSecond()));
                return result;
            }
        }
    }

    private static void fold(OfflineViews offline, RawRecord first, TimeOrderedReader reader, Instant asOf,
                             long planned, long started) {
        long nextReport = started + PROGRESS_EVERY.toNanos();
        RawRecord record = first;
        while (record != null) {
            // A producer's clock may step back, so a record inside the offset range can be stamped after asOf.
            if (record.timestamp() <= asOf.toEpochMilli()) {
                offline.pipe(record);
            }
            if (System.nanoTime() > nextReport) {
                log.info("Replayed {} of at most {} records, at {}", offline.piped(), planned, offline.wallClock());
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            record = reader.hasNext() ? reader.next() : null;
        }
    }
}
