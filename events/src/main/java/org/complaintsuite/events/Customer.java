package org.complaintsuite.events;

/** The person complaining, as registered at intake. */
public record Customer(String id, String name, String phone, String email) {
}
