package org.complaintsuite.testing;

import org.complaintsuite.embedded.SuiteLayout;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where a service under test finds the infrastructure selected for the run ({@link Infrastructures}). */
public final class ServiceTesting {

    private ServiceTesting() {
    }

    /**
     * The environment the suite launcher gives its services, for all five: each service reads its own
     * variables (database, port) and the shared ones (broker, Mongo store).
     */
    public static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (SuiteLayout.Service service : SuiteLayout.SERVICES) {
            environment.putAll(Infrastructures.selected().environment(service.name()));
        }
        environment.forEach((name, value) -> registry.add(name, () -> value));
    }

    public static String kafkaBootstrapServers() {
        return Infrastructures.selected().kafkaBootstrapServers();
    }
}
