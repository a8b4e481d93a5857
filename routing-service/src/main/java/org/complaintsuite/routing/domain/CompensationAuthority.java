package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Compensation;
import org.complaintsuite.events.EscalationLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much compensation each level of the ladder may grant (DOMAIN.md: the supervisor/manager has the
 * authority to compensate): the listed levels, from the agent up, each up to its amount in the deployment's
 * currency; the levels above the last one listed without limit. A compensation in another currency needs a
 * level without limit.
 */
public record CompensationAuthority(String currency, Map<EscalationLevel, BigDecimal> limits) {

    /** No limit at any level. */
    public static final CompensationAuthority UNLIMITED = new CompensationAuthority(null, Map.of());

    /** Fails with every problem at once. */
    public CompensationAuthority {
        limits = limits == null || limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
        List<String> problems = new ArrayList<>();
        if (!limits.isEmpty() && (currency == null || !currency.trim().matches("[A-Za-z]{3}"))) {
            problems.add("compensationAuthority.currency must be an ISO 4217 code such as CNY");
        }
        BigDecimal previous = BigDecimal.ZERO;
        boolean gap = false;
        for (EscalationLevel level : EscalationLevel.values()) {
            BigDecimal limit = limits.get(level);
            if (limit == null) {
                gap = true;
                continue;
            }
            if (gap) {
                problems.add("compensationAuthority.limits." + level + ": the levels below it need a limit too");
            }
            if (limit.compareTo(previous) < 0) {
                problems.add("compensationAuthority.limits." + level + ": less than the level below it may grant");
            }
            previous = limit;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid routing rules: " + String.join("; ", problems));
        }
        currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
    }

    /** The lowest level that may grant {@code compensation}. */
    public EscalationLevel levelFor(Compensation compensation) {
        for (EscalationLevel level : EscalationLevel.values()) {
            if (mayGrant(level, compensation)) {
                return level;
            }
        }
        throw new IllegalStateException("the top of the ladder has no limit");
    }

    /** Whether someone at {@code level} may grant {@code compensation}. */
    public boolean mayGrant(EscalationLevel level, Compensation compensation) {
        BigDecimal limit = limits.get(level);
        if (limit == null) {
            return true; // above every listed level: no limit
        }
        return compensation.currency().equalsIgnoreCase(currency) && compensation.amount().compareTo(limit) <= 0;
    }

    /** What {@code level} may grant, for a message: "up to 200 CNY", "without limit". */
    public String describe(EscalationLevel level) {
        BigDecimal limit = limits.get(level);
        return limit == null ? "without limit" : "up to " + limit.toPlainString() + " " + currency;
    }
}
