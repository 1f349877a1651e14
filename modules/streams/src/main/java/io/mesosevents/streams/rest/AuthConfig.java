package io.mesosevents.streams.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may call the interactive-query port: everyone ({@link None}, the default), or only requests
 * with one shared credential ({@link Basic} or {@link Bearer}). {@code /health} and {@code /ready}
 * stay open either way, for load balancer and orchestrator probes. Every instance of one application
 * must have the same setting: forwarded requests carry it.
 */
public sealed interface AuthConfig permits AuthConfig.None, AuthConfig.Basic, AuthConfig.Bearer {

    /** The default: no authentication. */
    static AuthConfig none() {
        return new None();
    }

    /** {@code none}, {@code basic} or {@code bearer}, for logs. */
    String mode();

    /** The {@code Authorization} header value that passes this check; empty for {@link None}. */
    Optional<String> authorizationHeader();

    /** No authentication. */
    record None() implements AuthConfig {

        @Override
        public String mode() {
            return "none";
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }
    }

    /**
     * HTTP basic authentication (RFC 7617) with one user, its name and password read as UTF-8.
     *
     * @param user     not empty, without {@code ':'} or control characters
     * @param password not empty
     */
    record Basic(String user, String password) implements AuthConfig {

        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isEmpty()) {
                throw new IllegalArgumentException("the user must not be empty");
            }
            if (user.indexOf(':') >= 0 || user.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the user must not contain ':' or control characters");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("the password must not be empty");
            }
        }

        @Override
        public String mode() {
            return "basic";
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + ", password=***]";
        }
    }

    /**
     * A bearer token (RFC 6750) shared by every caller.
     *
     * @param token not empty, printable ASCII without spaces (it travels in a header as is)
     */
    record Bearer(String token) implements AuthConfig {

        public Bearer {
            Objects.requireNonNull(token, "token");
            if (token.isEmpty()) {
                throw new IllegalArgumentException("the token must not be empty");
            }
            if (token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new IllegalArgumentException("the token must be printable ASCII without spaces");
            }
        }

        @Override
        public String mode() {
            return "bearer";
        }

        @Override
        public Optional<String> authorizationHeader() {
            return Optional.of("Bearer " + token);
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }
}
