package io.mesosevents.streams.rest;

/** A key or trust store of {@link TlsConfig} cannot be used; the message names the file and why, never a password. */
public final class TlsSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    TlsSetupException(String message) {
        super(message);
    }
}
