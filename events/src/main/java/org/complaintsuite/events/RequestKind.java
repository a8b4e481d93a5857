package org.complaintsuite.events;

/** The four functions of the single intake (DOMAIN.md §1). */
public enum RequestKind {
    COMPLAINT, CONSULTATION, SERVICE_REQUEST, QUERY;

    /** Kinds whose resolution is time-limited and followed up. */
    public boolean isTracked() {
        return this == COMPLAINT || this == SERVICE_REQUEST;
    }
}
