package org.complaintsuite.feedback.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** When follow-ups are due: {@code FOLLOW_UP_WORKING_DAYS} working days in {@code SUITE_TIME_ZONE}. */
@ConfigurationProperties("follow-up")
public record FollowUpProperties(int workingDays, ZoneId zone, Set<LocalDate> holidays) {
}
