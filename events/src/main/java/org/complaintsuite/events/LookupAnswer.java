package org.complaintsuite.events;

/**
 * A query by code answered automatically from a lookup the deployment configures (DOMAIN.md: queries are
 * answered automatically and feed analysis): which {@code lookup} answered, its {@code verdict} (e.g.
 * GENUINE, COUNTERFEIT), the {@code answer} given to the channel, and — when the verdict calls for work —
 * the kind and category of the case it opens ({@code opensKind} null: the query is closed with its answer).
 */
public record LookupAnswer(String lookup, String verdict, String answer, RequestKind opensKind,
                           Category opensCategory) {

    public boolean opensACase() {
        return opensKind != null;
    }
}
