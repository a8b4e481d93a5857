package org.complaintsuite.feedback.projection;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.CallOutcome;
import org.complaintsuite.events.ComplaintId;

import java.time.Instant;
import java.util.List;

/** The follow-ups of one complaint, by round: the plan, each follow-up's calls and answer, what it led to. */
@Schema(description = "The follow-ups of a complaint, by round: the plan that set them, each follow-up's due "
        + "time, its calls and the customer's answer, and whether the round closed the complaint or revisited "
        + "it.")
public record ComplaintFollowUps(
        @JsonAlias("_id") ComplaintId complaintId,
        @Schema(description = "AWAITING_ANSWER while a follow-up of the current round waits; then how the round "
                + "ended: CLOSED, REVISITED, or UNANSWERED when nobody could be reached (the complaint stays "
                + "resolved)") State state,
        int currentRound,
        List<Round> rounds) {

    public enum State { AWAITING_ANSWER, CLOSED, REVISITED, UNANSWERED }

    public enum Outcome { CLOSED, REVISITED }

    public record Round(int round, String plan, Outcome outcome, List<FollowUp> followUps) {
    }

    public enum FollowUpState { WAITING, ANSWERED, UNREACHABLE, REFUSED, CANCELLED }

    @Schema(description = "One follow-up: due by the end of its working day; WAITING until answered or ended")
    public record FollowUp(int followUp, Integer step, Integer steps, Instant scheduledAt, Instant dueBy,
                           FollowUpState state, List<Attempt> attempts, Instant nextAttemptAt, Integer satisfaction,
                           Boolean resolved, String comment, Integer nps, Instant completedAt, Instant endedAt) {
    }

    public record Attempt(int attempt, CallOutcome outcome, Instant at, String by) {
    }

    /** The state the complaint's follow-ups are in, from its current round. */
    static State stateOf(Round current) {
        if (current.followUps().stream().anyMatch(f -> f.state() == FollowUpState.WAITING)) {
            return State.AWAITING_ANSWER;
        }
        if (current.outcome() != null) {
            return current.outcome() == Outcome.CLOSED ? State.CLOSED : State.REVISITED;
        }
        return State.UNANSWERED;
    }
}
