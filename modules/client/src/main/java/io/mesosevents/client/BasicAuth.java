package io.mesosevents.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** HTTP basic authentication of the Operator API client: a Mesos principal and its secret. */
public record BasicAuth(String principal, String secret) {

    public BasicAuth {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(secret, "secret");
    }

    /**
     * The {@code Authorization} header value. Sent with every request rather than after a 401
     * challenge, so that a subscription costs one round trip.
     */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[principal=" + principal + ", secret=***]";
    }
}
