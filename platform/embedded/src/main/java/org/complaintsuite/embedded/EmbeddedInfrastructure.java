package org.complaintsuite.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite's infrastructure on embedded defaults — a Kafka broker with every lifecycle topic, PostgreSQL
 * with each service's database, and the Mongo-protocol store — started once in this JVM and shared by
 * every test in it; stopped when the JVM exits. Each test keeps to its own complaint ids.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static EmbeddedInfrastructure shared;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedKafkaBroker kafka;

    private EmbeddedInfrastructure() throws Exception {
        Path work = Files.createTempDirectory("suite-infrastructure");
        postgres = EmbeddedPostgresServer.startTemporary();
        postgres.createDatabases(SuiteLayout.databases());
        mongo = EmbeddedMongoServer.startInMemory();
        kafka = new EmbeddedKafkaBroker(work.resolve("kafka"), freePort(), freePort()).start();
        kafka.createTopics(SuiteLayout.topics());
    }

    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            try {
                EmbeddedInfrastructure started = new EmbeddedInfrastructure();
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "infrastructure-stop"));
                shared = started;
            } catch (Exception e) {
                throw new IllegalStateException("the embedded infrastructure did not start", e);
            }
        }
        return shared;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    private void stop() {
        kafka.close();
        mongo.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
