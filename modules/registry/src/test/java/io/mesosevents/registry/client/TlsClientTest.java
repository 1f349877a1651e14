package io.mesosevents.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.mesosevents.registry.testing.StubHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a self-signed certificate made by the JDK's keytool at test time: the client trusts
 * it through its trust store, and presents it as its own certificate for mutual TLS.
 */
class TlsClientTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static Path truststore;

    private StubHttpServer server;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = dir.resolve("registry.p12");
        truststore = dir.resolve("trust.p12");
        Path certificate = dir.resolve("registry.crt");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "registry", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void trustsTheRegistryThroughTheTrustStore() throws Exception {
        server = httpsServer(false);
        assertThat(client(Map.of()).subjects()).containsExactly("tls");
    }

    @Test
    void presentsTheClientCertificateForMutualTls() throws Exception {
        server = httpsServer(true);
        assertThat(client(Map.of(
                SchemaRegistryClientConfig.SSL_KEYSTORE_LOCATION, keystore.toString(),
                SchemaRegistryClientConfig.SSL_KEYSTORE_PASSWORD, PASSWORD,
                SchemaRegistryClientConfig.SSL_KEYSTORE_TYPE, "PKCS12")).subjects()).containsExactly("tls");
    }

    @Test
    void refusesAnUntrustedRegistry() throws Exception {
        server = httpsServer(false);
        SchemaRegistryClient untrusting = SchemaRegistryClient.fromConfig(Map.of(
                SchemaRegistryClientConfig.URL, server.url(), SchemaRegistryClientConfig.RETRIES, 0));
        assertThatThrownBy(untrusting::subjects)
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining("SSLHandshakeException");
    }

    private SchemaRegistryClient client(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(SchemaRegistryClientConfig.URL, server.url());
        config.put(SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION, truststore.toString());
        config.put(SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD, PASSWORD);
        config.put(SchemaRegistryClientConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        return SchemaRegistryClient.fromConfig(config);
    }

    private static StubHttpServer httpsServer(boolean needClientAuth) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(truststore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(needClientAuth);
            }
        });
        return StubHttpServer.start(https, "https", request -> new StubHttpServer.Reply(200, "[\"tls\"]"));
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
