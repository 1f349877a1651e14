package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Basic and bearer authentication on a real server: who gets what, and what the log says. */
class AuthRoutesTest {

    private static final String USER = "reader";
    // A colon and a non-ASCII letter: the password is everything after the first colon, in UTF-8.
    private static final String PASSWORD = "pä55:wörd";
    private static final String TOKEN = "t0ken-with.all~the+allowed/chars=";

    private static final List<String> PROTECTED = List.of("/api/v1/tasks", "/api/v1/tasks/eu1/t1", "/api/v1/instances",
            "/metrics", "/openapi.json", "/no/such/route");

    @TempDir
    static Path dir;

    private static AuthTlsTestServer basicServer;
    private static AuthTlsTestServer bearerServer;
    private static TlsTestClient basic;
    private static TlsTestClient bearer;

    @BeforeAll
    static void startServers() {
        basicServer = AuthTlsTestServer.start(dir.resolve("basic"), rest -> rest.withAuth(new AuthConfig.Basic(USER, PASSWORD)));
        bearerServer = AuthTlsTestServer.start(dir.resolve("bearer"), rest -> rest.withAuth(new AuthConfig.Bearer(TOKEN)));
        basic = TlsTestClient.http(basicServer.port());
        bearer = TlsTestClient.http(bearerServer.port());
    }

    @AfterAll
    static void stop() {
        for (AuthTlsTestServer server : new AuthTlsTestServer[] {basicServer, bearerServer}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void everyRouteButTheProbesNeedsCredentials() {
        for (String path : PROTECTED) {
            assertRejected(basic.get(path), "Basic realm=\"mesos-events\"");
            assertRejected(bearer.get(path), "Bearer realm=\"mesos-events\"");
            assertRejected(basic.get(path, Forwarder.HEADER, ForwardedScope.LOCAL), "Basic");
        }
    }

    @Test
    void wrongCredentialsGetTheSameAnswerAsNone() {
        String noCredentials = basic.get("/api/v1/tasks").body();
        for (String header : List.of(basicHeader(USER, "wrong"), basicHeader("someone", PASSWORD), basicHeader(USER, "pä55"),
                basicHeader(USER, PASSWORD + " "), "Basic " + base64(USER), "Basic !!!not-base64", "Basic", "Bearer " + TOKEN,
                basicHeader(USER, PASSWORD) + "x")) {
            HttpResponse<String> answer = basic.get("/api/v1/tasks", "Authorization", header);
            assertRejected(answer, "Basic");
            assertThat(answer.body()).as(header).isEqualTo(noCredentials);
        }
        for (String header : List.of("Bearer wrong", "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Bearer",
                "Token " + TOKEN, basicHeader(USER, TOKEN))) {
            assertRejected(bearer.get("/api/v1/tasks", "Authorization", header), "Bearer");
        }
    }

    @Test
    void theRightCredentialsPass() {
        for (TlsTestClient client : List.of(basic, bearer)) {
            String header = client == basic ? basicHeader(USER, PASSWORD) : "Bearer " + TOKEN;
            assertThat(client.get("/openapi.json", "Authorization", header).statusCode()).isEqualTo(200);
            assertThat(client.get("/metrics", "Authorization", header).statusCode()).isEqualTo(200);
            assertThat(client.get("/api/v1/tasks", "Authorization", header).statusCode()).as("not running yet").isEqualTo(503);
            assertThat(client.get("/no/such/route", "Authorization", header).statusCode()).isEqualTo(404);
        }
        assertThat(basic.get("/openapi.json", "Authorization", "basic " + basicHeader(USER, PASSWORD).substring(6)).statusCode())
                .as("the scheme in any case").isEqualTo(200);
        assertThat(bearer.get("/openapi.json", "Authorization", "bearer  " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void livenessAndReadinessStayOpenForProbes() {
        for (TlsTestClient client : List.of(basic, bearer)) {
            assertThat(client.json("/health", 200).path("status").asText()).isEqualTo("UP");
            assertThat(client.json("/ready", 503).path("state").asText()).isEqualTo("CREATED");
        }
    }

    @Test
    void forwardedRequestsCarryTheCredentials() {
        HostInfo target = new HostInfo("127.0.0.1", basicServer.port());
        Forwarder withCredentials = new Forwarder(Duration.ofSeconds(2), Duration.ofSeconds(10),
                HttpPeerSecurity.of(RestConfig.defaults().withAuth(new AuthConfig.Basic(USER, PASSWORD))));
        Forwarder without = new Forwarder(Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertThat(withCredentials.get(target, "/api/v1/instances", ForwardedScope.LOCAL).join())
                .as("this instance's own report").isInstanceOfSatisfying(Forwarder.Reply.Answered.class,
                        answered -> assertThat(answered.status()).isEqualTo(200));
        assertThat(without.get(target, "/api/v1/instances", ForwardedScope.LOCAL).join())
                .isInstanceOfSatisfying(Forwarder.Reply.Answered.class, answered -> assertThat(answered.status()).isEqualTo(401));
    }

    @Test
    void rejectionsAreLoggedWithoutWhatWasPresented() {
        Logger logger = (Logger) LoggerFactory.getLogger(AuthFailureLog.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(events);
        String wrongBasic = basicHeader(USER, PASSWORD + "-guess");
        // Its own servers, so that no other test has used up the first warning.
        try (AuthTlsTestServer bearerOnly = AuthTlsTestServer.start(dir.resolve("log-bearer"),
                rest -> rest.withAuth(new AuthConfig.Bearer(TOKEN)));
             AuthTlsTestServer basicOnly = AuthTlsTestServer.start(dir.resolve("log-basic"),
                     rest -> rest.withAuth(new AuthConfig.Basic(USER, PASSWORD)))) {
            TlsTestClient.http(bearerOnly.port()).get("/api/v1/tasks");
            TlsTestClient.http(bearerOnly.port()).get("/api/v1/tasks", "Authorization", "Bearer " + TOKEN + "-guess");
            TlsTestClient.http(basicOnly.port()).get("/metrics", "Authorization", wrongBasic);
        } finally {
            logger.detachAppender(events);
            logger.setLevel(level);
        }
        List<String> lines = events.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
        assertThat(lines).anyMatch(line -> line.startsWith("DEBUG") && line.contains("GET /api/v1/tasks") && line.contains("no credentials"))
                .anyMatch(line -> line.startsWith("DEBUG") && line.contains("GET /metrics") && line.contains("wrong credentials"))
                .anyMatch(line -> line.startsWith("WARN") && line.contains("1 request(s) with wrong credentials"));
        assertThat(String.join("\n", lines)).doesNotContain(TOKEN).doesNotContain(PASSWORD).doesNotContain(wrongBasic.substring(6));
        assertThat(events.list).allMatch(event -> event.getThrowableProxy() == null);
    }

    private static void assertRejected(HttpResponse<String> answer, String challenge) {
        assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith(challenge));
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JsonBodies.read(answer.body()).path("error").asText()).isEqualTo("authentication required");
    }

    private static String basicHeader(String user, String password) {
        return "Basic " + base64(user + ":" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
