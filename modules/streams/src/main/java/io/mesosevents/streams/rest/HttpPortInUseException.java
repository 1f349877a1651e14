package io.mesosevents.streams.rest;

/** The HTTP port asked for is taken by another process. */
public final class HttpPortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HttpPortInUseException(String host, int port) {
        super("HTTP port " + port + " on " + host + " is already in use; stop the process holding it or choose another port");
    }
}
