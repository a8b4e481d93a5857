package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;

import java.util.List;

/**
 * Raises the priority to {@code raiseTo} when the description contains one of {@code phrases}, the
 * customer id is one of {@code customerIds}, or the e-mail address is at one of {@code emailDomains}.
 */
public record TriggerRule(String id, PriorityTrigger.Kind trigger, List<String> phrases, List<String> customerIds,
                          List<String> emailDomains, Priority raiseTo) {
}
