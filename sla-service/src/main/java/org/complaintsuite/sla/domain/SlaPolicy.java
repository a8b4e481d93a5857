package org.complaintsuite.sla.domain;

import org.complaintsuite.events.SlaTarget;

import java.util.Map;

/** One policy: which complaints it covers and what each of its targets allows. */
public record SlaPolicy(String id, String version, PolicyMatch match, Map<SlaTarget, TargetRule> targets) {

    public SlaPolicy {
        match = match == null ? PolicyMatch.ANY : match;
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }
}
