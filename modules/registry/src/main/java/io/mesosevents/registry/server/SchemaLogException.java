package io.mesosevents.registry.server;

/** The schema log could not be read or written. */
public final class SchemaLogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaLogException(String message) {
        super(message);
    }
}
