package io.mesosevents.marathon;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a {@link CallbackReceiver} listens and what it registers with Marathon. Start from
 * {@link #listenOn(String, int)} and change what differs with the {@code with…} methods.
 *
 * @param host        the interface to listen on
 * @param port        the port to listen on; 0 for any free one
 * @param path        the path Marathon POSTs events to (default {@value #DEFAULT_PATH})
 * @param callbackUrl the URL to register, as Marathon reaches the receiver (through NAT, a load
 *                    balancer…); by default {@code http://host:port/path} with the bound port,
 *                    which needs a concrete {@code host}: a receiver listening on all
 *                    interfaces refuses to start without it
 */
public record CallbackReceiverConfig(String host, int port, String path, Optional<URI> callbackUrl) {

    public static final String DEFAULT_PATH = "/marathon/events";

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "*", "");

    public CallbackReceiverConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        callbackUrl.ifPresent(url -> {
            if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("A callback URL is http(s)://host:port/path: " + url);
            }
        });
    }

    /** Listens on {@code host:port} at the default path and registers the URL that says so. */
    public static CallbackReceiverConfig listenOn(String host, int port) {
        return new CallbackReceiverConfig(host, port, DEFAULT_PATH, Optional.empty());
    }

    public CallbackReceiverConfig withPath(String path) {
        return new CallbackReceiverConfig(host, port, path, callbackUrl);
    }

    public CallbackReceiverConfig withCallbackUrl(URI callbackUrl) {
        return new CallbackReceiverConfig(host, port, path, Optional.of(callbackUrl));
    }

    /** The URL to register, once the receiver listens on {@code boundPort}. */
    URI callbackUrl(int boundPort) {
        if (callbackUrl.isEmpty() && WILDCARDS.contains(host)) {
            throw new IllegalArgumentException("Listening on all interfaces (" + (host.isEmpty() ? "\"\"" : host)
                    + "), the receiver needs a callback URL that Marathon can reach");
        }
        return callbackUrl.orElseGet(() -> URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort + path));
    }
}
