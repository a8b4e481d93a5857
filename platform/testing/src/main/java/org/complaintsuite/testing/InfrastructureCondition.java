package org.complaintsuite.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test that needs the infrastructure on the embedded defaults always, and on the real images only
 * where Testcontainers finds a Docker engine; without one the test is reported skipped, saying why.
 */
public final class InfrastructureCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!Infrastructures.realSelected()) {
            return ConditionEvaluationResult.enabled("on the embedded infrastructure");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("on the real Kafka, PostgreSQL and MongoDB images");
        }
        return ConditionEvaluationResult.disabled("the real-infrastructure profile needs a Docker engine and "
                + "Testcontainers found none; the default run uses the embedded infrastructure");
    }
}
