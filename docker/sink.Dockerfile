# The sink's image: notifications -> each tenant's server. Build from the repository root (the build context;
# the .dockerignore there keeps target/ and .git out of it):
#   docker build -f docker/sink.Dockerfile -t statusnotify-sink .
# It holds the shaded statusnotify.jar (the same jar as ./statusnotify) and runs its `sink` command; the demo
# receiver of compose.yml runs from this image too (command `demo-receiver`).

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:17-jre-noble
# /web: where compose's web-users writes the users file (a new named volume takes this folder's owner).
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin statusnotify \
    && mkdir -p /web && chown 10001 /web
COPY --from=build /src/cli/target/statusnotify.jar /app/statusnotify.jar
COPY --chmod=0755 docker/healthcheck.sh /app/healthcheck.sh
USER 10001
WORKDIR /app
# Admin server: /health/live, /health/ready, /metrics and the tenant status page on /, on the app's own default port
# (the streams app's is 9401), which healthcheck.sh reads from here.
ENV SNS_ADMIN_PORT=9400
EXPOSE 9400
# Ready = partitions assigned and the tenant config view caught up.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/app/healthcheck.sh"]
# JVM options: set JAVA_TOOL_OPTIONS (the JVM reads it itself), e.g. -XX:MaxRAMPercentage=75.
ENTRYPOINT ["java", "-jar", "/app/statusnotify.jar"]
CMD ["sink"]
