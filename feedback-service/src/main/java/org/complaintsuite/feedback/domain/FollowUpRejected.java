package org.complaintsuite.feedback.domain;

/** A response that does not fit: nothing is waiting for an answer. */
public class FollowUpRejected extends IllegalStateException {
    public FollowUpRejected(String message) {
        super(message);
    }
}
