package org.complaintsuite.routing.domain;

/** A command the case cannot accept in its current state. */
public class CaseRejected extends IllegalStateException {
    public CaseRejected(String message) {
        super(message);
    }
}
