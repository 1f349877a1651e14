package io.mesosevents.mesos;

import io.mesosevents.client.BackoffPolicy;
import io.mesosevents.client.TrustStore;
import org.apache.mesos.v1.master.Protos.Event;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribes over https to a master whose certificate only a custom trust store trusts. */
class MesosSubscriberTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static SSLContext serverContext;
    private static Path trustStore;

    @BeforeAll
    static void certificates() throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "master", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "1",
                "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();

        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(server, PASSWORD.toCharArray());
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("master", server.getCertificate("master"));
        trustStore = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD.toCharArray());
        }
    }

    @Test
    void subscribesOverHttpsWithACustomTrustStore() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (FakeMaster master = FakeMaster.startTls(serverContext)
                .then(FakeMaster.streamThenStall(MesosEncoding.PROTOBUF, List.of(Events.framed(MesosEncoding.PROTOBUF, Events.subscribed(15)))));
             MesosSubscriber subscriber = new MesosSubscriber(MesosClientConfig.forMasters(List.of(master.url()))
                     .withTrustStore(TrustStore.of(trustStore, PASSWORD))
                     .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60))), handler)) {
            subscriber.start();

            assertThat(handler.next(RecordingHandler.Connected.class).session().master().getScheme()).isEqualTo("https");
            handler.nextEvent(Event.Type.SUBSCRIBED);
        }
    }

    @Test
    void doesNotTrustTheMasterWithoutTheTrustStore() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        try (FakeMaster master = FakeMaster.startTls(serverContext);
             MesosSubscriber subscriber = new MesosSubscriber(MesosClientConfig.forMasters(List.of(master.url()))
                     .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(60))), handler)) {
            subscriber.start();

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (subscriber.reconnects() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(subscriber.reconnects()).as("attempts that failed the handshake").isPositive();
            assertThat(subscriber.session()).isEmpty();
        }
    }
}
