# The streams app's image: events + tenant config -> notifications. Build from the repository root (the build
# context; the .dockerignore there keeps target/ and .git out of it):
#   docker build -f docker/streams.Dockerfile -t statusnotify-streams .
# It holds the shaded statusnotify.jar (the same jar as ./statusnotify) and runs its `streams` command.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:17-jre-noble
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin statusnotify \
    && mkdir -p /app/state \
    && chown statusnotify /app/state
COPY --from=build /src/cli/target/statusnotify.jar /app/statusnotify.jar
COPY --chmod=0755 docker/healthcheck.sh /app/healthcheck.sh
USER 10001
WORKDIR /app
# Kafka Streams keeps its local state here (mount a volume to keep it across restarts).
ENV SNS_STATE_DIR=/app/state
# Admin server: /health/live, /health/ready, /metrics, on the app's own default port (the sink's is 9400), which
# healthcheck.sh reads from here.
ENV SNS_ADMIN_PORT=9401
EXPOSE 9401
# Ready = stream threads RUNNING. Restoring state after a move can take a while: a long start period.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD ["/app/healthcheck.sh"]
# JVM options: set JAVA_TOOL_OPTIONS (the JVM reads it itself), e.g. -XX:MaxRAMPercentage=75.
ENTRYPOINT ["java", "-jar", "/app/statusnotify.jar"]
CMD ["streams"]
