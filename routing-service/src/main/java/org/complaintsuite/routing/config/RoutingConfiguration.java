package org.complaintsuite.routing.config;

import org.complaintsuite.routing.domain.Roster;
import org.complaintsuite.routing.domain.RoutingRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RoutingConfiguration {

    /** Invalid rules stop the service at start-up with every problem listed. */
    @Bean
    RoutingRules routingRules(RoutingRulesProperties properties) {
        return new RoutingRules(properties.rules(), properties.escalationTriggers());
    }

    /** An invalid roster (an agent without id, or listed twice) stops the start-up too. */
    @Bean
    Roster roster(RosterProperties properties) {
        return new Roster(properties.departments());
    }
}
