package io.mesosevents.streams.app;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of an exception instead of stopping the instance.
 *
 * <p>Under exactly-once the failed thread's open transaction is aborted and its replacement picks
 * the tasks up from the last commit, so nothing is applied twice; the process stays up and keeps
 * serving queries from its other threads and standbys meanwhile. A poison record that kills every
 * replacement shows up as this line repeating, which is what an operator needs to see.
 */
final class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ThreadReplacingHandler.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        log.error("A stream thread failed and is replaced: {}", causeChain(exception));
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** "outer: message <- cause: message …", so one line names the root cause too. */
    static String causeChain(Throwable exception) {
        StringBuilder line = new StringBuilder(exception.toString());
        Throwable cause = exception.getCause();
        for (int depth = 0; cause != null && cause != exception && depth < 5; depth++, cause = cause.getCause()) {
            line.append(" <- ").append(cause);
        }
        return line.toString();
    }
}
