package io.mesosevents.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * TLS material for HTTPS registries: a trust store for the server certificate (the JDK's default
 * trust anchors when absent) and, for mutual TLS, a key store with the client certificate.
 */
public record TlsConfig(Optional<Store> truststore, Optional<Store> keystore, Optional<String> keyPassword) {

    /** A key or trust store file; {@link #toString()} never shows the password. */
    public record Store(Path location, Optional<String> password, String type) {
        public Store {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(type, "type");
        }

        KeyStore load(String property) {
            try (InputStream in = Files.newInputStream(location)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password.map(String::toCharArray).orElse(null));
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new ConfigException(property, location.toString(), "cannot load " + type + " store: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "Store[location=" + location + ", type=" + type + ", password=" + (password.isPresent() ? "***" : "none") + "]";
        }
    }

    public TlsConfig {
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keyPassword, "keyPassword");
    }

    @Override
    public String toString() {
        return "TlsConfig[truststore=" + truststore + ", keystore=" + keystore + ", keyPassword="
                + (keyPassword.isPresent() ? "***" : "none") + "]";
    }

    /** Builds the SSL context; a configuration error names the offending property. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = null;
            if (truststore.isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(truststore.get().load(SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION));
            }
            KeyManagerFactory keys = null;
            if (keystore.isPresent()) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                // Like Kafka, the key password defaults to the store password.
                char[] password = keyPassword.or(keystore.get()::password).map(String::toCharArray).orElse(new char[0]);
                keys.init(keystore.get().load(SchemaRegistryClientConfig.SSL_KEYSTORE_LOCATION), password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot build the TLS context for the schema registry client: " + e.getMessage());
        }
    }
}
