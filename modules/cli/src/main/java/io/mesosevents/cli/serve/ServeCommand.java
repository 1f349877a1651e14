package io.mesosevents.cli.serve;

import io.mesosevents.cli.Foreground;
import io.mesosevents.cli.config.ConfigFileOption;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.streams.StreamsAppConfig;
import io.mesosevents.streams.rest.AuthConfig;
import io.mesosevents.streams.rest.RestConfig;
import io.mesosevents.streams.rest.TlsConfig;
import io.mesosevents.streams.rest.TlsMaterial;
import io.mesosevents.streams.rest.ViewsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mesos-events serve}: the views application and its interactive-query REST API, in the foreground. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
                "Materialises the views (tasks, apps, health, agents, frameworks, deployments) from the event topics with Kafka Streams "
                        + "and serves them over HTTP or HTTPS (/api/v1, /health, /ready, /metrics, /openapi.json), in the foreground.",
                "Start it again with the same settings and another --http-port to add an instance: instances share the stores "
                        + "and answer each other's queries."
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private ViewsOptions views;

    @Option(names = "--http-host", defaultValue = RestConfig.DEFAULT_HOST,
            description = "Address the HTTP server listens on (default: ${DEFAULT-VALUE}).")
    private String httpHost;

    @Option(names = "--http-port", defaultValue = "" + RestConfig.DEFAULT_PORT,
            description = "Port of the HTTP server (default: ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--application-server", paramLabel = "HOST:PORT",
            description = "Where the other instances reach this one's HTTP server (default: this host's name and --http-port).")
    private String applicationServer;

    @Option(names = "--application-id", defaultValue = StreamsAppConfig.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id: the instances' consumer group and the prefix of their internal topics "
                    + "(default: ${DEFAULT-VALUE}).")
    private String applicationId;

    @Option(names = "--create-topics", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Create missing topics with their cleanup policies at start, so the views can start before the "
                    + "first ingest (default: ${DEFAULT-VALUE}).")
    private boolean createTopics;

    @Option(names = "--max-lag", paramLabel = "RECORDS", defaultValue = "" + RestConfig.DEFAULT_MAX_LAG,
            description = "How many records a standby copy may be behind to answer when the active owner cannot, for requests "
                    + "without maxLag (default: ${DEFAULT-VALUE}).")
    private long maxLag;

    @Option(names = "--http-tls-keystore", paramLabel = "FILE",
            description = "PKCS12 key store with this instance's key and certificate: --http-port then speaks HTTPS only, and the "
                    + "instances forward to each other over HTTPS, so every instance needs it. The certificate must name the host "
                    + "of every instance's --application-server (default: none, plain HTTP).")
    private Path tlsKeyStore;

    @Option(names = "--http-tls-keystore-password", paramLabel = "PASSWORD",
            description = "Password of --http-tls-keystore and of its key. Env: MESOS_EVENTS_HTTP_TLS_KEYSTORE_PASSWORD.")
    private String tlsKeyStorePassword;

    @Option(names = "--http-tls-truststore", paramLabel = "FILE",
            description = "PKCS12 trust store with the certificates to trust when forwarding to the other instances "
                    + "(default: the certificates in --http-tls-keystore, enough when the instances share one key store).")
    private Path tlsTrustStore;

    @Option(names = "--http-tls-truststore-password", paramLabel = "PASSWORD",
            description = "Password of --http-tls-truststore. Env: MESOS_EVENTS_HTTP_TLS_TRUSTSTORE_PASSWORD.")
    private String tlsTrustStorePassword;

    @Option(names = "--http-auth", paramLabel = "none|basic|bearer", defaultValue = "none",
            description = "Credentials that every route except /health and /ready requires: none, basic (--http-auth-user and "
                    + "--http-auth-password) or bearer (--http-auth-token). Every instance needs the same (default: ${DEFAULT-VALUE}).")
    private HttpAuth httpAuth;

    @Option(names = "--http-auth-user", paramLabel = "USER", description = "User of --http-auth basic.")
    private String authUser;

    @Option(names = "--http-auth-password", paramLabel = "PASSWORD",
            description = "Password of --http-auth basic. Env: MESOS_EVENTS_HTTP_AUTH_PASSWORD.")
    private String authPassword;

    @Option(names = "--http-auth-token", paramLabel = "TOKEN",
            description = "Token of --http-auth bearer. Env: MESOS_EVENTS_HTTP_AUTH_TOKEN.")
    private String authToken;

    /** The values of {@code --http-auth}. */
    enum HttpAuth {
        NONE, BASIC, BEARER
    }

    @Override
    public Integer call() throws Exception {
        if (maxLag < 0) {
            throw new InvalidSettingException("--max-lag must not be negative");
        }
        RestConfig rest = restConfig();
        // A wrong store path or password fails now, before any topic is created.
        rest.tls().ifPresent(TlsMaterial::load);
        String server = applicationServer != null ? applicationServer : localHostName() + ":" + httpPort;
        StreamsAppConfig config;
        try {
            config = views.config(applicationId, httpPort).withApplicationServer(server);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage().replace("applicationServer", "--application-server"));
        }
        if (createTopics) {
            // Creating them also lets serve start before the first ingest.
            views.createTopics(config);
        }
        ViewsServer running = ViewsServer.start(config, rest);
        Foreground.runUntilStopped("views server", running, () -> {
            spec.commandLine().getOut().printf("Serving the views of %s (application %s) as %s: interactive queries on %s://%s:%d/api/v1%n",
                    views.kafka().bootstrapServers(), applicationId, server, rest.scheme(), httpHost, running.port());
            spec.commandLine().getOut().flush();
        });
        return 0;
    }

    /** The HTTP server's settings, TLS and authentication included; a missing or stray setting is an error naming the flag. */
    RestConfig restConfig() {
        RestConfig rest = RestConfig.defaults().withHost(httpHost).withPort(httpPort).withDefaultMaxLag(maxLag).withAuth(auth());
        return tls().map(rest::withTls).orElse(rest);
    }

    private Optional<TlsConfig> tls() {
        if (tlsKeyStore == null) {
            rejectGiven("is set but --http-tls-keystore is not: give the key store to serve HTTPS, or drop the TLS settings",
                    "--http-tls-keystore-password", tlsKeyStorePassword, "--http-tls-truststore", tlsTrustStore,
                    "--http-tls-truststore-password", tlsTrustStorePassword);
            return Optional.empty();
        }
        if (tlsKeyStorePassword == null) {
            throw new InvalidSettingException("--http-tls-keystore needs --http-tls-keystore-password "
                    + "(or MESOS_EVENTS_HTTP_TLS_KEYSTORE_PASSWORD)");
        }
        TlsConfig tls = TlsConfig.withKeyStore(tlsKeyStore, tlsKeyStorePassword);
        if (tlsTrustStore == null) {
            rejectGiven("is set but --http-tls-truststore is not", "--http-tls-truststore-password", tlsTrustStorePassword);
            return Optional.of(tls);
        }
        return Optional.of(tls.withTrustStore(tlsTrustStore, tlsTrustStorePassword == null ? "" : tlsTrustStorePassword));
    }

    private AuthConfig auth() {
        try {
            switch (httpAuth) {
                case BASIC -> {
                    rejectGiven("is for --http-auth bearer, not basic", "--http-auth-token", authToken);
                    requireGiven("--http-auth basic needs --http-auth-user", authUser);
                    requireGiven("--http-auth basic needs --http-auth-password (or MESOS_EVENTS_HTTP_AUTH_PASSWORD)", authPassword);
                    return new AuthConfig.Basic(authUser, authPassword);
                }
                case BEARER -> {
                    rejectGiven("is for --http-auth basic, not bearer", "--http-auth-user", authUser, "--http-auth-password",
                            authPassword);
                    requireGiven("--http-auth bearer needs --http-auth-token (or MESOS_EVENTS_HTTP_AUTH_TOKEN)", authToken);
                    return new AuthConfig.Bearer(authToken);
                }
                default -> {
                    rejectGiven("is set but --http-auth is none: give --http-auth basic or bearer, or drop it", "--http-auth-user",
                            authUser, "--http-auth-password", authPassword, "--http-auth-token", authToken);
                    return AuthConfig.none();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--http-auth " + httpAuth.name().toLowerCase(Locale.ROOT) + ": "
                    + e.getMessage());
        }
    }

    private static void requireGiven(String message, Object value) {
        if (value == null) {
            throw new InvalidSettingException(message);
        }
    }

    /** An error naming every option of {@code namesAndValues} (name, value, name, value…) that has a value. */
    private static void rejectGiven(String why, Object... namesAndValues) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                given.add((String) namesAndValues[i]);
            }
        }
        if (!given.isEmpty()) {
            throw new InvalidSettingException(String.join(", ", given) + " " + why);
        }
    }


    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new InvalidSettingException("Cannot find this host's name (" + e.getMessage() + "); give --application-server HOST:PORT");
        }
    }

}
