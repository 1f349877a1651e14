package io.mesosevents.simulator.marathon;

import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the simulator listens and how it names itself to clients (in its URL, {@code /v2/leader}
 * and {@code /v2/info}): a wildcard address is not something a client can reach, so the local host
 * stands in for it.
 *
 * @param host     the address listened on, as configured
 * @param hostname the name in URLs
 */
record ListenAddress(String host, String hostname) {

    static ListenAddress of(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("Cannot resolve the host to listen on, " + host, e);
        }
        if (!address.isAnyLocalAddress()) {
            return new ListenAddress(host, host);
        }
        InetAddress local;
        try {
            local = InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            local = InetAddress.getLoopbackAddress();
        }
        return new ListenAddress(host, local instanceof Inet6Address ? local.getHostAddress() : local.getHostName());
    }

    /** {@code host:port}, the host bracketed when it is an IPv6 literal. */
    String hostPort(int port) {
        return (hostname.contains(":") ? "[" + hostname + "]" : hostname) + ":" + port;
    }
}
