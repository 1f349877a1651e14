package io.mesosevents.replay.read;

/** A time range that cannot be replayed as asked: in the future, reversed, or older than what the topics retain. */
public final class ReplayRangeException extends IllegalArgumentException {

    public ReplayRangeException(String message) {
        super(message);
    }
}
