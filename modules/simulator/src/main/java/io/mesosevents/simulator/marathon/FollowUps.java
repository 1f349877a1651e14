package io.mesosevents.simulator.marathon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Changes decided together and announced one event each, in order, before anything else happens.
 * A change is applied when its event is made, not when it is decided: so after any number of
 * events the truth is exactly what those events say, even when the model stops in the middle of a
 * burst. A change may turn out to announce nothing (null).
 */
final class FollowUps {

    private final Deque<Supplier<BusEvent>> queue = new ArrayDeque<>();

    void add(Supplier<BusEvent> change) {
        queue.addLast(change);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Applies the next change and returns its event, or null if it announced nothing. */
    BusEvent applyNext() {
        return queue.removeFirst().get();
    }
}
