package org.complaintsuite.suite;

import org.complaintsuite.embedded.SuiteLayout;
import org.complaintsuite.events.Topic;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production deployment files parse and say what operations rely on: topics provisioned exactly as
 * the registry declares them, probes, resources, non-root containers, disruption budgets, pinned images.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOY = DeployFiles.HOME.resolve("deploy");

    /** name → "partitions retention.ms" as every deployment must provision it. */
    private static Map<String, String> registryTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        for (Topic topic : Topic.all()) {
            long retention = topic.retention() == null ? -1 : topic.retention().toMillis();
            topics.put(topic.topicName(), topic.partitions() + " " + retention);
            topics.put(topic.deadLetterTopicName(), "1 -1");
        }
        return topics;
    }

    @Test
    void theTopicListOfComposeIsTheRegistry() {
        Map<String, String> listed = new LinkedHashMap<>();
        DeployFiles.read(DEPLOY.resolve("kafka/topics.txt")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .forEach(f -> {
                    assertThat(f).hasSize(4);
                    assertThat(f[3]).isEqualTo("delete");
                    listed.put(f[0], f[1] + " " + f[2]);
                });
        assertThat(listed).containsExactlyInAnyOrderEntriesOf(registryTopics());
        assertThat(Files.isExecutable(DEPLOY.resolve("kafka/create-topics.sh"))).isTrue();
    }

    @Test
    void theKafkaTopicsOfKubernetesAreTheRegistry() {
        Map<String, String> declared = new LinkedHashMap<>();
        for (Map<String, Object> topic : documents(DEPLOY.resolve("k8s/base/topics.yaml"))) {
            assertThat(topic.get("kind")).isEqualTo("KafkaTopic");
            Map<String, Object> spec = map(topic, "spec");
            assertThat(spec.get("replicas")).isEqualTo(3);
            declared.put((String) spec.get("topicName"),
                    spec.get("partitions") + " " + map(spec, "config").get("retention.ms"));
        }
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(registryTopics());
    }

    @Test
    void everyServiceRunsOnKubernetesWithProbesResourcesABudgetAndNoRoot() {
        Path base = DEPLOY.resolve("k8s/base");
        List<String> resources = listOf(documents(base.resolve("kustomization.yaml")).getFirst(), "resources");
        for (String resource : resources) {
            assertThat(base.resolve(resource)).exists();
        }
        for (SuiteLayout.Service service : SuiteLayout.SERVICES) {
            assertThat(resources).contains(service.name() + ".yaml");
            Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
            documents(base.resolve(service.name() + ".yaml")).forEach(d -> byKind.put((String) d.get("kind"), d));
            assertThat(byKind).containsKeys("Deployment", "Service", "PodDisruptionBudget");
            Map<String, Object> pod = map(map(byKind.get("Deployment"), "spec"), "template");
            Map<String, Object> podSpec = map(pod, "spec");
            assertThat(map(podSpec, "securityContext").get("runAsNonRoot")).isEqualTo(true);
            Map<String, Object> container = mapsOf(podSpec, "containers").getFirst();
            assertThat((String) container.get("image")).doesNotEndWith(":latest").contains(":");
            assertThat(map(map(container, "readinessProbe"), "httpGet").get("path"))
                    .isEqualTo("/actuator/health/readiness");
            assertThat(map(map(container, "livenessProbe"), "httpGet").get("path"))
                    .isEqualTo("/actuator/health/liveness");
            assertThat(map(container, "resources")).containsKeys("requests", "limits");
            assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
            assertThat(mapsOf(container, "ports").getFirst().get("containerPort")).isEqualTo(service.defaultPort());
            assertThat(map(map(byKind.get("PodDisruptionBudget"), "spec"), "selector").toString())
                    .contains(service.name());
        }
        for (String overlay : List.of("dev", "prod")) {
            Map<String, Object> kustomization = documents(DEPLOY.resolve("k8s/overlays/" + overlay
                    + "/kustomization.yaml")).getFirst();
            assertThat(listOf(kustomization, "resources")).containsExactly("../../base");
        }
    }

    @Test
    void theConfigMapsCarryTheShippedPoliciesRulesAndAlerts() throws Exception {
        Path config = DEPLOY.resolve("k8s/base/config");
        assertThat(Files.readString(config.resolve("sla-policies.yml"))).isEqualTo(Files.readString(
                DeployFiles.HOME.resolve("sla-service/src/main/resources/sla-policies.yml")));
        assertThat(Files.readString(config.resolve("routing-rules.yml"))).isEqualTo(Files.readString(
                DeployFiles.HOME.resolve("routing-service/src/main/resources/routing-rules.yml")));
        assertThat(Files.readString(config.resolve("classification-rules.yml"))).isEqualTo(Files.readString(
                DeployFiles.HOME.resolve("intake-service/src/main/resources/classification-rules.yml")));
        assertThat(Files.readString(config.resolve("follow-up-plans.yml"))).isEqualTo(Files.readString(
                DeployFiles.HOME.resolve("feedback-service/src/main/resources/follow-up-plans.yml")));
        assertThat(Files.readString(config.resolve("customer-messages.yml"))).isEqualTo(Files.readString(
                DeployFiles.HOME.resolve("feedback-service/src/main/resources/customer-messages.yml")));
        assertThat(Files.readString(config.resolve("alerts.yml"))).isEqualTo(Files.readString(DeployFiles.ALERTS));
    }

    @Test
    void composeRunsEveryServiceAndItsInfrastructureFromPinnedImagesWithHealthChecks() {
        Map<String, Object> compose = documents(DEPLOY.resolve("compose/compose.yml")).getFirst();
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsKeys("kafka", "kafka-topics", "postgres", "mongo", "prometheus", "grafana");
        services.forEach((name, definition) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) definition;
            String image = (String) s.get("image");
            assertThat(image).as(name).contains(":").doesNotEndWith(":latest");
            if (!name.equals("kafka-topics")) {
                assertThat(s).as(name).containsKey("healthcheck");
            }
        });
        for (SuiteLayout.Service service : SuiteLayout.SERVICES) {
            Map<String, Object> s = map(services, service.name());
            assertThat(map(s, "build").toString()).contains("SERVICE=" + service.name());
            assertThat(listOf(s, "ports")).containsExactly(service.defaultPort() + ":" + service.defaultPort());
            Map<String, Object> env = map(s, "environment");
            assertThat(env).containsKeys(service.envPrefix() + "_PORT", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
            if (service.eventSourced()) {
                assertThat((String) env.get(service.envPrefix() + "_DATASOURCE_URL")).endsWith("/" + service.database());
                assertThat(DeployFiles.read(DEPLOY.resolve("compose/postgres-init.sql")))
                        .contains("CREATE DATABASE " + service.database() + ";");
            }
        }
        assertThat(map(map(services, "mongo"), "healthcheck").toString()).contains("rs.initiate");
    }

    @Test
    void theImageIsLayeredAndRunsAsAnUnprivilegedUserWithContainerSizedMemory() {
        String dockerfile = DeployFiles.read(DEPLOY.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("-Djarmode=tools -jar app.jar extract --layers")
                .contains("USER 10001:10001").contains("-XX:MaxRAMPercentage=75")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(dockerfile.lines().filter(l -> l.startsWith("ARG JRE_IMAGE=")).findFirst().orElseThrow())
                .doesNotContain(":latest").contains(":");
    }

    /** Renders each overlay with kustomize (inside kubectl); CI must have kubectl, elsewhere it is skipped. */
    @Test
    void theOverlaysRenderWithKustomize() throws Exception {
        Path kubectl = DeployFiles.requiredInCi("kubectl", "kubernetes-client", DeployFiles.executable("kubectl"));
        for (String overlay : List.of("dev", "prod")) {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize",
                    DEPLOY.resolve("k8s/overlays/" + overlay).toString()).redirectErrorStream(true).start();
            String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(rendered).isZero();
            List<Map<String, Object>> objects = new ArrayList<>();
            new Yaml().loadAll(rendered).forEach(o -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) o;
                objects.add(object);
            });
            assertThat(objects.stream().filter(o -> "Deployment".equals(o.get("kind"))).count())
                    .isEqualTo(SuiteLayout.SERVICES.size());
            assertThat(objects).allSatisfy(o -> assertThat(o.get("kind")).isNotNull());
            assertThat(rendered).contains("name: sla-policies-", "name: routing-rules-", "name: classification-rules-");
        }
    }

    private static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(DeployFiles.read(file))) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) document;
                documents.add(map);
            }
        }
        assertThat(documents).as(file.toString()).isNotEmpty();
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mapsOf(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<String>) parent.get(key);
    }
}
