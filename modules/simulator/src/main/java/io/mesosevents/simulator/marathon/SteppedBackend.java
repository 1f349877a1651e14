package io.mesosevents.simulator.marathon;

/**
 * A {@link TaskBackend} that reports only when the model asks it to, on the model's thread, so
 * that what Mesos does is part of the seeded event sequence instead of racing it. The model
 * weighs {@link #weight()} against its own choices and calls {@link #step()} when it comes up.
 */
interface SteppedBackend extends TaskBackend {

    /** How likely a step of the backend is now, on the scale of the model's own weights; 0 when nothing can happen. */
    double weight();

    /** Makes one thing happen and delivers its status update(s) before returning. */
    void step();

    /**
     * Brings every task launched so far straight to {@code TASK_RUNNING} (healthy, when checked),
     * delivering the updates before returning: the cluster as Marathon finds it when it starts.
     */
    void settle();
}
