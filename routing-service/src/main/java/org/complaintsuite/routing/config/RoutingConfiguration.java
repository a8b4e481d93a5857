package org.complaintsuite.routing.config;

import org.complaintsuite.routing.domain.RoutingRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RoutingConfiguration {

    /** Invalid rules stop the service at start-up with every problem listed. */
    @Bean
    RoutingRules routingRules(RoutingRulesProperties properties) {
        return new RoutingRules(properties.rules());
    }
}
