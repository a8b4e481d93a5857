package org.complaintsuite.feedback.config;

import org.complaintsuite.feedback.domain.FollowUpPlans;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** {@code follow-up-plans.yml} (or the file in {@code FOLLOW_UP_PLANS}), bound as typed data. */
@ConfigurationProperties("follow-up")
public record FollowUpPlanProperties(ZoneId zone, Set<LocalDate> holidays, int withinWorkingDays, Attempts attempts,
                                     List<FollowUpPlans.Plan> plans) {

    /** How often a follow-up is called before the customer counts as unreachable, and when to call again. */
    public record Attempts(int max, List<String> retryAfter, LocalTime workingMorning) {
    }
}
