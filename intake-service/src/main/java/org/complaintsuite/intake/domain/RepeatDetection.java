package org.complaintsuite.intake.domain;

import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.LinkedComplaint;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a new contact belongs to the customer's latest earlier complaint about the same subject: while
 * that one is open it is a multi-channel duplicate (no second case); once resolved, within the repeat
 * window, the earlier case is revisited; after the window it is a new complaint.
 */
public final class RepeatDetection {

    /** The customer's latest earlier complaint about the subject; {@code resolvedAt} null while open. */
    public record EarlierComplaint(ComplaintId complaintId, Instant resolvedAt) {
    }

    private final Duration window;

    public RepeatDetection(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the repeat window cannot be negative: " + window);
        }
        this.window = window;
    }

    /** The link of a contact made at {@code now}, or null when it is a complaint of its own. */
    public LinkedComplaint link(EarlierComplaint earlier, Instant now) {
        if (earlier == null) {
            return null;
        }
        if (earlier.resolvedAt() == null) {
            return new LinkedComplaint(earlier.complaintId(), LinkedComplaint.Reason.MULTI_CHANNEL_DUPLICATE);
        }
        return earlier.resolvedAt().plus(window).isAfter(now)
                ? new LinkedComplaint(earlier.complaintId(), LinkedComplaint.Reason.REPEAT_COMPLAINT)
                : null;
    }
}
