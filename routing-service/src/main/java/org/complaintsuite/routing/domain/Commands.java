package org.complaintsuite.routing.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.complaintsuite.events.Area;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Compensation;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Validity;

import java.time.Instant;
import java.util.List;

/** The commands a case accepts. */
public final class Commands {
    private Commands() {
    }

    /**
     * Open the case of a received complaint; {@code receivedBy}, the receiving agent, becomes its owner;
     * {@code triggers} are intake's priority rules that matched.
     */
    public record OpenCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, RequestKind kind,
                                  Category category, Channel channel, Priority priority, Instant receivedAt,
                                  String receivedBy, List<PriorityTrigger> triggers, String subjectType) {
        public OpenCaseCommand {
            triggers = triggers == null ? List.of() : List.copyOf(triggers);
        }
    }

    /**
     * Give the case to an agent. {@code round} is set by the automatic assignment (which happens once per
     * round); a supervisor's reassignment leaves it 0.
     */
    public record AssignCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, int round, String assignee,
                                    String reason, String by) {
        public boolean automatic() {
            return round > 0;
        }
    }

    /** Someone handling the case got in touch with the customer, by {@code means} (PHONE, EMAIL, VISIT...). */
    public record RecordContactCommand(@TargetAggregateIdentifier ComplaintId complaintId, String by, Channel means,
                                       String note) {
    }

    /** Pass ownership to someone else, on the record: who, to whom, why. */
    public record HandOffCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, String to, String reason,
                                     String by) {
    }

    /** Escalate; {@code expectedLevel}, when given, is the level the actor saw (rejected if it moved meanwhile). */
    public record EscalateCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason,
                                      String trigger, String actor, EscalationLevel targetLevel,
                                      EscalationLevel expectedLevel) {
        public static final String MANUAL = "MANUAL";
        public static final String SLA_BREACH = "SLA_BREACH";

        public EscalateCaseCommand(ComplaintId complaintId, String reason, String trigger, String actor,
                                   EscalationLevel targetLevel) {
            this(complaintId, reason, trigger, actor, targetLevel, null);
        }
    }

    /** The resolution record; validated at the API (enumerations, compensation only with that remedy). */
    public record ResolveCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, Resolution resolution,
                                     String resolvedBy) {
    }

    public record ReopenCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, int round, String reason,
                                    Instant revisitedAt) {
    }

    /** Someone must go on site; {@code area} decides the arrival target. */
    public record RequestFieldVisitCommand(@TargetAggregateIdentifier ComplaintId complaintId, Area area,
                                           String location, String reason, String requestedBy) {
    }

    public record RecordFieldArrivalCommand(@TargetAggregateIdentifier ComplaintId complaintId, String arrivedBy) {
    }

    public record CloseCaseCommand(@TargetAggregateIdentifier ComplaintId complaintId, Instant closedAt) {
    }

    /** A follow-up's clock {@code clockId} breached: nobody called the customer by {@code dueAt}. */
    public record EscalateOverdueFollowUpCommand(@TargetAggregateIdentifier ComplaintId complaintId, String clockId,
                                                 Instant dueAt) {
    }
}
