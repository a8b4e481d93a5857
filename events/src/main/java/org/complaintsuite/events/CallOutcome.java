package org.complaintsuite.events;

/** How one call (or survey message) to the customer went. */
public enum CallOutcome {
    /** The customer answered the follow-up questions. */
    ANSWERED,
    /** Nobody answered: tried again later, up to the plan's number of attempts. */
    NO_ANSWER,
    /** The number does not reach the customer: trying again would not help. */
    WRONG_NUMBER,
    /** The customer was reached and declined to answer. */
    REFUSED
}
