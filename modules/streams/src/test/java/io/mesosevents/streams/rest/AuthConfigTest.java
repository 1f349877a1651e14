package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The security settings: defaults, validation, and secrets kept out of their text. */
class AuthConfigTest {

    @Test
    void theDefaultsArePlainHttpWithoutAuthentication() {
        RestConfig defaults = RestConfig.defaults();

        assertThat(defaults.tls()).isEmpty();
        assertThat(defaults.auth()).isEqualTo(AuthConfig.none());
        assertThat(defaults.scheme()).isEqualTo("http");
        assertThat(defaults.withTls(TlsConfig.withKeyStore(Path.of("k.p12"), "pw")).scheme()).isEqualTo("https");
        assertThat(TlsConfig.withKeyStore(Path.of("k.p12"), "pw").trustStore()).as("the key store's own certificates").isEmpty();
    }

    @Test
    void invalidCredentialsAreRefused() {
        assertThatThrownBy(() -> new AuthConfig.Basic("", "pw")).hasMessage("the user must not be empty");
        assertThatThrownBy(() -> new AuthConfig.Basic("a:b", "pw")).hasMessageContaining("must not contain ':'");
        assertThatThrownBy(() -> new AuthConfig.Basic("user", "")).hasMessage("the password must not be empty");
        assertThatThrownBy(() -> new AuthConfig.Bearer("")).hasMessage("the token must not be empty");
        assertThatThrownBy(() -> new AuthConfig.Bearer("two words")).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> new TlsConfig(Path.of("k.p12"), "pw", Optional.empty(), "trust-pw"))
                .hasMessageContaining("trust store password without a trust store");
    }

    @Test
    void theHeaderThatPasses() {
        assertThat(new AuthConfig.Basic("Aladdin", "open sesame").authorizationHeader()).contains("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(new AuthConfig.Bearer("abc").authorizationHeader()).contains("Bearer abc");
        assertThat(AuthConfig.none().authorizationHeader()).isEmpty();
    }

    @Test
    void secretsStayOutOfTheText() {
        RestConfig config = RestConfig.defaults().withAuth(new AuthConfig.Basic("user", "hunter2"))
                .withTls(TlsConfig.withKeyStore(Path.of("k.p12"), "store-pw").withTrustStore(Path.of("t.p12"), "trust-pw"));

        assertThat(config.toString()).contains("user").contains("k.p12").contains("t.p12")
                .doesNotContain("hunter2").doesNotContain("store-pw").doesNotContain("trust-pw");
        assertThat(new AuthConfig.Bearer("s3cr3t-token").toString()).doesNotContain("s3cr3t-token");
    }
}
