package io.mesosevents.simulator.marathon;

/** Whether the simulated Marathon leads, as clients of {@code /v2/events} see it. */
public enum LeaderMode {
    /** Serves everything. */
    LEADING,
    /** A standby: {@code /v2/events} answers 302 to the leader; the REST API answers as the leader would (Marathon proxies it). */
    STANDBY,
    /** Leadership lost and no leader known: 503 everywhere, {@code /v2/leader} 404. */
    NO_LEADER
}
