package org.complaintsuite.sla.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.SlaCalendar;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.sla.domain.BusinessCalendar;
import org.complaintsuite.sla.domain.PolicyMatch;
import org.complaintsuite.sla.domain.SlaCatalogue;
import org.complaintsuite.sla.domain.SlaPolicy;
import org.complaintsuite.sla.domain.TargetRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policies in force as a reader needs them: which complaints each covers and what each target allows. */
@Schema(description = "The SLA policies in force: warning thresholds (fractions of the allowed time), the "
        + "business calendars, and per policy its match (empty = any) and what each target allows.")
record PolicyCatalogue(List<Double> warnAt, List<SlaCalendar> calendars, List<Policy> policies) {

    record Policy(String id, String version, PolicyMatch match, Map<SlaTarget, Target> targets) {
    }

    /** A duration (ISO 8601), or one per time-of-day band, counted on the named calendar. */
    record Target(String calendar, String duration, List<Band> bands) {
    }

    record Band(@Schema(description = "local time of day the clock starts in, e.g. 08:00-21:00") String hours,
                String duration) {
    }

    static PolicyCatalogue of(SlaCatalogue catalogue) {
        return new PolicyCatalogue(catalogue.warnAt(),
                catalogue.calendars().values().stream().map(BusinessCalendar::snapshot).toList(),
                catalogue.policies().stream().map(PolicyCatalogue::policy).toList());
    }

    private static Policy policy(SlaPolicy p) {
        Map<SlaTarget, Target> targets = new LinkedHashMap<>();
        p.targets().forEach((target, rule) -> targets.put(target, target(rule)));
        return new Policy(p.id(), p.version(), p.match(), targets);
    }

    private static Target target(TargetRule rule) {
        return rule.bands().isEmpty()
                ? new Target(rule.calendarId(), rule.allowed() == null ? null : rule.allowed().toString(), null)
                : new Target(rule.calendarId(), null, rule.bands().stream()
                        .map(b -> new Band(b.period().toString(), b.allowed().toString())).toList());
    }
}
