package io.mesosevents.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds and checks TCP ports before a server binds them, so a taken port fails with a clear message. */
final class FreePorts {

    private FreePorts() {
    }

    /** A port that is free on {@code host} right now. */
    static int pick(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + host, e);
        }
    }

    /** {@code port} itself if it is free, a free port if it is 0; otherwise fails naming what wanted it. */
    static int claim(String host, int port, String purpose) {
        if (port == 0) {
            return pick(host);
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new PortInUseException(purpose, host, port);
        }
    }
}
