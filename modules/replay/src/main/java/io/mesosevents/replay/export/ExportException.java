package io.mesosevents.replay.export;

/** An export that could not be completed; the message says what and where (file, topic-partition, offset). */
public final class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
