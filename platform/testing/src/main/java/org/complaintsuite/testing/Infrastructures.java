package org.complaintsuite.testing;

import org.complaintsuite.embedded.EmbeddedInfrastructure;
import org.complaintsuite.embedded.Infrastructure;

/**
 * The one switch for where a test's infrastructure comes from: {@code -Dsuite.infrastructure=real} (what
 * {@code ./mvnw verify -Preal-infrastructure} sets) runs every service and end-to-end test on the real
 * images; anything else, the default, on the embedded broker, PostgreSQL and Mongo-protocol store.
 */
public final class Infrastructures {

    public static final String PROPERTY = "suite.infrastructure";

    private Infrastructures() {
    }

    public static boolean realSelected() {
        return "real".equals(System.getProperty(PROPERTY, "embedded"));
    }

    public static Infrastructure selected() {
        return realSelected() ? ContainerInfrastructure.shared() : EmbeddedInfrastructure.shared();
    }
}
