package org.complaintsuite.sla.config;

import org.complaintsuite.sla.domain.SlaPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** {@code sla-policies.yml}, or the file named by {@code SLA_POLICIES}, bound as typed data. */
@ConfigurationProperties("sla.catalogue")
public record SlaPolicyProperties(List<SlaPolicy> policies) {
}
