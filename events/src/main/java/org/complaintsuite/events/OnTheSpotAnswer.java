package org.complaintsuite.events;

/**
 * The answer an agent gave a consultation during the contact itself (DOMAIN.md: handled on the spot):
 * the consultation is registered and closed in one, and no case is opened for it.
 */
public record OnTheSpotAnswer(String answer, String answeredBy) {
}
