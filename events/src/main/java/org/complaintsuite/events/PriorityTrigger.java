package org.complaintsuite.events;

/**
 * A rule that raised a complaint's priority, and why: a VIP or major account, a safety incident, or a
 * threat to go to the media or to court. Routing escalates on them.
 */
public record PriorityTrigger(Kind kind, String rule, String matched) {

    public enum Kind { VIP, MAJOR_ACCOUNT, SAFETY_INCIDENT, MEDIA_OR_LEGAL_THREAT }
}
