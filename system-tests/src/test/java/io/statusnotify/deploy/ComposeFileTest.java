package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statusnotify.admin.AdminSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/compose.yml read as data (no Docker engine here): what `docker compose up` would need to work. */
class ComposeFileTest {
    private static final Pattern COPY = Pattern.compile("^COPY (?:--\\S+ )*(\\S+) (\\S+)$");

    private final ComposeServices compose = new ComposeServices(DeploymentFiles.compose());

    @Test
    void everyServiceThatBuildsHasADockerfileThatExists() {
        List<String> building = compose.names().stream().filter(name -> compose.dockerfile(name).isPresent()).toList();

        assertThat(building).as("services that build an image").contains("streams", "sink");
        for (String name : building) {
            assertThat(compose.dockerfile(name).orElseThrow()).as("Dockerfile of service %s", name).isRegularFile();
        }
    }

    @Test
    void eachAppRunsFromItsOwnDockerfile() {
        assertThat(compose.appServices()).containsExactlyInAnyOrder("streams", "sink");

        assertThat(compose.dockerfile("streams").orElseThrow().getFileName()).hasToString("streams.Dockerfile");
        assertThat(compose.dockerfile("sink").orElseThrow().getFileName()).hasToString("sink.Dockerfile");
        for (String app : compose.appServices()) {
            // The Dockerfiles COPY paths of the repository: the build context must be its root.
            assertThat(compose.dockerfile(app).orElseThrow().getParent().getParent()).isEqualTo(DeploymentFiles.REPOSITORY);
        }
    }

    @Test
    void everyAppServiceHealthCheckAsksForReadinessOnItsAdminPort() {
        for (String app : compose.appServices()) {
            String port = compose.adminPort(app).orElseThrow(() -> new AssertionError(app + ": no SNS_ADMIN_PORT"));
            String healthcheck = compose.healthcheck(app).orElseThrow(() -> new AssertionError(app + ": no health check"));

            assertThat(port).as("%s admin port", app).isNotEqualTo("0");
            assertThat(compose.exposedPorts(app)).as("%s EXPOSE", app).contains(port);
            // The script reads SNS_ADMIN_PORT itself (HealthcheckScriptTest runs it); it must be the one in the image.
            assertThat(healthcheck).as("%s health check", app)
                    .satisfiesAnyOf(h -> assertThat(h).contains("/app/healthcheck.sh"),
                            h -> assertThat(h).contains(":" + port + "/health/ready"));
            if (healthcheck.contains("/app/healthcheck.sh")) {
                assertThat(copiedInto(app, "/app/healthcheck.sh")).as("%s copies the script from", app)
                        .isEqualTo(DeploymentFiles.HEALTHCHECK_SCRIPT);
            }
        }
    }

    @Test
    void eachAppServesItsAdminPortOnTheAppsOwnDefaultAndComposePublishesThatPort() {
        Map<String, Integer> defaults = Map.of("streams", AdminSettings.STREAMS_DEFAULT_PORT,
                "sink", AdminSettings.SINK_DEFAULT_PORT);

        for (String app : compose.appServices()) {
            String port = String.valueOf(defaults.get(app));
            // What `./statusnotify streams` / `sink` use without SNS_ADMIN_PORT: the image and the jar agree.
            assertThat(compose.adminPort(app)).as("%s admin port", app).contains(port);
            assertThat(compose.service(app).path("ports").toString()).as("%s published ports", app)
                    .contains(":" + port + "\"");
        }
    }

    @Test
    void appsWaitForAHealthyBrokerAndGrafanaForAHealthyPrometheus() {
        for (String app : compose.appServices()) {
            assertThat(compose.service(app).path("depends_on").path("kafka").path("condition").asText())
                    .as("%s depends_on kafka", app).isEqualTo("service_healthy");
        }
        assertThat(compose.service("grafana").path("depends_on").path("prometheus").path("condition").asText())
                .isEqualTo("service_healthy");
        for (String dependency : List.of("kafka", "prometheus")) {
            assertThat(compose.service(dependency).path("healthcheck").path("test").isArray())
                    .as("%s has a health check to wait for", dependency).isTrue();
        }
    }

