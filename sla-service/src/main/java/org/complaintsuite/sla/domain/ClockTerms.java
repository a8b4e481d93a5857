package org.complaintsuite.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a clock is held to: the policy (and version) that set it, the working time allowed, the calendar. */
public record ClockTerms(String policyId, String policyVersion, Duration allowed, BusinessCalendar calendar,
                         List<Double> warnAt) {

    public Instant dueAt(Instant start) {
        return calendar.plus(start, allowed);
    }
}
