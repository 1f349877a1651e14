package io.mesosevents.streams.app;

/**
 * Whether this instance may serve queries, and if not, why.
 *
 * @param ready  Kafka Streams is RUNNING and every local active store partition answers a query
 * @param state  the Kafka Streams state (CREATED, REBALANCING, RUNNING, …)
 * @param detail what is missing when not ready; empty when ready
 */
public record Readiness(boolean ready, String state, String detail) {

    static Readiness ready(String state) {
        return new Readiness(true, state, "");
    }

    static Readiness notReady(String state, String detail) {
        return new Readiness(false, state, detail);
    }
}
