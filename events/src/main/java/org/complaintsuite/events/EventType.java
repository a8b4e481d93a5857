package org.complaintsuite.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every published event type: its record, its topic, its CloudEvents {@code ce_type} and its JSON Schema.
 */
public enum EventType {
    COMPLAINT_RECEIVED(ComplaintReceived.class, Topic.INTAKE_COMPLAINTS),
    COMPLAINT_ROUTED(ComplaintRouted.class, Topic.ROUTING_CASES),
    COMPLAINT_ESCALATED(ComplaintEscalated.class, Topic.ROUTING_CASES),
    COMPLAINT_RESOLVED(ComplaintResolved.class, Topic.ROUTING_CASES),
    CASE_HANDED_OFF(CaseHandedOff.class, Topic.ROUTING_CASES),
    CASE_ASSIGNED(CaseAssigned.class, Topic.ROUTING_CASES),
    CUSTOMER_CONTACTED(CustomerContacted.class, Topic.ROUTING_CASES),
    FIELD_VISIT_REQUESTED(FieldVisitRequested.class, Topic.ROUTING_CASES),
    FIELD_VISIT_ARRIVED(FieldVisitArrived.class, Topic.ROUTING_CASES),
    FOLLOW_UP_OVERDUE(FollowUpOverdue.class, Topic.ROUTING_CASES),
    SLA_CLOCK_STARTED(SlaClockStarted.class, Topic.SLA_CLOCKS),
    SLA_MET(SlaMet.class, Topic.SLA_CLOCKS),
    SLA_BREACHED(SlaBreached.class, Topic.SLA_CLOCKS),
    SLA_CLOCK_PAUSED(SlaClockPaused.class, Topic.SLA_CLOCKS),
    SLA_CLOCK_RESUMED(SlaClockResumed.class, Topic.SLA_CLOCKS),
    SLA_WARNING_REACHED(SlaWarningReached.class, Topic.SLA_CLOCKS),
    SLA_CLOCK_RECALCULATED(SlaClockRecalculated.class, Topic.SLA_CLOCKS),
    FOLLOW_UP_SCHEDULED(FollowUpScheduled.class, Topic.FEEDBACK_FOLLOWUPS),
    FOLLOW_UP_COMPLETED(FollowUpCompleted.class, Topic.FEEDBACK_FOLLOWUPS),
    FOLLOW_UP_ATTEMPTED(FollowUpAttempted.class, Topic.FEEDBACK_FOLLOWUPS),
    FOLLOW_UP_ENDED(FollowUpEnded.class, Topic.FEEDBACK_FOLLOWUPS),
    COMPLAINT_REVISITED(ComplaintRevisited.class, Topic.FEEDBACK_FOLLOWUPS),
    COMPLAINT_CLOSED(ComplaintClosed.class, Topic.FEEDBACK_FOLLOWUPS),
    CUSTOMER_MESSAGE_ISSUED(CustomerMessageIssued.class, Topic.FEEDBACK_MESSAGES);

    public static final String CE_TYPE_PREFIX = "org.complaintsuite.";
    public static final String VERSION_SUFFIX = ".v1";

    private final Class<? extends LifecycleEvent> recordClass;
    private final Topic topic;

    EventType(Class<? extends LifecycleEvent> recordClass, Topic topic) {
        this.recordClass = recordClass;
        this.topic = topic;
    }

    public Class<? extends LifecycleEvent> recordClass() {
        return recordClass;
    }

    public Topic topic() {
        return topic;
    }

    public String simpleName() {
        return recordClass.getSimpleName();
    }

    /** e.g. {@code org.complaintsuite.ComplaintReceived.v1} */
    public String ceType() {
        return CE_TYPE_PREFIX + simpleName() + VERSION_SUFFIX;
    }

    /** Classpath location of the JSON Schema of this type's payload. */
    public String schemaResource() {
        return "/schemas/" + simpleName() + VERSION_SUFFIX + ".json";
    }

    /** The {@code $id} of that JSON Schema: an absolute URI, sent as {@code ce_dataschema}. */
    public String schemaId() {
        return "https://complaintsuite.org" + schemaResource();
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }

    public static EventType of(Class<?> recordClass) {
        return Arrays.stream(values()).filter(t -> t.recordClass.equals(recordClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a published event type: " + recordClass.getName()));
    }

    public static boolean isPublished(Class<?> recordClass) {
        return Arrays.stream(values()).anyMatch(t -> t.recordClass.equals(recordClass));
    }
}
