package org.complaintsuite.testing;

import org.complaintsuite.embedded.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Starts a service's own Spring context in the test JVM on the suite's embedded infrastructure: call
 * {@link #infrastructure} from the test's {@code @DynamicPropertySource}.
 */
public final class ServiceTesting {

    private ServiceTesting() {
    }

    /** Points {@code serviceName} at the shared broker, PostgreSQL database and Mongo-protocol store. */
    public static void infrastructure(DynamicPropertyRegistry registry, String serviceName) {
        EmbeddedInfrastructure.shared().environment(serviceName).forEach((name, value) -> registry.add(name, () -> value));
    }

    public static String kafkaBootstrapServers() {
        return EmbeddedInfrastructure.shared().kafkaBootstrapServers();
    }
}
