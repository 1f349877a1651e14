package io.mesosevents.simulator.mesos;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Who leads a simulated cluster. While {@code state} is {@link LeaderState#LEADING}, the front-end
 * {@code elected} leads and every other one redirects to it; otherwise every front-end answers as
 * {@code state} says (307 to a master outside the cluster, or 503), and {@code elected} is the one
 * that leads again on {@link LeaderState#LEADING} without a new election.
 *
 * @param elected index of the front-end that won the last election
 */
record Election(LeaderState state, int elected) {

    Election {
        Objects.requireNonNull(state, "state");
        if (elected < 0) {
            throw new IllegalArgumentException("elected must not be negative, was " + elected);
        }
    }

    /** The front-end that leads, if one of the cluster does. */
    OptionalInt leading() {
        return state.leadership() == Leadership.LEADING ? OptionalInt.of(elected) : OptionalInt.empty();
    }

    /** How front-end {@code index} answers, given the elected front-end's {@code host:port}. */
    LeaderState seenBy(int index, String electedHostPort) {
        if (state.leadership() != Leadership.LEADING || index == elected) {
            return state;
        }
        return LeaderState.following(electedHostPort);
    }
}
