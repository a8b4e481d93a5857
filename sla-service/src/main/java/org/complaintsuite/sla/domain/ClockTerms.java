package org.complaintsuite.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a clock is held to: the policy (and version) that set it, the working time allowed (null when the
 * step that starts the clock sets its due time), the calendar.
 */
public record ClockTerms(String policyId, String policyVersion, Duration allowed, BusinessCalendar calendar,
                         List<Double> warnAt) {

    public Instant dueAt(Instant start) {
        return calendar.plus(start, allowed);
    }

    /** These terms for a clock whose due time was set by the step that started it: the working time to it. */
    public ClockTerms dueBy(Instant start, Instant due) {
        return new ClockTerms(policyId, policyVersion, calendar.between(start, due), calendar, warnAt);
    }
}
