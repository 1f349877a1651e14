package io.mesosevents.cli.compose;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of docker-compose.yml, interpolated. An environment entry without a value is passed on
 * from the environment of {@code docker compose}, so it is {@link Optional#empty()} here: unset by default.
 */
record ComposeService(String name, Optional<String> image, Optional<Build> build, List<String> command,
                      List<String> profiles, Map<String, Optional<String>> environment, List<PortMapping> ports,
                      List<Dependency> dependsOn, List<VolumeMount> volumes, Optional<String> healthcheck,
                      Optional<String> restart) {

    /** Where the image is built from: the context directory and the Dockerfile in it. */
    record Build(Path context, Path dockerfile) {
    }

    /** The variables the container gets when the environment of {@code docker compose} sets none. */
    Map<String, String> containerEnvironment() {
        Map<String, String> set = new LinkedHashMap<>();
        environment.forEach((variable, value) -> value.ifPresent(v -> set.put(variable, v)));
        return set;
    }

    String variable(String name) {
        return environment.getOrDefault(name, Optional.empty())
                .orElseThrow(() -> new AssertionError(this.name + " sets no " + name));
    }
}
