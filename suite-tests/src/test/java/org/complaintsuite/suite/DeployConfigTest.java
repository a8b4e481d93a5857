package org.complaintsuite.suite;

import org.complaintsuite.testing.ContainerInfrastructure;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations files parse and hang together: promtool accepts the scrape config and the alert
 * rules, every alert has a summary, a description and a runbook section, every dashboard panel queries
 * Prometheus. (That every metric they name is exported is checked against the running suite in
 * {@link SuiteEndToEndTest}.)
 */
class DeployConfigTest {

    @Test
    void promtoolAcceptsTheScrapeConfigAndTheAlertRules() throws Exception {
        assertThat(promtool("check", "config", DeployFiles.PROMETHEUS.toString())).contains("SUCCESS");
        assertThat(promtool("check", "rules", DeployFiles.ALERTS.toString())).contains("SUCCESS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRealInfrastructureProfileRunsTheImagesTheComposeFileDeploys() {
        Map<String, Object> compose = new Yaml().load(DeployFiles.read(DeployFiles.HOME.resolve("deploy/compose/compose.yml")));
        Set<String> images = new HashSet<>();
        ((Map<String, Map<String, Object>>) compose.get("services")).values()
                .forEach(service -> images.add(String.valueOf(service.get("image"))));
        assertThat(images).contains(ContainerInfrastructure.KAFKA_IMAGE, ContainerInfrastructure.POSTGRES_IMAGE,
                ContainerInfrastructure.MONGO_IMAGE);
    }

    @Test
    void everyAlertHasASummaryADescriptionAndARunbookSection() {
        String runbook = DeployFiles.read(DeployFiles.HOME.resolve("docs/runbook.md"));
        List<Map<String, Object>> rules = DeployFiles.alertRules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(6);
        Set<String> names = new HashSet<>();
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            assertThat(names.add(alert)).as("unique name " + alert).isTrue();
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(annotations).as(alert).containsKeys("summary", "description", "runbook_url");
            assertThat((String) annotations.get("runbook_url")).as(alert)
                    .isEqualTo("docs/runbook.md#" + alert.toLowerCase(Locale.ROOT));
            assertThat(runbook).as(alert).contains("\n## " + alert + "\n");
            @SuppressWarnings("unchecked")
            Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
            assertThat(labels.get("severity")).as(alert).isIn("warning", "critical");
        }
        // what the issue asks ops to be alerted on
        assertThat(names).contains("SlaBreachRateHigh", "SlaShareMetBelowTarget", "ConsumerLagGrowing",
                "DeadLettersAppearing", "ServiceDown", "RelayStalled");
    }

    @Test
    void everyDashboardPanelQueriesThePrometheusDatasource() {
        List<Path> dashboards = DeployFiles.dashboards();
        assertThat(dashboards).extracting(p -> p.getFileName().toString())
                .containsExactly("flow.json", "service-health.json", "sla-overview.json");
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = DeployFiles.dashboard(file);
            assertThat(uids.add(dashboard.get("uid").asString())).as(file + " uid").isTrue();
            assertThat(dashboard.get("title").asString()).isNotBlank();
            assertThat(dashboard.get("panels").size()).as(file.toString()).isGreaterThanOrEqualTo(6);
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("prometheus");
                assertThat(panel.get("targets").size()).as(panel.get("title").asString()).isPositive();
                panel.get("targets").forEach(t -> assertThat(DeployFiles.metricNames(t.get("expr").asString()))
                        .as(panel.get("title").asString()).isNotEmpty());
            }
        }
    }

    @Test
    void theGrafanaProvisioningNamesTheDatasourceTheDashboardsUse() {
        Map<String, Object> datasources = new Yaml().load(DeployFiles.read(
                DeployFiles.HOME.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")));
        assertThat(datasources.get("datasources").toString()).contains("uid=prometheus", "type=prometheus");
        Map<String, Object> providers = new Yaml().load(DeployFiles.read(
                DeployFiles.HOME.resolve("deploy/grafana/provisioning/dashboards/complaint-suite.yml")));
        assertThat(providers.get("providers").toString()).contains("type=file");
    }

    @Test
    void metricNamesAreReadOffPromQl() {
        assertThat(DeployFiles.metricNames("histogram_quantile(0.99, sum by (le) "
                + "(rate(complaint_sla_time_to_resolution_seconds_bucket[1d])))"))
                .containsExactly("complaint_sla_time_to_resolution_seconds_bucket");
        assertThat(DeployFiles.metricNames("sum by (target) (increase(complaint_sla_clocks_stopped_total"
                + "{outcome=\"met\"}[24h])) / sum by (target) (increase(complaint_sla_clocks_stopped_total[24h])) "
                + "< 0.95 and up{job=\"x\"} == 0"))
                .containsExactly("complaint_sla_clocks_stopped_total", "up");
        assertThat(DeployFiles.metricNames("time() - max by (service, topic) (complaint_relay_last_published_timestamp)"))
                .containsExactly("complaint_relay_last_published_timestamp");
    }

    /** promtool is required in CI ({@code .ci/run} installs it); elsewhere the check is skipped without it. */
    private static String promtool(String... args) throws IOException, InterruptedException {
        Path promtool = DeployFiles.requiredInCi("promtool", "prometheus", DeployFiles.executable("promtool"));
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
