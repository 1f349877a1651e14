package io.mesosevents.replay.state;

import io.mesosevents.model.AvroClassTrust;
import io.mesosevents.model.Topic;
import io.mesosevents.replay.read.RawRecord;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.ViewStores;
import io.mesosevents.streams.ViewsTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live views' own topology, built for replay ({@link ViewsTopology.Options#replay()}), run
 * offline in a {@link TopologyTestDriver}: records read from the event topics go in as they were
 * written (key and value bytes, Kafka record time), the topology's serdes and rules do the rest,
 * and the stores hold the views' current rows at the time the driver has reached.
 *
 * <p>The driver's wall clock stands in for the live application's: the retention rules are
 * wall-clock punctuators, and a caught-up live application runs them at about the time of the
 * events it reads, so the clock is moved to each record's time before it is piped. The driver keeps
 * every record the topology produces (repartition and join topics) until read, so those are read
 * off and dropped every {@link #DRAIN_EVERY} records. Not thread-safe.
 */
public final class OfflineViews implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfflineViews.class);

    /** Records piped between two drains of what the topology produced: bounds the driver's memory. */
    static final int DRAIN_EVERY = 1_000;

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<byte[], byte[]>> produced = new HashMap<>();
    private Instant wallClock;
    private long piped;
    private int sinceDrain;

    /**
     * The views of {@code config} (topic prefix, serdes, finished retention) with the driver's wall
     * clock at {@code start}, the time of the first record to pipe.
     */
    public OfflineViews(StreamsAppConfig config, Instant start) {
        // The serdes build the model's generated classes, which Avro loads only once they are trusted.
        AvroClassTrust.install();
        try {
            stateDir = Files.createTempDirectory("mesos-events-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory for the replay", e);
        }
        Topology topology = ViewsTopology.build(config, ViewsTopology.Options.replay());
        driver = new TopologyTestDriver(topology, driverProperties(config, stateDir), start);
        wallClock = start;
        for (String topic : eventTopics(topology, config.topicPrefix())) {
            inputs.put(topic, driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()));
        }
    }

    /** The event topics the views read, under the config's prefix: what a replay must read. */
    public Set<String> inputTopics() {
        return new TreeSet<>(inputs.keySet());
    }

    /** The event topics the views of {@code config} read, without starting a driver. */
    public static Set<String> inputTopics(StreamsAppConfig config) {
        return eventTopics(ViewsTopology.build(config, ViewsTopology.Options.replay()), config.topicPrefix());
    }

    /**
     * Feeds one record read from an event topic, at its record time, after moving the wall clock up
     * to that time (never back: a record time may step back, a clock does not).
     */
    public void pipe(RawRecord record) {
        TestInputTopic<byte[], byte[]> input = inputs.get(record.topic());
        if (input == null) {
            throw new IllegalArgumentException("The views do not read " + record.topic() + "; they read " + inputTopics());
        }
        Instant time = Instant.ofEpochMilli(record.timestamp());
        advanceTo(time);
        input.pipeInput(new TestRecord<>(record.key(), record.value(), null, time));
        piped++;
        if (++sinceDrain >= DRAIN_EVERY) {
            drainProduced();
        }
    }

    /** Moves the wall clock to {@code time} if it is later, running the punctuators (retention) that fall due. */
    public void advanceTo(Instant time) {
        if (time.isAfter(wallClock)) {
            driver.advanceWallClockTime(Duration.between(wallClock, time));
            wallClock = time;
        }
    }

    /** The wall clock: the latest record time piped or time advanced to. */
    public Instant wallClock() {
        return wallClock;
    }

    /** How many records were piped. */
    public long piped() {
        return piped;
    }

    /**
     * The current rows of {@code view}, keyed {@code <cluster>/<id>}. Tables and processors keep rows
     * differently (with and without timestamps); the driver shows both as plain rows.
     */
    public KeyValueStore<String, SpecificRecord> currentRows(ViewStores view) {
        return driver.getKeyValueStore(view.storeName());
    }

    private void drainProduced() {
        long dropped = 0;
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<byte[], byte[]> output = produced.computeIfAbsent(topic,
                    name -> driver.createOutputTopic(name, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            while (!output.isEmpty()) {
                output.readRecord();
                dropped++;
            }
        }
        sinceDrain = 0;
        log.trace("Dropped {} records the topology produced", dropped);
    }

    /**
     * The sources of the topology that are event topics of the log; the others are its own internal
     * topics (repartitioning, the task–agent join), which the driver feeds by itself.
     */
    private static Set<String> eventTopics(Topology topology, String topicPrefix) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream().filter(topic -> Topic.byName(topicPrefix, topic).isPresent())
                            .forEach(topics::add);
                }
            }
        }
        return topics;
    }

    private static Properties driverProperties(StreamsAppConfig config, Path stateDir) {
        Properties properties = config.withStateDir(stateDir).streamsProperties();
        // The stores the DSL makes by itself (the join's subscriptions) are kept in memory like the views' own.
        properties.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getName());
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        return properties;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete the replay's state directory {}: {}", dir, e.getMessage());
        }
    }
}
