package org.complaintsuite.intake.domain;

import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.Subject;

import java.util.Optional;

/**
 * Answers a query by code (a barcode's authenticity, a serial number's warranty...): the port a deployment
 * fills — a data file by default ({@link LookupTable}), a product master or another service in production.
 */
public interface CodeLookup {

    /** The answer to a query about {@code subject}; empty when no lookup answers subjects of its type. */
    Optional<LookupAnswer> answer(Subject subject);
}
