package org.complaintsuite.sla.domain;

/** A pause or resume that does not fit the clock's state. */
public class ClockRejected extends IllegalStateException {
    public ClockRejected(String message) {
        super(message);
    }
}
