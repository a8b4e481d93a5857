package org.complaintsuite.routing.domain;

/** Where the roster in force comes from: the shipped file at first, then what supervisors maintain. */
@FunctionalInterface
public interface RosterSource {
    Roster current();
}
