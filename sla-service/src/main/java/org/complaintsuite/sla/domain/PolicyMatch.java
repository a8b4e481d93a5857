package org.complaintsuite.sla.domain;

import org.complaintsuite.events.Area;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;

import java.util.Set;

/** Which complaints a policy applies to; an empty set matches anything. */
public record PolicyMatch(Set<RequestKind> kinds, Set<Category> categories, Set<Priority> priorities,
                          Set<Channel> channels, Set<Area> areas) {

    public static final PolicyMatch ANY = new PolicyMatch(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public PolicyMatch(Set<RequestKind> kinds, Set<Category> categories, Set<Priority> priorities,
                       Set<Channel> channels) {
        this(kinds, categories, priorities, channels, Set.of());
    }

    public PolicyMatch {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
    }

    boolean matches(ClockSubject s) {
        return allows(kinds, s.kind()) && allows(categories, s.category()) && allows(priorities, s.priority())
                && allows(channels, s.channel()) && allows(areas, s.area());
    }

    /** An empty criterion allows anything; a given one only what it names (never an unknown value). */
    private static <T> boolean allows(Set<T> criterion, T value) {
        return criterion.isEmpty() || (value != null && criterion.contains(value));
    }

    /**
     * Most specific match wins: each criterion given counts, area (of a field visit) most, then priority,
     * category, channel and kind.
     */
    int specificity() {
        return (kinds.isEmpty() ? 0 : 1) + (channels.isEmpty() ? 0 : 2) + (categories.isEmpty() ? 0 : 4)
                + (priorities.isEmpty() ? 0 : 8) + (areas.isEmpty() ? 0 : 16);
    }
}
