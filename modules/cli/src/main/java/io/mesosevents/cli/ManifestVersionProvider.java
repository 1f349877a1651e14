package io.mesosevents.cli;

import picocli.CommandLine.IVersionProvider;

import java.util.Optional;

/** The version Maven wrote into the jar's manifest. */
public final class ManifestVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("development build");
        return new String[] {"mesos-events " + version, "Java " + Runtime.version()};
    }
}
