package org.complaintsuite.routing.config;

import org.complaintsuite.routing.domain.CauseCatalogue;
import org.complaintsuite.routing.domain.CompensationAuthority;
import org.complaintsuite.routing.domain.Roster;
import org.complaintsuite.routing.domain.RoutingRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class RoutingConfiguration {

    /** Invalid rules stop the service at start-up with every problem listed. */
    @Bean
    RoutingRules routingRules(RoutingRulesProperties properties) {
        return new RoutingRules(properties.rules(), properties.escalationTriggers(),
                properties.compensationAuthority() == null ? CompensationAuthority.UNLIMITED
                        : properties.compensationAuthority(),
                properties.causes() == null ? CauseCatalogue.NONE : properties.causes());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The roster of the rules file: checked at start-up (an agent without id, or listed twice, stops it),
     * and the seed of the roster supervisors maintain through {@code /api/roster}.
     */
    @Bean
    Roster shippedRoster(RosterProperties properties) {
        return new Roster(properties.departments());
    }
}
