package io.mesosevents.cli.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values the build pins in a POM (versions, the jar's name), so the deployment can be held to them. */
final class PomValues {

    private final Path pom;
    private final String text;

    private PomValues(Path pom, String text) {
        this.pom = pom;
        this.text = text;
    }

    static PomValues read(Path pom) throws IOException {
        return new PomValues(pom, Files.readString(pom));
    }

    /** The text of the first {@code <element>}. */
    String element(String element) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(element) + ">\\s*([^<]*?)\\s*</" + Pattern.quote(element) + ">").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError(pom + " has no <" + element + ">");
        }
        return matcher.group(1);
    }
}
