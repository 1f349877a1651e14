package io.mesosevents.replay.rebuild;

/**
 * A rebuild that cannot start or did not finish, for a reason the operator can act on (the old
 * application still running, the new one stopping with an error): its message says what to do,
 * and the command prints it without a stack trace.
 */
public final class RebuildException extends RuntimeException {

    public RebuildException(String message) {
        super(message);
    }

    public RebuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
