package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.RequestKind;

import java.util.Set;

/** One line of the routing rules file: what it matches (empty = anything) and where the case goes. */
public record RoutingRule(
        String id,
        Set<RequestKind> kinds,
        Set<Category> categories,
        HandlingMode handlingMode,
        String department,
        EscalationLevel entryLevel) {

    public RoutingRule {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        entryLevel = entryLevel == null ? EscalationLevel.AGENT : entryLevel;
    }

    boolean matches(RequestKind kind, Category category) {
        return (kinds.isEmpty() || kinds.contains(kind)) && (categories.isEmpty() || categories.contains(category));
    }
}
