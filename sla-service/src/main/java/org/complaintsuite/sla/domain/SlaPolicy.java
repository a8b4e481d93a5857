package org.complaintsuite.sla.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.RequestKind;

import java.time.Duration;
import java.util.Set;

/** One policy of the policy file: what it matches (empty = anything) and its resolution target. */
public record SlaPolicy(String id, String version, Set<RequestKind> kinds, Set<Category> categories,
                        Duration resolution) {

    public SlaPolicy {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    boolean matches(RequestKind kind, Category category) {
        return (kinds.isEmpty() || kinds.contains(kind)) && (categories.isEmpty() || categories.contains(category));
    }

    /** More specific policies (more criteria) win over general ones. */
    int specificity() {
        return (kinds.isEmpty() ? 0 : 1) + (categories.isEmpty() ? 0 : 2);
    }
}
