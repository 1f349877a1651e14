package io.mesosevents.streams.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mesosevents.streams.rest.AuthCheck.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Reading an Authorization header as RFC 7617 and RFC 6750 write it. */
class AuthCheckTest {

    private final AuthCheck basic = AuthCheck.of(new AuthConfig.Basic("ops", "a:b:c"));
    private final AuthCheck bearer = AuthCheck.of(new AuthConfig.Bearer("abc.DEF-123"));

    @Test
    void basic() {
        assertThat(basic.verify(encode("ops:a:b:c"))).as("the password runs to the end").isEqualTo(Verdict.ACCEPTED);
        assertThat(basic.verify("  BASIC   " + encode("ops:a:b:c").substring(6) + " ")).isEqualTo(Verdict.ACCEPTED);
        assertThat(basic.verify(null)).isEqualTo(Verdict.MISSING);
        assertThat(basic.verify(" ")).isEqualTo(Verdict.MISSING);
        assertThat(basic.verify(encode("ops:a:b"))).isEqualTo(Verdict.WRONG);
        assertThat(basic.verify(encode("ops"))).isEqualTo(Verdict.WRONG);
        assertThat(basic.verify(encode("Ops:a:b:c"))).as("the user is case-sensitive").isEqualTo(Verdict.WRONG);
        assertThat(basic.verify("Basic ***")).isEqualTo(Verdict.WRONG);
        assertThat(basic.verify("Bearer abc.DEF-123")).isEqualTo(Verdict.WRONG);
        assertThat(basic.challenge()).isEqualTo("Basic realm=\"mesos-events\", charset=\"UTF-8\"");
    }

    @Test
    void bearer() {
        assertThat(bearer.verify("Bearer abc.DEF-123")).isEqualTo(Verdict.ACCEPTED);
        assertThat(bearer.verify("bearer abc.DEF-123")).isEqualTo(Verdict.ACCEPTED);
        assertThat(bearer.verify("Bearer abc.def-123")).isEqualTo(Verdict.WRONG);
        assertThat(bearer.verify("Bearer abc.DEF-12")).isEqualTo(Verdict.WRONG);
        assertThat(bearer.verify("Bearer")).isEqualTo(Verdict.WRONG);
        assertThat(bearer.verify("abc.DEF-123")).isEqualTo(Verdict.WRONG);
        assertThat(bearer.challenge()).isEqualTo("Bearer realm=\"mesos-events\"");
    }

    private static String encode(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
