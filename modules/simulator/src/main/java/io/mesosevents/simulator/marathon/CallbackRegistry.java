package io.mesosevents.simulator.marathon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The real callback subscribers of {@code /v2/eventSubscriptions}, each with its sender. Not thread-safe: the bus guards it. */
final class CallbackRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackRegistry.class);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int queueLimit;
    private final Map<String, CallbackSender> senders = new LinkedHashMap<>();

    CallbackRegistry(int queueLimit) {
        this.queueLimit = queueLimit;
    }

    /** An absolute http(s) URL, or an {@link IllegalArgumentException} saying what is wrong. */
    static String requireCallbackUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Missing query parameter callbackUrl");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid callbackUrl '" + url + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("Invalid callbackUrl '" + url + "': not an absolute http(s) URL");
        }
        return url;
    }

    /** Starts delivering to {@code url}; false if it already was. */
    boolean add(String url) {
        if (senders.containsKey(url)) {
            return false;
        }
        CallbackSender sender = new CallbackSender(url, http, queueLimit);
        senders.put(url, sender);
        sender.start();
        LOG.info("Callback subscriber {} added", url);
        return true;
    }

    /** Stops delivering to {@code url}; false if it was not subscribed. */
    boolean remove(String url) {
        CallbackSender sender = senders.remove(url);
        if (sender == null) {
            return false;
        }
        sender.stop();
        return true;
    }

    void deliver(BusEvent event) {
        senders.values().forEach(sender -> sender.offer(event));
    }

    List<String> urls() {
        return List.copyOf(senders.keySet());
    }

    void close() {
        senders.values().forEach(CallbackSender::stop);
        senders.clear();
    }
}
