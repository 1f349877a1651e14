package io.mesosevents.bench;

import io.mesosevents.model.mesos.MesosTaskEvent;
import io.mesosevents.registry.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Map;

/**
 * The baseline the views are compared with: Kafka Streams at its barest over the same input,
 * {@code stream(mesos.task-events).groupByKey().reduce(latest wins)}. It reads and writes the values
 * with the same Avro serde as the views and keeps them in a persistent store with a changelog, so
 * what the views do beyond it is their own work: folding, repartitioning, joins, history.
 */
final class BareReduceTopology {

    static final String STORE = "bare-latest-task-event";

    private BareReduceTopology() {
    }

    static Topology build(String inputTopic, Map<String, ?> serdeConfig) {
        Serde<MesosTaskEvent> values = AvroSerdes.specific(MesosTaskEvent.class, serdeConfig, false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inputTopic, Consumed.with(Serdes.String(), values))
                .groupByKey(Grouped.with(Serdes.String(), values))
                .reduce((previous, latest) -> latest,
                        Materialized.<String, MesosTaskEvent, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(values));
        return builder.build();
    }
}
