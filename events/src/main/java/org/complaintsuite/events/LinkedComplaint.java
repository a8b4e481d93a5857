package org.complaintsuite.events;

/**
 * The earlier complaint of the same customer about the same subject that a new contact belongs to.
 * {@code MULTI_CHANNEL_DUPLICATE}: it was still open, no second case is opened. {@code REPEAT_COMPLAINT}:
 * it was resolved within the repeat window, and its case is revisited.
 */
public record LinkedComplaint(ComplaintId complaintId, Reason reason) {

    public enum Reason { MULTI_CHANNEL_DUPLICATE, REPEAT_COMPLAINT }
}
