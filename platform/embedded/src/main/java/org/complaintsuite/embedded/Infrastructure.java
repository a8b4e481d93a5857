package org.complaintsuite.embedded;

import java.util.Map;

/**
 * Where the suite's infrastructure is for a test run: a Kafka broker with every lifecycle topic, a
 * PostgreSQL server with each service's database (user and password {@code postgres}), and a MongoDB
 * (or Mongo-protocol) store. The embedded one is the default; the real images run under Testcontainers.
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    String jdbcUrl(String database);

    String mongoUri();

    /** The environment that points {@code service} at this infrastructure, as the suite launcher sets it. */
    default Map<String, String> environment(SuiteLayout.Service service, int port) {
        return SuiteLayout.environment(service, port, kafkaBootstrapServers(), this::jdbcUrl, mongoUri());
    }

    default Map<String, String> environment(String serviceName) {
        return environment(SuiteLayout.service(serviceName), 0);
    }
}
