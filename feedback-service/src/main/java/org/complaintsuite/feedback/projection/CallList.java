package org.complaintsuite.feedback.projection;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.ComplaintId;

import java.time.Instant;
import java.util.List;

/** The follow-ups to call now, the one due soonest first: an agent desktop's list. */
@Schema(description = "Follow-ups waiting that may be called by the given time — a round's first from its "
        + "scheduling, a later one from the start of its due day, a retried one from its next attempt — the one "
        + "due soonest first.")
public record CallList(int page, int size, List<Call> items) {

    public record Call(@JsonAlias("_id") String id, ComplaintId complaintId, int followUp, int round, String department,
                       Instant dueBy, Instant callableFrom, int attempts) {
    }
}
