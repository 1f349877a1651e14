package io.mesosevents.ingestor;

import io.mesosevents.ingestor.marathon.MarathonState;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.marathon.CallbackReceiver;
import io.mesosevents.marathon.MarathonSubscriber;
import io.mesosevents.model.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Ingests one Marathon into Kafka, from its {@code /v2/events} stream or its legacy HTTP callbacks:
 * claims the source's transactional id (fencing older writers), reconciles every snapshot and keeps
 * going through disconnects. Write failures are handled as on the Mesos path.
 */
public final class MarathonIngestion implements SourceIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(MarathonIngestion.class);

    private final KafkaRecordWriter writer;
    private final MarathonEventSource source;
    private final WriteFailureResponse failures;
    private final IngestMetrics metrics;
    private volatile boolean snapshotWritten;

    private MarathonIngestion(MarathonIngestionConfig config, Clock clock, IngestMetrics metrics, Runnable onFenced) {
        this.metrics = metrics;
        this.failures = new WriteFailureResponse(metrics, onFenced, "marathon-ingestion-control");
        this.writer = new KafkaRecordWriter(
                KafkaWriterConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()), failures.listener());
        try {
            EntityStateLoader loader = new EntityStateLoader(config.clientProperties(), config.topicPrefix(), config.kafkaTimeout());
            MarathonIngestor ingestor = new MarathonIngestor(config.cluster(), writer, () -> load(loader, config.cluster()), clock,
                    (session, records) -> snapshotWritten = true, metrics);
            this.source = config.callbacks().isPresent()
                    ? MarathonEventSource.of(new CallbackReceiver(config.marathon(), config.callbacks().get(), ingestor))
                    : MarathonEventSource.of(new MarathonSubscriber(config.marathon(), ingestor));
            failures.attach(new WriteFailureResponse.Source() {
                @Override
                public void reloadOnNextSession() {
                    ingestor.reloadOnNextSession();
                }

                @Override
                public void resubscribe(String reason) {
                    source.resubscribe(reason);
                }

                @Override
                public void stop() {
                    source.close();
                }
            });
        } catch (IOException e) {
            writer.close();
            failures.close();
            throw new UncheckedIOException("Cannot listen for Marathon callbacks: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            writer.close();
            failures.close();
            throw e;
        }
        metrics.watch(new IngestMetrics.SourceConnection(source::reconnects, source::lastByteAt));
    }

    /** Starts ingesting; {@code onFenced} runs when a newer ingestor of this source took over. */
    public static MarathonIngestion start(MarathonIngestionConfig config, Clock clock, IngestMetrics metrics, Runnable onFenced) {
        MarathonIngestion ingestion = new MarathonIngestion(config, clock, metrics, onFenced);
        ingestion.source.start();
        LOG.info("Ingesting Marathon of cluster '{}' from {} into Kafka ({}; transactional id {})", config.cluster(),
                config.marathon().marathons(), config.callbacks().isPresent() ? "HTTP callbacks" : "event stream",
                config.transactionalId());
        return ingestion;
    }

    private static MarathonState load(EntityStateLoader loader, String cluster) {
        MarathonState state = new MarathonState();
        long read = loader.replay(cluster, List.of(Topic.MARATHON_EVENTS), state::apply);
        LOG.info("Loaded the last known Marathon state of cluster '{}' from Kafka: {} apps, pods and deployments from {} records",
                cluster, state.size(), read);
        return state;
    }

    @Override
    public boolean ready() {
        return snapshotWritten && !failures.fenced();
    }

    /** True once this ingestion can no longer write (see {@link MesosIngestion#fenced()}). */
    public boolean fenced() {
        return failures.fenced();
    }

    public long reconnects() {
        return source.reconnects();
    }

    @Override
    public void close() {
        failures.close();
        source.close();
        writer.close();
        metrics.unwatch();
    }
}
