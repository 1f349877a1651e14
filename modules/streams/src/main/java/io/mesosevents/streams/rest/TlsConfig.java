package io.mesosevents.streams.rest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTPS on the interactive-query port. With it the port speaks TLS only (no plain HTTP beside it),
 * and this instance forwards to the others over HTTPS as well, so every instance of one application
 * must have it.
 *
 * @param keyStore           PKCS12 file holding this instance's private key and certificate chain; the
 *                           certificate must name the host of every instance's application server
 *                           (clients check it, and so do the instances when they forward)
 * @param keyStorePassword   its password, which is also the key's (may be empty, never null)
 * @param trustStore         PKCS12 file with the certificates to trust when forwarding to the other
 *                           instances; empty (the default) trusts the certificates of {@code keyStore}
 *                           itself, so instances sharing one key store, or whose key stores carry their
 *                           common CA, trust each other without one
 * @param trustStorePassword its password; empty (the default) for none
 */
public record TlsConfig(Path keyStore, String keyStorePassword, Optional<Path> trustStore, String trustStorePassword) {

    /** The type of both stores. */
    public static final String STORE_TYPE = "PKCS12";

    public TlsConfig {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (trustStore.isEmpty() && !trustStorePassword.isEmpty()) {
            throw new IllegalArgumentException("a trust store password without a trust store");
        }
    }

    /** HTTPS with this key store, trusting its own certificates. */
    public static TlsConfig withKeyStore(Path keyStore, String password) {
        return new TlsConfig(keyStore, password, Optional.empty(), "");
    }

    /** The same, trusting the certificates of {@code store} instead when forwarding. */
    public TlsConfig withTrustStore(Path store, String password) {
        return new TlsConfig(keyStore, keyStorePassword, Optional.of(store), password);
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + keyStore + ", keyStorePassword=***, trustStore="
                + trustStore.map(Path::toString).orElse("(the key store)") + ", trustStorePassword=***]";
    }
}
