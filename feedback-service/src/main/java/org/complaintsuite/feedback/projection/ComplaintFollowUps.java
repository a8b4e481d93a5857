package org.complaintsuite.feedback.projection;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.ComplaintId;

import java.time.Instant;
import java.util.List;

/** The follow-ups of one complaint, a round each: when due, what the customer answered, what it led to. */
@Schema(description = "The follow-ups of a complaint, one per round: when it was due, what the customer "
        + "answered, and whether it closed the complaint or revisited it.")
public record ComplaintFollowUps(
        @JsonAlias("_id") ComplaintId complaintId,
        State state,
        int currentRound,
        List<Round> rounds) {

    public enum State { AWAITING_ANSWER, ANSWERED, REVISITED, CLOSED }

    public enum Outcome { CLOSED, REVISITED }

    public record Round(int round, Instant scheduledAt, Instant dueBy, Integer satisfaction, Boolean resolved,
                        String comment, Instant completedAt, Outcome outcome) {
    }
}
