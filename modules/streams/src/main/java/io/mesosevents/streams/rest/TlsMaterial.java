package io.mesosevents.streams.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The stores of a {@link TlsConfig}, loaded and checked: the key store this instance serves HTTPS
 * with, and the certificates it trusts when it forwards to the other instances.
 */
public final class TlsMaterial {

    private final KeyStore keyStore;
    private final String keyStorePassword;
    private final KeyStore trustStore;

    private TlsMaterial(KeyStore keyStore, String keyStorePassword, KeyStore trustStore) {
        this.keyStore = keyStore;
        this.keyStorePassword = keyStorePassword;
        this.trustStore = trustStore;
    }

    /**
     * Reads both stores; a missing file, a wrong password, a key store without a private key or a trust
     * store without a certificate is a {@link TlsSetupException} naming the file.
     */
    public static TlsMaterial load(TlsConfig config) {
        KeyStore keys = read(config.keyStore(), config.keyStorePassword().toCharArray(), "key store");
        requirePrivateKey(keys, config);
        KeyStore trust = config.trustStore()
                .map(path -> read(path, config.trustStorePassword().isEmpty() ? null : config.trustStorePassword().toCharArray(),
                        "trust store"))
                .orElseGet(() -> certificatesOf(keys));
        String trustName = config.trustStore().map(path -> "the TLS trust store " + path)
                .orElse("the TLS key store " + config.keyStore());
        try {
            if (trust.size() == 0) {
                throw new TlsSetupException(trustName + " holds no certificate to trust (a PKCS12 store read without its "
                        + "password shows none)");
            }
        } catch (KeyStoreException e) {
            throw new TlsSetupException(trustName + " cannot be read: " + e.getMessage(), e);
        }
        return new TlsMaterial(keys, config.keyStorePassword(), trust);
    }

    /** Jetty's server side: this instance's key, no client certificates asked for. */
    SslContextFactory.Server serverContextFactory() {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(keyStore);
        factory.setKeyStorePassword(keyStorePassword);
        factory.setKeyManagerPassword(keyStorePassword);
        return factory;
    }

    /** The client side towards the other instances: trusts exactly the trust store's certificates. */
    SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set up TLS towards the other instances: " + e.getMessage(), e);
        }
    }

    /** {@code password} null: read without checking the store's integrity (a trust store without a password). */
    private static KeyStore read(Path path, char[] password, String what) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(TlsConfig.STORE_TYPE);
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new TlsSetupException("the TLS " + what + " " + path + " does not exist", e);
        } catch (IOException e) {
            boolean badPassword = e.getCause() instanceof UnrecoverableKeyException;
            throw new TlsSetupException("the TLS " + what + " " + path + " cannot be read: "
                    + (badPassword ? "wrong password" : "not a PKCS12 file or wrong password (" + e.getMessage() + ")"), e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("the TLS " + what + " " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every certificate of {@code keys}, its key entries' chains included, as trusted entries. */
    private static KeyStore certificatesOf(KeyStore keys) {
        try {
            KeyStore trust = KeyStore.getInstance(TlsConfig.STORE_TYPE);
            trust.load(null, null);
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.isCertificateEntry(alias)) {
                    trust.setCertificateEntry(alias, keys.getCertificate(alias));
                } else if (keys.isKeyEntry(alias)) {
                    Certificate[] chain = keys.getCertificateChain(alias);
                    for (int i = 0; chain != null && i < chain.length; i++) {
                        trust.setCertificateEntry(alias + "#" + i, chain[i]);
                    }
                }
            }
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("cannot take the certificates of the TLS key store: " + e.getMessage(), e);
        }
    }

    /**
     * At least one private key, readable with the store's password (PKCS12 tools give the key the store's
     * password): a wrong one fails at start, not at the first handshake.
     */
    private static void requirePrivateKey(KeyStore keys, TlsConfig config) {
        try {
            boolean found = false;
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.isKeyEntry(alias)) {
                    keys.getKey(alias, config.keyStorePassword().toCharArray());
                    found = true;
                }
            }
            if (!found) {
                throw new TlsSetupException("the TLS key store " + config.keyStore() + " holds no private key");
            }
        } catch (UnrecoverableKeyException e) {
            throw new TlsSetupException("the private key in the TLS key store " + config.keyStore()
                    + " cannot be read with the key store's password", e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("the TLS key store " + config.keyStore() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