    @Test
    void everyPulledImageIsPinnedToAVersion() {
        for (String name : compose.names()) {
            if (compose.dockerfile(name).isPresent()) continue;
            String image = compose.service(name).path("image").asText();

            assertThat(image).as("image of %s", name).matches("[^:]+:v?\\d+(\\.\\d+)+.*");
        }
        for (String app : compose.appServices()) {
            for (String from : compose.instructions(app).stream().filter(i -> i.startsWith("FROM ")).toList()) {
                assertThat(from).as("%s base image", app).doesNotContain(":latest").matches("FROM \\S+:\\S+.*");
            }
        }
    }

    @Test
    void everyFileMountedIntoAServiceExists() {
        for (String name : compose.names()) {
            for (JsonNode volume : compose.service(name).path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (!source.startsWith(".")) continue; // a named volume

                assertThat(DeploymentFiles.DOCKER.resolve(source).normalize()).as("mounted into %s", name).exists();
            }
        }
    }

    @Test
    void grafanaLoadsTheProvisionedDashboardFromWhereComposeMountsIt() {
        JsonNode grafana = compose.service("grafana");
        String dashboardsDir = DeploymentFiles.yaml(DeploymentFiles.DASHBOARD_PROVIDERS)
                .path("providers").path(0).path("options").path("path").asText();
        String home = grafana.path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText();

        assertThat(mountTargets(grafana)).contains(dashboardsDir, "/etc/grafana/provisioning");
        assertThat(home).isEqualTo(dashboardsDir + "/" + DeploymentFiles.DASHBOARD.getFileName());
    }

    @Test
    void scaleOverrideDropsWhatReplicasOfTheAppsCannotShare() {
        JsonNode overrides = DeploymentFiles.composeScale().path("services");
        List<String> overridden = new ArrayList<>();
        overrides.fieldNames().forEachRemaining(overridden::add);

        assertThat(overridden).containsExactlyInAnyOrderElementsOf(compose.appServices());
        for (String app : overridden) {
            JsonNode override = overrides.path(app);
            for (String attribute : List.of("ports", "volumes")) {
                boolean inCompose = compose.service(app).has(attribute);
                // `!reset []` / `!override [...]`: read as the values they tag. What replicas can share stays:
                // read-only mounts (the users file); ports and writable volumes go.
                List<String> entries = StreamSupport.stream(compose.service(app).path(attribute).spliterator(), false)
                        .map(JsonNode::asText).toList();
                List<String> shared = entries.stream().filter(entry -> entry.endsWith(":ro")).toList();
                boolean unshareable = inCompose && (attribute.equals("ports") || shared.size() < entries.size());
                assertThat(override.has(attribute)).as("%s overrides %s", app, attribute).isEqualTo(unshareable);
                if (unshareable) {
                    assertThat(StreamSupport.stream(override.path(attribute).spliterator(), false).map(JsonNode::asText))
                            .as("%s keeps of %s", app, attribute).containsExactlyElementsOf(shared);
                }
            }
        }
    }

    private static List<String> mountTargets(JsonNode service) {
        return StreamSupport.stream(service.path("volumes").spliterator(), false)
                .map(v -> v.asText().split(":")[1]).toList();
    }

    /** Where the image's COPY puts the file at {@code target} from, in the repository (the build context). */
    private Path copiedInto(String app, String target) {
        for (String instruction : compose.instructions(app)) {
            Matcher copy = COPY.matcher(instruction);
            if (copy.matches() && copy.group(2).equals(target)) {
                Path source = DeploymentFiles.REPOSITORY.resolve(copy.group(1)).normalize();
                assertThat(Files.isRegularFile(source)).as("%s: COPY source %s", app, source).isTrue();
                return source;
            }
        }
        throw new AssertionError(app + ": nothing copied into " + target);
    }
}
