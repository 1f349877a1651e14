package io.mesosevents.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mesosevents.cli.config.EnvironmentAwareFactory;
import io.mesosevents.cli.config.InvalidSettingException;
import io.mesosevents.cli.config.SettingsDefaultProvider;
import io.mesosevents.streams.rest.AuthConfig;
import io.mesosevents.streams.rest.RestConfig;
import io.mesosevents.streams.rest.TlsConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The TLS and authentication flags of {@code serve}, from the command line and the environment, into the typed settings. */
class AuthAndTlsFlagsTest {

    @Test
    void byDefaultPlainHttpWithoutAuthentication() {
        RestConfig rest = restConfig(Map.of());

        assertThat(rest.tls()).isEmpty();
        assertThat(rest.auth()).isEqualTo(AuthConfig.none());
        assertThat(rest.scheme()).isEqualTo("http");
    }

    @Test
    void tlsWithThePasswordFromTheEnvironment() {
        RestConfig rest = restConfig(Map.of("MESOS_EVENTS_HTTP_TLS_KEYSTORE_PASSWORD", "from-env"),
                "--http-tls-keystore", "instance.p12");

        assertThat(rest.tls()).contains(TlsConfig.withKeyStore(Path.of("instance.p12"), "from-env"));
        assertThat(rest.scheme()).isEqualTo("https");
        assertThat(restConfig(Map.of("MESOS_EVENTS_HTTP_TLS_TRUSTSTORE_PASSWORD", "trust-env"), "--http-tls-keystore", "k.p12",
                "--http-tls-keystore-password", "flag", "--http-tls-truststore", "t.p12").tls())
                .contains(TlsConfig.withKeyStore(Path.of("k.p12"), "flag").withTrustStore(Path.of("t.p12"), "trust-env"));
    }

    @Test
    void basicAndBearerWithTheirSecretsFromTheEnvironment() {
        assertThat(restConfig(Map.of("MESOS_EVENTS_HTTP_AUTH_PASSWORD", "pw"), "--http-auth", "basic", "--http-auth-user", "ops")
                .auth()).isEqualTo(new AuthConfig.Basic("ops", "pw"));
        assertThat(restConfig(Map.of("MESOS_EVENTS_HTTP_AUTH", "BEARER", "MESOS_EVENTS_HTTP_AUTH_TOKEN", "tok")).auth())
                .isEqualTo(new AuthConfig.Bearer("tok"));
    }

    @Test
    void missingOrStraySettingsAreErrorsNamingTheFlag() {
        assertError(Map.of(), "--http-auth basic needs --http-auth-user", "--http-auth", "basic", "--http-auth-password", "pw");
        assertError(Map.of(), "--http-auth basic needs --http-auth-password (or MESOS_EVENTS_HTTP_AUTH_PASSWORD)",
                "--http-auth", "basic", "--http-auth-user", "ops");
        assertError(Map.of(), "--http-auth bearer needs --http-auth-token (or MESOS_EVENTS_HTTP_AUTH_TOKEN)", "--http-auth", "bearer");
        assertError(Map.of(), "--http-auth basic: the user must not contain ':' or control characters",
                "--http-auth", "basic", "--http-auth-user", "a:b", "--http-auth-password", "pw");
        assertError(Map.of("MESOS_EVENTS_HTTP_AUTH_TOKEN", "tok"),
                "--http-auth-token is set but --http-auth is none: give --http-auth basic or bearer, or drop it");
        assertError(Map.of(), "--http-auth-token is for --http-auth bearer, not basic", "--http-auth", "basic",
                "--http-auth-user", "ops", "--http-auth-password", "pw", "--http-auth-token", "tok");
        assertError(Map.of("MESOS_EVENTS_HTTP_TLS_KEYSTORE_PASSWORD", "pw"),
                "--http-tls-keystore-password is set but --http-tls-keystore is not: give the key store to serve HTTPS, "
                        + "or drop the TLS settings");
        assertError(Map.of(), "--http-tls-keystore needs --http-tls-keystore-password (or MESOS_EVENTS_HTTP_TLS_KEYSTORE_PASSWORD)",
                "--http-tls-keystore", "k.p12");
        assertError(Map.of(), "--http-tls-truststore-password is set but --http-tls-truststore is not", "--http-tls-keystore",
                "k.p12", "--http-tls-keystore-password", "pw", "--http-tls-truststore-password", "pw");
    }

    private static void assertError(Map<String, String> environment, String message, String... args) {
        assertThatThrownBy(() -> restConfig(environment, args)).isInstanceOf(InvalidSettingException.class).hasMessage(message);
    }

    private static RestConfig restConfig(Map<String, String> environment, String... args) {
        ServeCommand command = new ServeCommand();
        CommandLine commandLine = new CommandLine(command, new EnvironmentAwareFactory(environment))
                .setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setDefaultValueProvider(new SettingsDefaultProvider(environment, Optional.empty()));
        List<String> all = new ArrayList<>(List.of("--bootstrap-servers", "127.0.0.1:9092", "--schema-registry", "http://127.0.0.1:8081"));
        all.addAll(List.of(args));
        commandLine.parseArgs(all.toArray(String[]::new));
        return command.restConfig();
    }
}
