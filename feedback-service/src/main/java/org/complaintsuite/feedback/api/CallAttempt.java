package org.complaintsuite.feedback.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.CallOutcome;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.feedback.domain.Commands.RecordAttemptCommand;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One call to the customer about a follow-up, as an agent's desktop posts it or a survey gateway publishes
 * it on {@code feedback.responses.v1}; {@link #problems()} names every field at fault.
 */
@Schema(description = "One call to the customer about a follow-up and how it went. An answer (ANSWERED) carries "
        + "satisfaction and resolved; NO_ANSWER is retried on the plan's schedule until the attempts run out "
        + "(UNREACHABLE); WRONG_NUMBER ends the follow-up unreachable, REFUSED ends it refused.")
record CallAttempt(
        @Schema(minimum = "1", description = "the follow-up called about (its number in the follow-up view); "
                + "the earliest one waiting when left out") Integer followUp,
        @Schema(minimum = "1", description = "the caller's number for this attempt; the same follow-up and attempt "
                + "recorded again changes nothing. The next one when left out") Integer attempt,
        @Schema(implementation = CallOutcome.class, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "case-insensitive") String outcome,
        @Schema(minimum = "1", maximum = "5", description = "1 (very dissatisfied) to 5 (very satisfied); "
                + "required with ANSWERED") Integer satisfaction,
        @Schema(description = "whether the customer says the problem is solved; required with ANSWERED")
        Boolean resolved,
        @Schema(maxLength = 4000) String comment,
        @Schema(minimum = "0", maximum = "10", description = "net-promoter score, when asked") Integer nps,
        @Schema(maxLength = 100, description = "the agent or the survey gateway that made the call") String by) {

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        CallOutcome outcome = FieldChecks.oneOf(problems, "outcome", this.outcome, CallOutcome.class, true, null);
        if (followUp != null && followUp < 1) {
            problems.add(new FieldProblem("followUp", "must be 1 or more"));
        }
        if (attempt != null && attempt < 1) {
            problems.add(new FieldProblem("attempt", "must be 1 or more"));
        }
        boolean answered = outcome == CallOutcome.ANSWERED;
        if (satisfaction == null ? answered : satisfaction < 1 || satisfaction > 5) {
            problems.add(new FieldProblem("satisfaction", satisfaction == null ? "is required with an answer"
                    : "must be 1 to 5"));
        }
        if (resolved == null && answered) {
            problems.add(new FieldProblem("resolved", "is required with an answer (true or false)"));
        }
        if (nps != null && (nps < 0 || nps > 10)) {
            problems.add(new FieldProblem("nps", "must be 0 to 10"));
        }
        FieldChecks.maxLength(problems, "comment", comment, 4000);
        FieldChecks.maxLength(problems, "by", by, 100);
        return problems;
    }

    /** The command of a call {@link #problems()} found nothing wrong with. */
    RecordAttemptCommand toCommand(ComplaintId complaintId) {
        CallOutcome outcome = CallOutcome.valueOf(this.outcome.trim().toUpperCase(Locale.ROOT));
        return new RecordAttemptCommand(complaintId, followUp, attempt, outcome, satisfaction, resolved,
                FieldChecks.trimmedOrNull(comment), nps, FieldChecks.trimmedOrNull(by));
    }
}
