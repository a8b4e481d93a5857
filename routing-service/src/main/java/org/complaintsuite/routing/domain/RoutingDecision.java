package org.complaintsuite.routing.domain;

import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.HandlingMode;

/** Where a case goes and by which rule. */
public record RoutingDecision(String ruleId, HandlingMode handlingMode, String department, EscalationLevel entryLevel) {
}
