package io.mesosevents.simulator.mesos;

/** Whether the simulated master leads, as a client of {@code /api/v1} sees it. */
public enum Leadership {
    /** Serves the API. */
    LEADING,
    /** Answers 307 with {@code Location: //<leader>/api/v1}, as a master that another one leads. */
    FOLLOWING,
    /** Answers 503, as a master while no leader is elected. */
    NO_LEADER
}
