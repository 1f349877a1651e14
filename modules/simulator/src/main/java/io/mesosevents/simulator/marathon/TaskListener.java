package io.mesosevents.simulator.marathon;

/** Receives the status updates of a {@link TaskBackend}. */
@FunctionalInterface
public interface TaskListener {

    void onUpdate(TaskUpdate update);
}
