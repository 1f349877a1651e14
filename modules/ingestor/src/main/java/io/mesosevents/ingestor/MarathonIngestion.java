package io.mesosevents.ingestor;

import io.mesosevents.ingestor.marathon.MarathonState;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.marathon.CallbackReceiver;
import io.mesosevents.marathon.MarathonSubscriber;
import io.mesosevents.model.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Ingests one Marathon into Kafka, from its {@code /v2/events} stream or its legacy HTTP callbacks:
 * claims the source's transactional id (fencing older writers), reconciles every snapshot and keeps
 * going through disconnects. Write failures are handled as on the Mesos path.
 */
public final class MarathonIngestion implements SourceIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(MarathonIngestion.class);

    private final SourceRun run;

    private MarathonIngestion(SourceRun run) {
        this.run = run;
    }

    /** Starts ingesting; {@code onFenced} runs when a newer ingestor of this source took over. */
    public static MarathonIngestion start(MarathonIngestionConfig config, Clock clock, IngestMetrics metrics, Runnable onFenced) {
        EntityStateLoader loader = new EntityStateLoader(config.clientProperties(), config.topicPrefix(), config.kafkaTimeout());
        SourceRun run = new SourceRun("marathon", KafkaWriterConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()),
                metrics, onFenced, (writer, snapshotWritten) -> {
                    MarathonIngestor ingestor = new MarathonIngestor(config.cluster(), writer, () -> load(loader, config.cluster()), clock,
                            (session, records) -> snapshotWritten.run(), metrics);
                    EventSource source;
                    if (config.callbacks().isPresent()) {
                        CallbackReceiver receiver = new CallbackReceiver(config.marathon(), config.callbacks().get(), ingestor);
                        source = new EventSource(receiver::start, receiver::resubscribe, receiver::reconnects, receiver::lastByteAt,
                                receiver::close);
                    } else {
                        MarathonSubscriber subscriber = new MarathonSubscriber(config.marathon(), ingestor);
                        source = new EventSource(subscriber::start, subscriber::resubscribe, subscriber::reconnects,
                                subscriber::lastByteAt, subscriber::close);
                    }
                    return new SourceRun.Parts(source, ingestor::reloadOnNextSession);
                });
        run.start();
        LOG.info("Ingesting Marathon of cluster '{}' from {} into Kafka ({}; transactional id {})", config.cluster(),
                config.marathon().marathons(), config.callbacks().isPresent() ? "HTTP callbacks" : "event stream",
                config.transactionalId());
        return new MarathonIngestion(run);
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
        return run.ready();
    }

    /** True once this ingestion can no longer write: its replica should give up the lead. */
    public boolean fenced() {
        return run.fenced();
    }

    public long reconnects() {
        return run.reconnects();
    }

    @Override
    public void close() {
        run.close();
    }
}
