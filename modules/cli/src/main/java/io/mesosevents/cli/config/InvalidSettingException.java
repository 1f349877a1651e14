package io.mesosevents.cli.config;

/** A setting given in a file, the environment or on the command line cannot be used; the message says which and why. */
public final class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
