package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Jetty serving HTTPS from a key store made by keytool, and the forwarding client that reaches it. */
class TlsServerTest {

    @TempDir
    static Path dir;

    private static Path keyStore;
    private static AuthTlsTestServer server;
    private static TlsTestClient https;

    @BeforeAll
    static void startHttpsServer() {
        keyStore = TlsTestStores.selfSigned(dir, "server");
        server = AuthTlsTestServer.start(dir.resolve("state"),
                rest -> rest.withTls(TlsConfig.withKeyStore(keyStore, TlsTestStores.PASSWORD)));
        https = TlsTestClient.https(server.port(), keyStore);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRoutesAnswerOverHttps() {
        assertThat(https.json("/health", 200).path("status").asText()).isEqualTo("UP");
        assertThat(https.json("/openapi.json", 200).path("paths").has("/api/v1/tasks/{id}")).isTrue();
        HttpResponse<String> tasks = https.get("/api/v1/tasks");
        assertThat(tasks.statusCode()).as("a query before Kafka Streams runs").isEqualTo(503);
        assertThat(tasks.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void plainHttpOnThePortFails() {
        assertThatThrownBy(() -> TlsTestClient.http(server.port()).send("/health")).isInstanceOf(IOException.class);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        Path stranger = TlsTestStores.selfSigned(dir, "stranger");

        assertThatThrownBy(() -> TlsTestClient.https(server.port(), stranger).send("/health"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theForwarderTrustsTheKeyStoresOwnCertificateByDefault() {
        Forwarder.Reply reply = forwarder(TlsConfig.withKeyStore(keyStore, TlsTestStores.PASSWORD)).get(self(), "/health",
                ForwardedScope.LOCAL).join();

        assertThat(reply).isInstanceOf(Forwarder.Reply.Answered.class);
        assertThat(((Forwarder.Reply.Answered) reply).status()).isEqualTo(200);
    }

    @Test
    void theForwarderTrustsAGivenTrustStoreInstead() {
        Path own = TlsTestStores.selfSigned(dir, "other-instance");
        Path trust = TlsTestStores.trustStoreOf(keyStore, "server", dir, "server-trust");

        Forwarder.Reply trusting = forwarder(TlsConfig.withKeyStore(own, TlsTestStores.PASSWORD)
                .withTrustStore(trust, TlsTestStores.PASSWORD)).get(self(), "/health", ForwardedScope.LOCAL).join();
        Forwarder.Reply notTrusting = forwarder(TlsConfig.withKeyStore(own, TlsTestStores.PASSWORD)).get(self(), "/health",
                ForwardedScope.LOCAL).join();

        assertThat(trusting).isInstanceOf(Forwarder.Reply.Answered.class);
        assertThat(notTrusting).as("its own certificate is not the server's").isInstanceOf(Forwarder.Reply.Unreachable.class);
        assertThat(((Forwarder.Reply.Unreachable) notTrusting).reason()).contains("SSLHandshakeException");
    }

    @Test
    void aWrongPasswordIsAClearErrorAtStartNamingTheFileNotThePassword() {
        assertThatThrownBy(() -> AuthTlsTestServer.start(dir.resolve("state-2"),
                rest -> rest.withTls(TlsConfig.withKeyStore(keyStore, "not-the-password"))))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageContaining(keyStore.toString()).hasMessageContaining("wrong password")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void unusableStoresAreClearErrors() throws IOException {
        Path missing = dir.resolve("missing.p12");
        assertThatThrownBy(() -> TlsMaterial.load(TlsConfig.withKeyStore(missing, "x")))
                .isInstanceOf(TlsSetupException.class).hasMessage("the TLS key store " + missing + " does not exist");

        Path text = Files.writeString(dir.resolve("text.p12"), "not a key store");
        assertThatThrownBy(() -> TlsMaterial.load(TlsConfig.withKeyStore(text, "x")))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("the TLS key store " + text + " cannot be read");

        Path trust = TlsTestStores.trustStoreOf(keyStore, "server", dir, "only-certificates");
        assertThatThrownBy(() -> TlsMaterial.load(TlsConfig.withKeyStore(trust, TlsTestStores.PASSWORD)))
                .as("a trust store given as key store").isInstanceOf(TlsSetupException.class).hasMessageContaining("no private key");
        assertThatThrownBy(() -> TlsMaterial.load(TlsConfig.withKeyStore(keyStore, TlsTestStores.PASSWORD).withTrustStore(trust, "")))
                .as("a trust store read without its password").isInstanceOf(TlsSetupException.class)
                .hasMessageContaining("the TLS trust store " + trust + " holds no certificate");
    }

    private static Forwarder forwarder(TlsConfig tls) {
        return new Forwarder(Duration.ofSeconds(2), Duration.ofSeconds(10),
                HttpPeerSecurity.of(RestConfig.defaults().withTls(tls)));
    }

    private static HostInfo self() {
        return new HostInfo("127.0.0.1", server.port());
    }
}
