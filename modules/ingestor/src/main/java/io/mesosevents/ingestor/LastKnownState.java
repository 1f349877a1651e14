package io.mesosevents.ingestor;

import java.util.function.Supplier;

/**
 * What the topics say about a source's entities, as an ingestor reconciles against it. Rebuilt
 * from Kafka at the first session and after a failed write (when it may be ahead of what Kafka
 * holds); kept up to date by the ingestor in between. Used from the session's one thread.
 *
 * @param <S> the state: Mesos tasks, agents and frameworks, or Marathon apps, pods and deployments
 */
final class LastKnownState<S> {

    private final Supplier<S> fromKafka;
    private final IngestOutput output;
    private volatile boolean reloadNeeded = true;
    private S state;

    LastKnownState(Supplier<S> fromKafka, IngestOutput output) {
        this.fromKafka = fromKafka;
        this.output = output;
    }

    /** The next session rebuilds the state from Kafka first. */
    void reloadOnNextSession() {
        reloadNeeded = true;
    }

    /**
     * Readies the state for a new session: when a reload is due, waits for the writer to drain and
     * rebuilds it from Kafka. A load that fails throws (ending the session) and is tried again by the next.
     */
    void prepareSession() throws InterruptedException {
        if (reloadNeeded) {
            output.flush();
            state = fromKafka.get();
            reloadNeeded = false;
        }
    }

    S get() {
        return state;
    }
}
