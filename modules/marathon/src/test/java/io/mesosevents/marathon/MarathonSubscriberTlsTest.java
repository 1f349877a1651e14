package io.mesosevents.marathon;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.BasicAuth;
import io.mesosevents.client.TrustStore;
import io.mesosevents.marathon.RecordingHandler.Connected;
import io.mesosevents.marathon.RecordingHandler.Snapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import static io.mesosevents.marathon.FakeMarathon.redirect;
import static io.mesosevents.marathon.FakeMarathon.streamThenStall;
import static io.mesosevents.marathon.MarathonEvents.attached;
import static io.mesosevents.marathon.MarathonEvents.frame;
import static org.assertj.core.api.Assertions.assertThat;

/** Streams over https from a Marathon whose self-signed certificate only a custom trust store trusts. */
class MarathonSubscriberTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static SSLContext serverContext;
    private static TrustStore trustStore;

    @BeforeAll
    static void certificates() throws Exception {
        Path keyStore = dir.resolve("marathon.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "marathon", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "1", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(managers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("marathon", keys.getCertificate("marathon"));
        Path trustFile = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustFile)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        trustStore = TrustStore.of(trustFile, PASSWORD);
    }

    private static MarathonClientConfig config(FakeMarathon marathon) {
        return MarathonClientConfig.forMarathons(List.of(marathon.url()))
                .withTrustStore(trustStore)
                .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60)));
    }

    @Test
    void streamsOverHttpsWithACustomTrustStore() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (FakeMarathon marathon = FakeMarathon.startTls(serverContext).on("/v2/events", streamThenStall(frame(attached())));
             MarathonSubscriber subscriber = new MarathonSubscriber(config(marathon), handler)) {
            subscriber.start();

            assertThat(handler.next(Connected.class).session().marathon()).isEqualTo(marathon.url());
            handler.next(Snapshot.class);
            handler.nextEvent("event_stream_attached");
        }
    }

    @Test
    void aRedirectToAnotherSchemeDoesNotCarryTheCredentials() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        BasicAuth auth = new BasicAuth("ops", "s3cret");
        try (FakeMarathon leader = FakeMarathon.startTls(serverContext).on("/v2/events", streamThenStall(frame(attached())));
             FakeMarathon standby = FakeMarathon.start().on("/v2/events", redirect(leader.url() + "/v2/events"));
             MarathonSubscriber subscriber = new MarathonSubscriber(config(standby).withBasicAuth(auth), handler)) {
            subscriber.start();

            assertThat(handler.next(Connected.class).session().marathon()).isEqualTo(leader.url());
            assertThat(standby.request("/v2/events").header("Authorization")).isEqualTo(auth.authorizationHeader());
            assertThat(leader.request("/v2/events").header("Authorization")).isNull();
            handler.next(Snapshot.class);
            // Nor do the snapshot reads from the leader that redirect named.
            assertThat(leader.request("/v2/apps").header("Authorization")).isNull();
        }
    }
}
