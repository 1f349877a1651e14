package io.mesosevents.registry.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/** HTTP basic-auth credentials; {@link #toString()} never shows the password. */
public record BasicCredentials(String username, String password) {

    public BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Parses {@code user:password} (the password may itself contain colons). */
    public static BasicCredentials parse(String userInfo, String propertyName) {
        int colon = userInfo.indexOf(':');
        if (colon <= 0) {
            throw new ConfigException(propertyName, "<hidden>", "expected user:password");
        }
        return new BasicCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    public String authorizationHeader() {
        String token = username + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
