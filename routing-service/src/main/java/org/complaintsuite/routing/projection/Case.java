package org.complaintsuite.routing.projection;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.Area;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.routing.domain.CaseState;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** A case as routing handles it: where it is, who has it, how it ended, and (read alone) its full history. */
@Schema(description = "A case: its state in the current round, where it was routed and who has it, its field "
        + "visit and resolution, and, when one case is read, its full history (who, what, when, why).")
public record Case(
        @JsonAlias("_id") ComplaintId complaintId,
        CaseState state,
        int round,
        RequestKind kind,
        Category category,
        HandlingMode handlingMode,
        String department,
        String ruleId,
        String owner,
        String assignee,
        EscalationLevel escalationLevel,
        Integer handOffs,
        Integer contacts,
        Instant firstContactAt,
        FieldVisit fieldVisit,
        ComplaintResolved resolution,
        @Schema(description = "follow-ups of the resolved case not made in time, escalated to the owner's supervisor")
        Integer overdueFollowUps,
        Instant updatedAt,
        @Schema(description = "every step of the case, oldest first; left out of work-queue listings")
        List<Step> history) {

    /** Someone sent on site, and when they arrived. */
    public record FieldVisit(int visit, Area area, VisitState state, Instant arrivedAt) {
    }

    public enum VisitState { UNDERWAY, ARRIVED }

    /** One step of the case on the record. */
    public record Step(
            @Schema(description = "ROUTED, ESCALATED, ASSIGNED, HANDED_OFF, CONTACTED, FIELD_VISIT_REQUESTED, "
                    + "FIELD_VISIT_ARRIVED, RESOLVED, FOLLOW_UP_OVERDUE or CLOSED") String what,
            Instant at,
            String actor,
            @Schema(description = "the event's payload as published, without its complaintId "
                    + "(see the event's JSON Schema in the AsyncAPI document)") JsonNode detail) {
    }

    /** One page of a work queue, oldest change first. */
    public record Page(int page, int size, List<Case> items) {
    }
}
