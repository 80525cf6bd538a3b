# The console's image: the Super Admin and Tenant Admin pages over the tenant config topic. Build from the
# repository root (the build context; the .dockerignore there keeps target/ and .git out of it):
#   docker build -f docker/console.Dockerfile -t statusnotify-console .
# It holds the shaded statusnotify.jar (the same jar as ./statusnotify) and runs its `console` command. It needs
# KAFKA_BOOTSTRAP_SERVERS and SNS_WEB_CONFIG (the users file); see docs/console.md.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:17-jre-noble
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin statusnotify
COPY --from=build /src/cli/target/statusnotify.jar /app/statusnotify.jar
COPY --chmod=0755 docker/healthcheck.sh /app/healthcheck.sh
USER 10001
WORKDIR /app
ENV SNS_CONSOLE_PORT=9500
EXPOSE 9500
# Ready = both topics being read; /health/ready needs no login. The apps' check script (HTTPS too when the users
# file has tls_server_config), pointed at the console's own port and address.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", "SNS_ADMIN_PORT=$SNS_CONSOLE_PORT SNS_ADMIN_BIND=${SNS_CONSOLE_BIND:-0.0.0.0} exec /app/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "/app/statusnotify.jar"]
CMD ["console"]
