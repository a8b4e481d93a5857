package org.complaintsuite.bench;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.complaintsuite.embedded.EmbeddedInfrastructure;
import org.complaintsuite.embedded.EmbeddedKafkaBroker;
import org.complaintsuite.embedded.EmbeddedMongoServer;
import org.complaintsuite.embedded.EmbeddedPostgresServer;
import org.complaintsuite.embedded.ServiceProcess;
import org.complaintsuite.embedded.SuiteLayout;
import org.complaintsuite.events.Topic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every benchmark runs on: PostgreSQL (zonky binaries), the Mongo-protocol store and a Kafka broker
 * with the suite's topics, in the driver's JVM, and a producer with the services' settings; the service
 * under test runs from its own runnable jar as a separate process.
 */
final class BenchInfrastructure implements AutoCloseable {

    private static final String BASELINE_TOPIC = "bench.baseline";

    final EmbeddedPostgresServer postgres;
    final EmbeddedMongoServer mongo;
    final EmbeddedKafkaBroker kafka;
    final KafkaProducer<String, byte[]> producer;

    private BenchInfrastructure(EmbeddedPostgresServer postgres, EmbeddedMongoServer mongo, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.mongo = mongo;
        this.kafka = kafka;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Starts it all, with the service's database and a topic for the raw Kafka baseline. */
    static BenchInfrastructure start(Path work, String database) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary();
        postgres.createDatabases(List.of(database));
        EmbeddedMongoServer mongo = EmbeddedMongoServer.startInMemory();
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(work.resolve("kafka"), EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort()).start();
        List<NewTopic> topics = new ArrayList<>(SuiteLayout.topics());
        topics.add(new NewTopic(BASELINE_TOPIC, Topic.ROUTING_CASES.partitions(), (short) 1));
        kafka.createTopics(topics);
        return new BenchInfrastructure(postgres, mongo, kafka);
    }

    /** Producer throughput of this broker for {@code count} records of {@code value}, in records/s. */
    double rawKafka(int count, byte[] value) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(BASELINE_TOPIC, "baseline-" + i, value));
        }
        producer.flush();
        return count / seconds(start);
    }

    /** The service's runnable jar on this infrastructure (not started), with {@code extra} environment. */
    ServiceProcess service(String name, int port, Map<String, String> extra, Path log, String heap) throws IOException {
        SuiteLayout.Service layout = SuiteLayout.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
        Map<String, String> env = new LinkedHashMap<>(SuiteLayout.environment(layout, port, kafka.bootstrapServers(),
                postgres, mongo.connectionString()));
        env.putAll(extra);
        Path home = Path.of(System.getProperty("suite.home", ".")).toAbsolutePath().normalize();
        return new ServiceProcess(name, layout.jar(home, System.getProperty("suite.version")), port, env, log,
                List.of("-Xms" + heap, "-Xmx" + heap));
    }

    /** Stops what the benchmark started and then this, in reverse order, each even if another fails. */
    void close(AutoCloseable... startedByTheBenchmark) {
        List<AutoCloseable> all = new ArrayList<>(List.of(startedByTheBenchmark));
        all.addAll(List.of(producer, kafka, mongo, postgres));
        for (AutoCloseable resource : all) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("[benchmark] could not stop " + resource + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        close(new AutoCloseable[0]);
    }

    /** {@code --name value} pairs over {@code defaults}; a name without a default is refused. */
    static Map<String, String> options(String[] args, Map<String, String> defaults) {
        Map<String, String> options = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + defaults.keySet());
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    /** The figures of a run: printed as they come, and all together at the end. */
    static final class Report {
        private final List<String> lines = new ArrayList<>();

        void say(String format, Object... args) {
            String line = format.formatted(args);
            lines.add(line);
            System.out.println("[benchmark] " + line);
        }

        void print() {
            System.out.println();
            lines.forEach(System.out::println);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
