package io.mesosevents.streams.rest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of one watch: poll the topics, send every wanted change, flush, and every {@code keepAlive}
 * a keep-alive comment. It runs on the request's thread until the client goes away (a write fails), the
 * server stops (the thread is interrupted) or Kafka refuses the consumer; the client then reconnects with
 * its last event id and loses nothing.
 */
final class WatchSession {

    private static final Logger log = LoggerFactory.getLogger(WatchSession.class);

    private final String name;
    private final Consumer<String, byte[]> consumer;
    private final WatchSources sources;
    private final WatchFilter filter;
    private final WatchProgress progress;
    private final WatchOutput output;
    private final Duration keepAlive;
    private final Clock clock;
    private long sent;

    WatchSession(String name, Consumer<String, byte[]> consumer, WatchSources sources, WatchFilter filter,
                 WatchProgress progress, WatchOutput output, Duration keepAlive, Clock clock) {
        this.name = name;
        this.consumer = consumer;
        this.sources = sources;
        this.filter = filter;
        this.progress = progress;
        this.output = output;
        this.keepAlive = keepAlive;
        this.clock = clock;
    }

    /** Streams until the watch ends; says why it ended. */
    String run(List<WatchGap> startGaps) {
        try {
            output.position(progress.token());
            if (!startGaps.isEmpty()) {
                sendGap(startGaps);
            }
            output.flush();
            Instant nextKeepAlive = clock.instant().plus(keepAlive);
            while (true) {
                Duration wait = Duration.between(clock.instant(), nextKeepAlive);
                pollOnce(wait.isNegative() ? Duration.ZERO : wait);
                if (!clock.instant().isBefore(nextKeepAlive)) {
                    output.keepAlive(progress.token());
                    output.flush();
                    nextKeepAlive = clock.instant().plus(keepAlive);
                }
            }
        } catch (IOException e) {
            return "the client went away after " + sent + " events";
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
            return "the server is stopping, after " + sent + " events";
        } catch (KafkaException e) {
            log.warn("Watch {} cannot read on: {}", name, e.getMessage());
            return "Kafka failed after " + sent + " events";
        }
    }

    private void pollOnce(Duration wait) throws IOException {
        ConsumerRecords<String, byte[]> records;
        try {
            records = consumer.poll(wait);
        } catch (OffsetOutOfRangeException e) {
            skipLostOffsets(e.offsetOutOfRangePartitions());
            output.flush();
            return;
        }
        long before = sent;
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            progress.advance(partition, record.offset() + 1);
            send(progress.typeOf(partition), record);
        }
        progress.catchUp(consumer);
        if (sent != before) {
            output.flush();
        }
    }

    private void send(WatchType type, ConsumerRecord<String, byte[]> record) throws IOException {
        if (record.key() == null) {
            log.warn("Watch {} skips a record without key at {}-{} offset {}", name, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (!filter.admitsKey(type, record.key())) {
            return;
        }
        SpecificRecord row;
        try {
            row = sources.decode(type, record.topic(), record.value());
        } catch (RuntimeException e) {
            log.warn("Watch {} skips an undecodable record at {}-{} offset {}: {}", name, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (filter.matches(type, record.key(), row)) {
            output.event(type.eventName(), progress.token(),
                    WatchEvents.change(type, record.key(), row, Instant.ofEpochMilli(record.timestamp())));
            sent++;
        }
    }

    /** The log start moved past where the watch reads (retention, deleted records): go on from there and say so. */
    private void skipLostOffsets(Map<TopicPartition, Long> lost) throws IOException {
        Map<TopicPartition, Long> logStarts = consumer.beginningOffsets(lost.keySet());
        Map<TopicPartition, Long> logEnds = consumer.endOffsets(lost.keySet());
        List<WatchGap> gaps = new ArrayList<>();
        lost.forEach((partition, wanted) -> {
            Optional<WatchGap> gap = WatchGap.of(progress.typeOf(partition), partition, wanted, logStarts.get(partition),
                    logEnds.get(partition));
            long resumeAt = gap.map(WatchGap::resumedAt).orElse(wanted);
            gap.ifPresent(gaps::add);
            consumer.seek(partition, resumeAt);
            progress.advance(partition, resumeAt);
        });
        if (!gaps.isEmpty()) {
            sendGap(gaps);
        }
    }

    private void sendGap(List<WatchGap> gaps) throws IOException {
        log.warn("Watch {} skips offsets no longer in the log: {}", name, gaps.stream()
                .map(gap -> gap.partition() + " " + gap.from() + ".." + gap.resumedAt() + " (" + gap.reason() + ")").toList());
        output.event(WatchEvents.GAP, progress.token(), WatchEvents.gap(gaps, clock.instant()));
    }
}
