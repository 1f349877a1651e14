package io.mesosevents.simulator.mesos;

import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the simulated masters listen and how they name themselves to clients: a wildcard address
 * is not something a client can be redirected to, so the local host stands in for it.
 *
 * @param host     the address listened on, as configured
 * @param hostname the name in URLs, {@code Location} headers and {@code MasterInfo}
 * @param address  the address a client reaches the masters at
 */
record ListenAddress(String host, String hostname, InetAddress address) {

    static ListenAddress of(String host) {
        InetAddress address = resolve(host);
        if (!address.isAnyLocalAddress()) {
            return new ListenAddress(host, host, address);
        }
        InetAddress local = localAddress();
        return new ListenAddress(host, local instanceof Inet6Address ? local.getHostAddress() : local.getHostName(), local);
    }

    /** {@code host:port}, the host bracketed when it is an IPv6 literal. */
    String hostPort(int port) {
        return (hostname.contains(":") ? "[" + hostname + "]" : hostname) + ":" + port;
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("Cannot resolve the host to listen on, " + host, e);
        }
    }

    private static InetAddress localAddress() {
        try {
            return InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
