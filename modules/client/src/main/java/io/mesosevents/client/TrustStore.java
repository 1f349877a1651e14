package io.mesosevents.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

/**
 * The certificates to trust for {@code https} masters, for clusters signed by a private CA.
 *
 * @param path     the key store file
 * @param password its password; empty for a store without one
 * @param type     the key store type, {@code PKCS12} by default ({@link #of(Path, String)}), or {@code JKS}
 */
public record TrustStore(Path path, String password, String type) {

    public static final String DEFAULT_TYPE = "PKCS12";

    public TrustStore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(type, "type");
    }

    public static TrustStore of(Path path, String password) {
        return new TrustStore(path, password, DEFAULT_TYPE);
    }

    /** A TLS context that trusts exactly the certificates of this store. */
    public SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.isEmpty() ? null : password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    public String toString() {
        return "TrustStore[path=" + path + ", password=***, type=" + type + "]";
    }
}
