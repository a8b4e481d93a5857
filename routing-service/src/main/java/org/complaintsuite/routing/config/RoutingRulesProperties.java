package org.complaintsuite.routing.config;

import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.routing.domain.CauseCatalogue;
import org.complaintsuite.routing.domain.CompensationAuthority;
import org.complaintsuite.routing.domain.RoutingRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/** {@code routing-rules.yml} (or the file in {@code ROUTING_RULES}), bound as typed data. */
@ConfigurationProperties("routing.table")
public record RoutingRulesProperties(List<RoutingRule> rules,
                                     Map<PriorityTrigger.Kind, EscalationLevel> escalationTriggers,
                                     CompensationAuthority compensationAuthority,
                                     CauseCatalogue causes) {
}
