package io.mesosevents.streams.app;

import io.mesosevents.streams.ViewStores;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.errors.StreamsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each local store partition (active or standby) is behind its changelog, in records.
 *
 * <p>Kafka Streams asks the brokers for the changelog end offsets on every call of
 * {@code allLocalStorePartitionLags()}, and advises calling it at most every few seconds; a burst
 * of standby queries must not turn into a burst of admin requests, so the answer is kept for
 * {@link #MAX_AGE}. A failed lookup keeps the last answer: a standby with an unknown lag does not answer.
 */
public final class StoreLags {

    /** How long one lookup is reused. */
    public static final Duration MAX_AGE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(StoreLags.class);

    private final Supplier<Map<String, Map<Integer, LagInfo>>> lookup;
    private Map<String, Map<Integer, LagInfo>> lags = Map.of();
    private long fetchedAt;
    private boolean fetched;

    /** @param lookup {@code KafkaStreams::allLocalStorePartitionLags} */
    StoreLags(Supplier<Map<String, Map<Integer, LagInfo>>> lookup) {
        this.lookup = lookup;
    }

    /** The lag of one local partition of {@code store}; empty when this instance does not hold it or the lag is unknown. */
    public OptionalLong lag(ViewStores store, int partition) {
        LagInfo info = current().getOrDefault(store.storeName(), Map.of()).get(partition);
        return info == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, info.offsetLag()));
    }

    /** Every local partition of {@code store} with its lag. */
    public Map<Integer, LagInfo> lags(ViewStores store) {
        return current().getOrDefault(store.storeName(), Map.of());
    }

    private synchronized Map<String, Map<Integer, LagInfo>> current() {
        long now = System.nanoTime();
        if (!fetched || now - fetchedAt > MAX_AGE.toNanos()) {
            try {
                lags = Map.copyOf(lookup.get());
            } catch (StreamsException | IllegalStateException e) {
                log.warn("Cannot read the store lags, keeping the last ones: {}", e.getMessage());
            }
            fetched = true;
            fetchedAt = now;
        }
        return lags;
    }
}
