package org.complaintsuite.intake.projection;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.OnTheSpotAnswer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.projection.ComplaintView.CaseStage;

import java.time.Instant;
import java.util.List;

/**
 * A complaint as intake registered it (the fields of {@code ComplaintReceived}), the later contacts linked
 * to it, and how far its case has come.
 */
@Schema(description = "A complaint as registered (the fields of ComplaintReceived), the later contacts linked "
        + "to it, and the round and stage its case has reached (CLOSED at once for a consultation answered on the "
        + "spot, and for a query answered from a lookup unless the answer opened a case).")
public record RegisteredComplaint(
        @JsonAlias("_id") ComplaintId complaintId,
        Channel channel,
        String externalId,
        RequestKind kind,
        Category category,
        Customer customer,
        Subject subject,
        String description,
        String demand,
        Instant receivedAt,
        Priority priority,
        String receivedBy,
        Classification classification,
        List<PriorityTrigger> triggers,
        LinkedComplaint linkedTo,
        OnTheSpotAnswer answeredOnTheSpot,
        LookupAnswer answeredAutomatically,
        List<LinkedContact> linkedContacts,
        Integer caseRound,
        CaseStage caseStage,
        Instant resolvedAt) {

    /** A later contact by the customer about the same problem, answered with this complaint. */
    public record LinkedContact(ComplaintId complaintId, Channel channel, LinkedComplaint.Reason reason,
                                Instant receivedAt) {
    }
}
