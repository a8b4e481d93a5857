package org.complaintsuite.embedded;

import org.apache.kafka.clients.admin.NewTopic;
import org.complaintsuite.events.Topic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The five services, their ports and the environment that points them at the infrastructure. Used by
 * the local suite launcher and by the end-to-end tests alike.
 */
public final class SuiteLayout {

    public record Service(String name, String envPrefix, int defaultPort, boolean eventSourced) {
        public String database() {
            return name.substring(0, name.indexOf('-'));
        }

        public Path jar(Path home, String version) {
            return home.resolve(name).resolve("target").resolve(name + "-" + version + "-exec.jar");
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("intake-service", "INTAKE", 8081, true),
            new Service("routing-service", "ROUTING", 8082, true),
            new Service("sla-service", "SLA", 8083, true),
            new Service("feedback-service", "FEEDBACK", 8084, true),
            new Service("analytics-service", "ANALYTICS", 8085, false));

    /**
     * The local OpenID Connect provider: its own process, started before the services, with no database
     * (its directory is a data file) and its signing key kept in the data folder.
     */
    public static final Service IDENTITY = new Service("identity-service", "IDENTITY", 8080, false);

    private SuiteLayout() {
    }

    /** Every lifecycle topic with its partitions and retention, and its dead-letter topic (kept forever). */
    public static List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.all()) {
            String retention = topic.retention() == null ? "-1" : String.valueOf(topic.retention().toMillis());
            topics.add(new NewTopic(topic.topicName(), topic.partitions(), (short) 1)
                    .configs(Map.of("retention.ms", retention)));
            topics.add(new NewTopic(topic.deadLetterTopicName(), 1, (short) 1).configs(Map.of("retention.ms", "-1")));
        }
        return topics;
    }

    public static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public static List<String> databases() {
        return SERVICES.stream().filter(Service::eventSourced).map(Service::database).toList();
    }

    public static Map<String, String> environment(Service service, int port, String kafkaBootstrap,
                                                  EmbeddedPostgresServer postgres, String mongoUri) {
        return environment(service, port, kafkaBootstrap, postgres::jdbcUrl, mongoUri);
    }

    /** The same for any PostgreSQL server: {@code jdbcUrl} gives the URL of one database on it. */
    public static Map<String, String> environment(Service service, int port, String kafkaBootstrap,
                                                  Function<String, String> jdbcUrl, String mongoUri) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(service.envPrefix() + "_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("MONGODB_URI", mongoUri);
        if (service.eventSourced()) {
            env.put(service.envPrefix() + "_DATASOURCE_URL", jdbcUrl.apply(service.database()));
            env.put(service.envPrefix() + "_DATASOURCE_USERNAME", "postgres");
            env.put(service.envPrefix() + "_DATASOURCE_PASSWORD", "postgres");
        }
        return env;
    }

    /** The provider's environment: its port, the issuer URL its tokens name, and where its signing key is kept. */
    public static Map<String, String> identityEnvironment(int port, Path signingKeyFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDENTITY_PORT", String.valueOf(port));
        env.put("IDENTITY_ISSUER", "http://127.0.0.1:" + port);
        env.put("IDENTITY_SIGNING_KEY_FILE", signingKeyFile.toAbsolutePath().toString());
        return env;
    }

    /** Small heaps and a quick JIT: five JVMs share two cores on a developer machine. */
    public static List<String> jvmOptions(Path cdsDir, Service service) {
        return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + cdsDir.resolve(service.name() + ".jsa").toAbsolutePath());
    }
}
