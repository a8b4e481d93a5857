package org.complaintsuite.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The topic registry: every topic of the suite, declared once, with its single writer and its
 * provisioning. Records are keyed by complaintId so one complaint's events stay ordered.
 */
public enum Topic {
    INTAKE_SUBMISSIONS("intake.submissions.v1", "channel gateways", 6, Duration.ofDays(30)),
    INTAKE_COMPLAINTS("intake.complaints.v1", "intake-service", 6, null),
    ROUTING_CASES("routing.cases.v1", "routing-service", 6, null),
    SLA_CLOCKS("sla.clocks.v1", "sla-service", 6, null),
    FEEDBACK_FOLLOWUPS("feedback.followups.v1", "feedback-service", 6, null),
    FEEDBACK_RESPONSES("feedback.responses.v1", "survey gateways", 6, Duration.ofDays(30)),
    FEEDBACK_MESSAGES("feedback.messages.v1", "feedback-service", 6, Duration.ofDays(30));

    /** Suffix of each consumer-side dead-letter topic: {@code <topic>.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String topicName;
    private final String writer;
    private final int partitions;
    private final Duration retention;

    Topic(String topicName, String writer, int partitions, Duration retention) {
        this.topicName = topicName;
        this.writer = writer;
        this.partitions = partitions;
        this.retention = retention;
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    public String writer() {
        return writer;
    }

    public int partitions() {
        return partitions;
    }

    /** Lifecycle topics are the system of record for projections: kept forever (null). */
    public Duration retention() {
        return retention;
    }

    public static List<Topic> all() {
        return Arrays.asList(values());
    }
}
