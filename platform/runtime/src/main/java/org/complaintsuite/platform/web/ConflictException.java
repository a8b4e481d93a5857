package org.complaintsuite.platform.web;

/** The request does not fit the current state; answered 409 with that state. */
public class ConflictException extends RuntimeException {
    private final Object currentState;

    public ConflictException(String message, Object currentState) {
        super(message);
        this.currentState = currentState;
    }

    public Object currentState() {
        return currentState;
    }
}
