package org.complaintsuite.events;

/**
 * What an SLA clock is about: what its policy was chosen by and what its metrics are tagged with.
 * {@code area} is set for on-site arrival clocks only.
 */
public record ClockSubject(RequestKind kind, Category category, Priority priority, Channel channel,
                           String department, Area area) {

    public ClockSubject(RequestKind kind, Category category, Priority priority, Channel channel, String department) {
        this(kind, category, priority, channel, department, null);
    }

    public ClockSubject inArea(Area where) {
        return new ClockSubject(kind, category, priority, channel, department, where);
    }
}
