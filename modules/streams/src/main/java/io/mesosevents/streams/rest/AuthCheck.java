package io.mesosevents.streams.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks the {@code Authorization} header of a request against the one credential of an
 * {@link AuthConfig} that requires one. Comparisons take the same time whatever the given value: both
 * sides are hashed to SHA-256 first (so their lengths are equal) and compared with
 * {@link MessageDigest#isEqual}, and a basic user and password are both compared before the answer.
 */
final class AuthCheck {

    /** What a request presented. */
    enum Verdict {
        ACCEPTED,
        /** No {@code Authorization} header. */
        MISSING,
        /** A header with another scheme, malformed, or with wrong values. */
        WRONG
    }

    private static final String REALM = "mesos-events";

    private final String scheme;
    private final byte[][] expected;

    private AuthCheck(String scheme, byte[]... expected) {
        this.scheme = scheme;
        this.expected = expected;
    }

    /** The check of {@code config}, which must require credentials. */
    static AuthCheck of(AuthConfig config) {
        if (config instanceof AuthConfig.Basic basic) {
            return new AuthCheck("Basic", digest(basic.user()), digest(basic.password()));
        }
        if (config instanceof AuthConfig.Bearer bearer) {
            return new AuthCheck("Bearer", digest(bearer.token()));
        }
        throw new IllegalArgumentException("no credentials to check with authentication " + config.mode());
    }

    /** The {@code WWW-Authenticate} value of a 401. */
    String challenge() {
        return scheme.equals("Basic") ? "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"" : "Bearer realm=\"" + REALM + "\"";
    }

    Verdict verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT))) {
            return Verdict.WRONG;
        }
        String credentials = header.substring(space + 1).strip();
        return matches(scheme.equals("Basic") ? basicParts(credentials) : new String[] {credentials})
                ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    /** User and password of a basic credential; one empty part for one that is not base64 of "user:password". */
    private static String[] basicParts(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new String[] {""};
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new String[] {""} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private boolean matches(String[] given) {
        if (given.length != expected.length) {
            return false;
        }
        boolean all = true;
        for (int i = 0; i < expected.length; i++) {
            all &= MessageDigest.isEqual(digest(given[i]), expected[i]);
        }
        return all;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
