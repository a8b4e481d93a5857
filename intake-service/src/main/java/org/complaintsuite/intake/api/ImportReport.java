package org.complaintsuite.intake.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.platform.web.FieldProblem;

import java.util.List;

/** What a bulk import did, line by line: every good line registered, every bad one with all its problems. */
@Schema(description = "What a bulk import did: each accepted line with its complaintId, each rejected line "
        + "with every problem found in it. Lines are numbered as in the file: a CSV's header is line 1, its first record line 2.")
record ImportReport(int lines, int acceptedCount, int rejectedCount, List<AcceptedLine> accepted,
                    List<RejectedLine> rejected) {

    record AcceptedLine(int line, ComplaintId complaintId, boolean duplicate, LinkedComplaint linkedTo) {

        AcceptedLine(int line, Intake.Registration registration) {
            this(line, registration.complaintId(), registration.duplicate(), registration.linkedTo());
        }
    }

    record RejectedLine(int line, List<FieldProblem> problems) {
    }

    /** One line's result: accepted or rejected. */
    record Result(AcceptedLine accepted, RejectedLine rejected) {
    }

    static ImportReport of(List<Result> results) {
        List<AcceptedLine> accepted = results.stream().map(Result::accepted).filter(a -> a != null).toList();
        List<RejectedLine> rejected = results.stream().map(Result::rejected).filter(r -> r != null).toList();
        return new ImportReport(results.size(), accepted.size(), rejected.size(), accepted, rejected);
    }
}
