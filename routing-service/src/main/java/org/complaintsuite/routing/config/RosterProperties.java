package org.complaintsuite.routing.config;

import org.complaintsuite.routing.domain.Roster;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/** {@code routing.roster} in the rules file: the agents of each department's queue. */
@ConfigurationProperties("routing.roster")
public record RosterProperties(Map<String, List<Roster.Agent>> departments) {
}
