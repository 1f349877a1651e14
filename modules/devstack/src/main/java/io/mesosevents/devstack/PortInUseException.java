package io.mesosevents.devstack;

/** A port the user asked for is taken by another process. */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PortInUseException(String purpose, String host, int port) {
        super(purpose + " port " + port + " on " + host + " is already in use; stop the process holding it or choose another port");
    }
}
