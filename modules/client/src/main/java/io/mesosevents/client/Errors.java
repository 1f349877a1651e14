package io.mesosevents.client;

/** One-line descriptions of expected failures, for logs and disconnect reasons without stack traces. */
public final class Errors {

    private Errors() {
    }

    /**
     * The exception's type and the first message found along its causes: the HTTP client often
     * throws a bare {@code ConnectException} whose cause says "Connection refused".
     */
    public static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return error.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return error.getClass().getSimpleName();
    }
}
