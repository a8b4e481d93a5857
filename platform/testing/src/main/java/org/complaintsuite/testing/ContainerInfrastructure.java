package org.complaintsuite.testing;

import org.complaintsuite.embedded.EmbeddedKafkaBroker;
import org.complaintsuite.embedded.EmbeddedPostgresServer;
import org.complaintsuite.embedded.Infrastructure;
import org.complaintsuite.embedded.SuiteLayout;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The suite's infrastructure from the images production runs (the tags {@code deploy/compose} uses):
 * Apache Kafka in KRaft mode, PostgreSQL, and MongoDB as a single-node replica set. Started once per JVM
 * under Testcontainers and removed when it exits.
 */
public final class ContainerInfrastructure implements Infrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String POSTGRES_IMAGE = "postgres:18.1";
    public static final String MONGO_IMAGE = "mongo:8.0.15";

    private static ContainerInfrastructure shared;

    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    private final PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
            .withUsername("postgres").withPassword("postgres")
            .withCommand("postgres", "-c", "max_connections=200");
    private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);

    private ContainerInfrastructure() throws Exception {
        Startables.deepStart(kafka, postgres, mongo).join();
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), "postgres", "postgres")) {
            EmbeddedPostgresServer.createDatabases(c, SuiteLayout.databases());
        }
        EmbeddedKafkaBroker.createTopics(kafka.getBootstrapServers(), SuiteLayout.topics());
    }

    static synchronized ContainerInfrastructure shared() {
        if (shared == null) {
            try {
                ContainerInfrastructure started = new ContainerInfrastructure();
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "containers-stop"));
                shared = started;
            } catch (Exception e) {
                throw new IllegalStateException("the Kafka, PostgreSQL and MongoDB containers did not start", e);
            }
        }
        return shared;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    private void stop() {
        kafka.stop();
        postgres.stop();
        mongo.stop();
    }
}
