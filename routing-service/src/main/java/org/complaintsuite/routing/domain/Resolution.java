package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Compensation;
import org.complaintsuite.events.Validity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a complaint ended (DOMAIN.md §2.5): whether it was founded, whose fault it was, what was done about
 * it, why it happened and what the customer is told. A resolution exists only when it is whole and
 * consistent: an unfounded complaint is not the company's fault, a substantiated one has a root cause, and
 * a compensation is given exactly when the remedy is compensation, as a positive amount with at most two
 * decimals in an ISO 4217 currency. Its cause code and responsible department are checked against the
 * deployment's {@link CauseCatalogue}.
 */
public record Resolution(Validity validity, Finding finding, Remedy remedy, Compensation compensation,
                         String rootCause, String note, String causeCode, String responsibleDepartment) {

    /** What a case can be found to be. */
    public enum Finding { COMPANY_FAULT, CUSTOMER_MISUNDERSTANDING, THIRD_PARTY }

    /** What can be done about it. */
    public enum Remedy { APOLOGY, EXPLANATION, REPAIR, REPLACEMENT, REFUND, COMPENSATION }

    public static final BigDecimal MAX_COMPENSATION = new BigDecimal("1000000");
    public static final int MAX_ROOT_CAUSE = 2000;
    public static final int MAX_NOTE = 4000;

    /** One part of a resolution at fault, and why. */
    public record Problem(String field, String reason) {
    }

    public Resolution {
        List<Problem> problems = problems(validity, finding, remedy, compensation, rootCause, note);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid resolution: " + problems);
        }
        compensation = compensation == null ? null
                : new Compensation(compensation.amount(), compensation.currency().trim().toUpperCase(Locale.ROOT));
        causeCode = blank(causeCode) ? null : causeCode.trim();
        responsibleDepartment = blank(responsibleDepartment) ? null : responsibleDepartment.trim();
    }

    /** A resolution without a cause code (a deployment whose catalogue has none). */
    public Resolution(Validity validity, Finding finding, Remedy remedy, Compensation compensation, String rootCause,
                      String note) {
        this(validity, finding, remedy, compensation, rootCause, note, null, null);
    }

    /** Everything wrong with these parts at once; empty when they make a resolution. */
    public static List<Problem> problems(Validity validity, Finding finding, Remedy remedy, Compensation compensation,
                                         String rootCause, String note) {
        List<Problem> problems = new ArrayList<>();
        if (validity == null) {
            problems.add(new Problem("validity", "is required"));
        }
        if (finding == null) {
            problems.add(new Problem("finding", "is required"));
        }
        if (remedy == null) {
            problems.add(new Problem("remedy", "is required"));
        }
        if (validity == Validity.UNFOUNDED && finding == Finding.COMPANY_FAULT) {
            problems.add(new Problem("finding", "an unfounded complaint cannot be the company's fault"));
        }
        if (validity == Validity.SUBSTANTIATED && blank(rootCause)) {
            problems.add(new Problem("rootCause", "is required for a substantiated complaint"));
        } else if (rootCause != null && rootCause.length() > MAX_ROOT_CAUSE) {
            problems.add(new Problem("rootCause", "is longer than " + MAX_ROOT_CAUSE + " characters"));
        }
        if (blank(note)) {
            problems.add(new Problem("note", "is required: what the customer is told"));
        } else if (note.length() > MAX_NOTE) {
            problems.add(new Problem("note", "is longer than " + MAX_NOTE + " characters"));
        }
        compensationProblems(remedy, compensation, problems);
        return problems;
    }

    private static void compensationProblems(Remedy remedy, Compensation given, List<Problem> problems) {
        if (remedy != Remedy.COMPENSATION) {
            if (given != null && remedy != null) {
                problems.add(new Problem("compensation", "only with remedy compensation"));
            }
            return;
        }
        if (given == null) {
            problems.add(new Problem("compensation", "is required with remedy compensation: {amount, currency}"));
            return;
        }
        BigDecimal amount = given.amount();
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MAX_COMPENSATION) > 0) {
            problems.add(new Problem("compensation.amount",
                    "must be a positive amount with at most two decimals, up to " + MAX_COMPENSATION.toPlainString()));
        }
        if (given.currency() == null || !given.currency().trim().matches("[A-Za-z]{3}")) {
            problems.add(new Problem("compensation.currency", "must be an ISO 4217 code such as CNY"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
