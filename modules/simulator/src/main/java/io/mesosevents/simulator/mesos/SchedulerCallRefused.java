package io.mesosevents.simulator.mesos;

/**
 * The master refused an external scheduler's call; nothing changed. Over HTTP it is a 4xx answer
 * with {@code {"error": <message>, "reason": <reason>}}.
 */
public final class SchedulerCallRefused extends RuntimeException {

    /** Why, each with the HTTP status the control endpoints answer. */
    public enum Reason {
        /** No framework of that name can be taken over (only {@code marathon} can). */
        UNKNOWN_FRAMEWORK(404),
        /** The request is malformed or invalid. */
        INVALID(400),
        /** A launch or kill for a framework no external scheduler has taken over. */
        NOT_TAKEN_OVER(409),
        /** A launch with the id of a task the master knows. */
        DUPLICATE_TASK(409),
        /** No live agent has the free ports the task asks for. */
        NO_RESOURCES(409),
        /** A kill of a task the scheduler did not launch, or that has ended. */
        UNKNOWN_TASK(404);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;

    public SchedulerCallRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
