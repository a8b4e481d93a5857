package org.complaintsuite.events;

import java.math.BigDecimal;

/** Money paid to the customer as the remedy: an amount with two decimals at most, and an ISO 4217 currency. */
public record Compensation(BigDecimal amount, String currency) {
}
