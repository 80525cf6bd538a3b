package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/prometheus/prometheus.yml against compose.yml: it scrapes every app, where the app serves /metrics. */
class PrometheusConfigTest {
    private final ComposeServices compose = new ComposeServices(DeploymentFiles.compose());
    private final JsonNode prometheus = DeploymentFiles.yaml(DeploymentFiles.PROMETHEUS);

    record Target(String job, String host, String port, String path) {
    }

    @Test
    void everyScrapeTargetIsAComposeServiceOnItsAdminPort() {
        List<Target> targets = targets();
        assertThat(targets).isNotEmpty();

        for (Target target : targets) {
            assertThat(compose.names()).as("job %s scrapes a service of compose.yml", target.job()).contains(target.host());
            assertThat(compose.adminPort(target.host())).as("job %s: port of %s", target.job(), target.host())
                    .contains(target.port());
            assertThat(target.path()).as("job %s", target.job()).isEqualTo("/metrics");
        }
    }

    @Test
    void bothAppsAreScraped() {
        assertThat(targets().stream().map(Target::host)).containsAll(compose.appServices());
    }

    @Test
    void grafanaQueriesThisPrometheus() {
        JsonNode datasource = DeploymentFiles.yaml(DeploymentFiles.DATASOURCES).path("datasources").path(0);
        JsonNode published = compose.service("prometheus").path("ports");

        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(published.toString()).contains(":9090");
    }

    /** Static targets ({@code host:port}) and DNS service discovery ({@code names} + {@code port}): both name hosts. */
    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            String path = job.path("metrics_path").asText("/metrics");
            for (JsonNode config : job.path("static_configs")) {
                for (JsonNode target : config.path("targets")) {
                    String[] hostPort = target.asText().split(":");
                    targets.add(new Target(name, hostPort[0], hostPort.length > 1 ? hostPort[1] : "80", path));
                }
            }
            for (JsonNode config : job.path("dns_sd_configs")) {
                for (JsonNode host : config.path("names")) {
                    targets.add(new Target(name, host.asText(), config.path("port").asText(), path));
                }
            }
        }
        return targets;
    }
}
