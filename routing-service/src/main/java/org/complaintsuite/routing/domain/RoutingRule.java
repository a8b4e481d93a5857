package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.RequestKind;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the routing rules file: what it matches (kinds, categories, priorities, channels; empty =
 * anything) and where the case goes.
 */
public record RoutingRule(
        String id,
        Set<RequestKind> kinds,
        Set<Category> categories,
        HandlingMode handlingMode,
        String department,
        EscalationLevel entryLevel,
        Set<Priority> priorities,
        Set<Channel> channels,
        Set<String> subjectTypes) {

    public RoutingRule {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        subjectTypes = subjectTypes == null ? Set.of()
                : subjectTypes.stream().map(t -> t.trim().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        entryLevel = entryLevel == null ? EscalationLevel.AGENT : entryLevel;
    }

    boolean matches(RequestKind kind, Category category, Priority priority, Channel channel, String subjectType) {
        return allows(kinds, kind) && allows(categories, category) && allows(priorities, priority)
                && allows(channels, channel) && allows(subjectTypes,
                subjectType == null ? null : subjectType.trim().toUpperCase(Locale.ROOT));
    }

    boolean matchesEverything() {
        return kinds.isEmpty() && categories.isEmpty() && priorities.isEmpty() && channels.isEmpty()
                && subjectTypes.isEmpty();
    }

    private static <T> boolean allows(Set<T> criterion, T value) {
        return criterion.isEmpty() || (value != null && criterion.contains(value));
    }
}
