# syntax=docker/dockerfile:1
# The mesos-events image: one executable jar, every subcommand (ingest, serve, simulate, topics, …).
# Built from the sources in two stages so the image carries a JRE and the jar, not Maven or a JDK.
#   docker build -t mesos-events .
#   docker run --rm mesos-events --help
# Settings come from environment variables MESOS_EVENTS_<OPTION> (README, "Configuration");
# docker-compose.yml runs the platform with it (docs/docker-compose.md).

# ---- build: the shaded jar modules/cli/target/mesos-events.jar, as bin/mesos-events builds it ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The POMs, the Avro contract and the sources; .dockerignore keeps target/, data/ and .git out.
COPY . .
# The cache mount keeps ~/.m2 between builds, so a source change does not download every dependency again.
# Tests are not run here: `mvn verify` is the test run, and the image build must work without a Docker engine or a browser.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Dmaven.test.skip=true package -pl modules/cli -am

# ---- runtime: a JRE and the jar, run as an unprivileged user ----
FROM eclipse-temurin:17-jre-noble
# The compose health checks call the HTTP endpoints with curl; the Ubuntu-based Temurin image ships it.
# Fail the build here, not the health checks later, if a new base image stops doing so.
RUN command -v curl >/dev/null || { echo "curl is missing from the base image; install it here" >&2; exit 1; }
# A fixed uid, so volumes prepared outside the container can be given to it (chown 10001).
RUN groupadd --system --gid 10001 mesos-events \
    && useradd --system --uid 10001 --gid mesos-events --home-dir /var/lib/mesos-events --shell /usr/sbin/nologin mesos-events \
    && mkdir -p /var/lib/mesos-events/views \
    && chown -R mesos-events:mesos-events /var/lib/mesos-events
COPY --from=build /build/modules/cli/target/mesos-events.jar /opt/mesos-events/mesos-events.jar
USER mesos-events
# Relative paths (serve's default state dir data/views) land in the user's own directory. A named volume
# mounted on /var/lib/mesos-events/views starts out owned like this directory, so serve can write its
# stores there (docker-compose.yml sets MESOS_EVENTS_STATE_DIR to it).
WORKDIR /var/lib/mesos-events
# ingest (/health, /ready, /metrics), serve (the API), the simulated Mesos master and Marathon.
EXPOSE 8090 8080 5050
# MESOS_EVENTS_JAVA_OPTS passes JVM options, as it does for bin/mesos-events; the arguments are the subcommand.
ENTRYPOINT ["/bin/sh", "-c", "exec java $MESOS_EVENTS_JAVA_OPTS -jar /opt/mesos-events/mesos-events.jar \"$@\"", "mesos-events"]
CMD ["--help"]
