package io.mesosevents.ingestor;

import io.mesosevents.ingestor.leader.LeaderElection;
import io.mesosevents.ingestor.leader.LeaderElectionConfig;
import io.mesosevents.ingestor.leader.LeadershipListener;
import io.mesosevents.ingestor.metrics.IngestMetrics;
import io.mesosevents.model.AvroClassTrust;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One of possibly several ingestor replicas of a source. Exactly one replica ingests: the one the
 * source's consumer group elects ({@link LeaderElection}). It ingests while it leads and stops when
 * it does not; the shared transactional id fences a replica that has not yet noticed it lost.
 */
public final class IngestionReplica implements AutoCloseable {

    private final AtomicReference<SourceIngestion> active = new AtomicReference<>();
    private final LeaderElection election;

    /** Starts the source's ingestion once elected; the argument gives up the lead when it is fenced. */
    private interface Starter {
        SourceIngestion start(Runnable onFenced);
    }

    private IngestionReplica(LeaderElectionConfig electionConfig, Starter starter) {
        // Every snapshot builds the model's generated records; without the trust, Avro refuses
        // them and each session would fail and resubscribe for ever.
        AvroClassTrust.install();
        // Built before the election so that the listener never sees a half-made replica.
        AtomicReference<LeaderElection> electionRef = new AtomicReference<>();
        LeadershipListener listener = new LeadershipListener() {
            @Override
            public void elected() {
                active.set(starter.start(() -> electionRef.get().resign()));
            }

            @Override
            public void revoked() {
                SourceIngestion stopping = active.getAndSet(null);
                if (stopping != null) {
                    stopping.close();
                }
            }
        };
        this.election = LeaderElection.start(electionConfig, listener);
        electionRef.set(election);
    }

    /** Joins the Mesos source's election; ingestion starts if and when this replica is elected. */
    public static IngestionReplica start(MesosIngestionConfig config, Clock clock, MeterRegistry registry) {
        IngestMetrics metrics = new IngestMetrics(registry, clock, "mesos");
        return new IngestionReplica(LeaderElectionConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()),
                onFenced -> MesosIngestion.start(config, clock, metrics, onFenced));
    }

    /** Joins the Marathon source's election; ingestion starts if and when this replica is elected. */
    public static IngestionReplica start(MarathonIngestionConfig config, Clock clock, MeterRegistry registry) {
        IngestMetrics metrics = new IngestMetrics(registry, clock, "marathon");
        return new IngestionReplica(LeaderElectionConfig.of(config.clientProperties(), config.topicPrefix(), config.transactionalId()),
                onFenced -> MarathonIngestion.start(config, clock, metrics, onFenced));
    }

    /** True while this replica leads and its ingestion has written a snapshot. */
    public boolean ready() {
        SourceIngestion ingestion = active.get();
        return ingestion != null && ingestion.ready();
    }

    /** True while this replica leads. */
    public boolean leading() {
        return active.get() != null;
    }

    @Override
    public void close() {
        // Closing the election revokes leadership, which stops the ingestion.
        election.close();
    }
}
