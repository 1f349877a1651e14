package io.mesosevents.registry.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One registry base URL (without user info, so that it can be logged) and the credentials to send
 * to it.
 */
public record RegistryEndpoint(URI baseUri, Optional<BasicCredentials> credentials) {

    public RegistryEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(credentials, "credentials");
        if (baseUri.getUserInfo() != null) {
            throw new IllegalArgumentException("baseUri must not carry user info; pass credentials instead");
        }
    }

    /** The absolute URI of {@code pathAndQuery} (which starts with a slash) under this base. */
    public URI resolve(String pathAndQuery) {
        String base = baseUri.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + pathAndQuery : base + pathAndQuery);
    }

    @Override
    public String toString() {
        return baseUri.toString();
    }
}
