package io.mesosevents.streams.rest;

import java.net.http.HttpClient;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How this instance reaches the other instances of its application, which share its settings: over
 * HTTPS trusting the configured certificates when TLS is on, and with the configured credentials
 * (the caller's own, as every caller that got this far presented them) when authentication is on.
 */
final class HttpPeerSecurity {

    private final String scheme;
    private final Optional<SSLContext> tls;
    private final Optional<String> authorization;

    private HttpPeerSecurity(String scheme, Optional<SSLContext> tls, Optional<String> authorization) {
        this.scheme = scheme;
        this.tls = tls;
        this.authorization = authorization;
    }

    /** Plain HTTP without credentials. */
    static HttpPeerSecurity plain() {
        return new HttpPeerSecurity("http", Optional.empty(), Optional.empty());
    }

    /** As {@code config} says; reads the trust store (a {@link TlsSetupException} when it cannot). */
    static HttpPeerSecurity of(RestConfig config) {
        return new HttpPeerSecurity(config.scheme(), config.tls().map(tls -> TlsMaterial.load(tls).clientContext()),
                config.auth().authorizationHeader());
    }

    /** {@code http} or {@code https}. */
    String scheme() {
        return scheme;
    }

    /** The client's builder with the TLS trust, when there is TLS. */
    HttpClient.Builder configure(HttpClient.Builder builder) {
        tls.ifPresent(builder::sslContext);
        return builder;
    }

    /** The {@code Authorization} value forwarded requests carry, when authentication is on. */
    Optional<String> authorization() {
        return authorization;
    }

    @Override
    public String toString() {
        return "HttpPeerSecurity[scheme=" + scheme + ", authorization=" + (authorization.isPresent() ? "***" : "none") + "]";
    }
}
