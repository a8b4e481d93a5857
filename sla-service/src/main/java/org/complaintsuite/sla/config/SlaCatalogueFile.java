package org.complaintsuite.sla.config;

import org.complaintsuite.events.Area;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.sla.domain.BusinessCalendar;
import org.complaintsuite.sla.domain.PolicyMatch;
import org.complaintsuite.sla.domain.SlaCatalogue;
import org.complaintsuite.sla.domain.SlaPolicy;
import org.complaintsuite.sla.domain.TargetRule;
import org.complaintsuite.sla.domain.TimeOfDayBand;
import org.complaintsuite.sla.domain.WorkingHours;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the SLA policy file. Every problem is reported with its line, all at once, and the service does
 * not start on an invalid file. The format is documented in the shipped {@code sla-policies.yml}.
 */
public final class SlaCatalogueFile {

    private final String source;
    private final Path baseDir;
    private final List<String> errors = new ArrayList<>();

    private SlaCatalogueFile(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir;
    }

    public static SlaCatalogue parse(String source, Reader yaml, Path baseDir) {
        return new SlaCatalogueFile(source, baseDir).read(yaml);
    }

    public static SlaCatalogue parse(String source, String yaml) {
        return parse(source, new StringReader(yaml), Path.of("."));
    }

    private SlaCatalogue read(Reader yaml) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(yaml);
        } catch (RuntimeException e) {
            throw new InvalidPolicyFile(source + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode map)) {
            throw new InvalidPolicyFile(source + ": expected a mapping with calendars and policies");
        }
        Map<String, Node> top = fields(map, Set.of("zone", "warnAt", "calendars", "policies"));
        ZoneId zone = top.containsKey("zone") ? zone(top.get("zone")) : ZoneId.of("UTC");
        List<Double> warnAt = top.containsKey("warnAt") ? warnAt(top.get("warnAt")) : List.of(0.5, 0.8);
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        calendars.put(BusinessCalendar.ALWAYS_OPEN, BusinessCalendar.alwaysOpen(zone));
        if (top.get("calendars") instanceof MappingNode cals) {
            for (NodeTuple t : cals.getValue()) {
                String id = text(t.getKeyNode());
                BusinessCalendar calendar = calendar(id, t.getValueNode(), zone);
                if (calendar != null) {
                    calendars.put(id, calendar);
                }
            }
        }
        List<SlaPolicy> policies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (top.get("policies") instanceof SequenceNode list) {
            for (Node node : list.getValue()) {
                SlaPolicy policy = policy(node, calendars.keySet());
                if (policy != null && !ids.add(policy.id())) {
                    error(node, "policy id " + policy.id() + " is used twice");
                } else if (policy != null) {
                    policies.add(policy);
                }
            }
        } else {
            error(map, "policies: a list of policies is required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidPolicyFile("invalid SLA policy file " + source + ":\n  " + String.join("\n  ", errors));
        }
        return new SlaCatalogue(policies, calendars, warnAt);
    }

    private BusinessCalendar calendar(String id, Node node, ZoneId defaultZone) {
        if (!(node instanceof MappingNode map)) {
            error(node, "calendar " + id + ": expected zone, hours and holidays");
            return null;
        }
        Map<String, Node> f = fields(map, Set.of("zone", "hours", "holidays", "holidaysFile"));
        ZoneId zone = f.containsKey("zone") ? zone(f.get("zone")) : defaultZone;
        Map<DayOfWeek, List<WorkingHours>> hours = new EnumMap<>(DayOfWeek.class);
        if (f.get("hours") instanceof MappingNode days) {
            for (NodeTuple t : days.getValue()) {
                DayOfWeek day = parse(t.getKeyNode(), s -> DayOfWeek.valueOf(s.toUpperCase(Locale.ROOT)),
                        "a weekday such as MONDAY");
                List<WorkingHours> periods = list(t.getValueNode(), n -> parse(n, WorkingHours::parse,
                        "working hours such as 08:30-17:30"));
                if (day != null) {
                    hours.put(day, periods.stream().filter(java.util.Objects::nonNull).toList());
                }
            }
        } else {
            error(map, "calendar " + id + ": hours per weekday are required");
        }
        Set<LocalDate> holidays = new HashSet<>();
        if (f.containsKey("holidays")) {
            list(f.get("holidays"), n -> parse(n, LocalDate::parse, "a date such as 2026-10-01"))
                    .stream().filter(java.util.Objects::nonNull).forEach(holidays::add);
        }
        if (f.containsKey("holidaysFile")) {
            holidays.addAll(icalendarDates(f.get("holidaysFile")));
        }
        try {
            return new BusinessCalendar(id, zone, hours, holidays);
        } catch (IllegalArgumentException e) {
            error(map, e.getMessage());
            return null;
        }
    }

    private SlaPolicy policy(Node node, Set<String> calendarIds) {
        if (!(node instanceof MappingNode map)) {
            error(node, "a policy needs id, version, match and targets");
            return null;
        }
        Map<String, Node> f = fields(map, Set.of("id", "version", "match", "targets"));
        String id = requiredText(map, f, "id");
        String version = requiredText(map, f, "version");
        PolicyMatch match = PolicyMatch.ANY;
        if (f.get("match") instanceof MappingNode m) {
            Map<String, Node> mf = fields(m, Set.of("kinds", "categories", "priorities", "channels", "areas"));
            match = new PolicyMatch(
                    enums(mf.get("kinds"), RequestKind.class), enums(mf.get("categories"), Category.class),
                    enums(mf.get("priorities"), Priority.class), enums(mf.get("channels"), Channel.class),
                    enums(mf.get("areas"), Area.class));
        }
        Map<SlaTarget, TargetRule> targets = new EnumMap<>(SlaTarget.class);
        if (f.get("targets") instanceof MappingNode t) {
            for (NodeTuple tuple : t.getValue()) {
                SlaTarget target = parse(tuple.getKeyNode(), s -> SlaTarget.valueOf(s.toUpperCase(Locale.ROOT)),
                        "one of " + List.of(SlaTarget.values()));
                TargetRule rule = target(tuple.getValueNode(), calendarIds, target);
                if (target != null && rule != null) {
                    targets.put(target, rule);
                }
            }
        } else {
            error(map, "policy " + id + ": targets are required");
        }
        return id == null || version == null ? null : new SlaPolicy(id, version, match, targets);
    }

    private TargetRule target(Node node, Set<String> calendarIds, SlaTarget target) {
        if (!(node instanceof MappingNode map)) {
            error(node, "a target needs a duration (or time-of-day bands) and optionally a calendar");
            return null;
        }
        Map<String, Node> f = fields(map, Set.of("duration", "calendar", "bands"));
        String calendar = f.containsKey("calendar") ? text(f.get("calendar")) : BusinessCalendar.ALWAYS_OPEN;
        if (!calendarIds.contains(calendar)) {
            error(f.get("calendar"), "unknown calendar " + calendar + "; known: " + calendarIds);
        }
        Duration duration = f.containsKey("duration") ? duration(f.get("duration")) : null;
        if (target == SlaTarget.FOLLOW_UP) {
            // one computation of a follow-up's due time: feedback's follow-up plan sets it, the clock counts to it
            if (f.containsKey("duration") || f.containsKey("bands")) {
                error(map, "FOLLOW_UP is due when the follow-up plan says (feedback-service's follow-up-plans.yml); "
                        + "give only the calendar its time is counted on");
            }
            return new TargetRule(null, calendar, List.of());
        }
        List<TimeOfDayBand> bands = List.of();
        if (f.containsKey("bands")) {
            bands = list(f.get("bands"), this::band).stream().filter(java.util.Objects::nonNull).toList();
            coverWholeDay(f.get("bands"), bands);
        } else if (duration == null) {
            error(map, "a target needs a duration such as P3D or PT12H, or time-of-day bands");
        }
        return new TargetRule(duration, calendar, bands);
    }

    private TimeOfDayBand band(Node node) {
        if (!(node instanceof MappingNode map)) {
            error(node, "a band looks like {hours: \"08:00-21:00\", duration: PT20M}");
            return null;
        }
        Map<String, Node> f = fields(map, Set.of("hours", "duration"));
        WorkingHours hours = f.containsKey("hours")
                ? parse(f.get("hours"), WorkingHours::parse, "hours such as 08:00-21:00") : null;
        Duration duration = f.containsKey("duration") ? duration(f.get("duration")) : null;
        if (hours == null || duration == null) {
            error(map, "a band needs hours and a duration");
            return null;
        }
        return new TimeOfDayBand(hours, duration);
    }

    private void coverWholeDay(Node node, List<TimeOfDayBand> bands) {
        int covered = bands.stream().mapToInt(b -> minutes(b.period())).sum();
        if (covered != 24 * 60) {
            error(node, "time-of-day bands must cover the whole day exactly once (they cover " + covered + " min)");
        }
    }

    private static int minutes(WorkingHours h) {
        int end = h.endsAtMidnight() ? 24 * 60 : h.to().toSecondOfDay() / 60;
        return end - h.from().toSecondOfDay() / 60;
    }

    private Set<LocalDate> icalendarDates(Node node) {
        Path file = baseDir.resolve(text(node));
        try {
            return ICalendarHolidays.dates(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            error(node, "cannot read iCalendar holidays from " + file + ": " + e.getMessage());
            return Set.of();
        }
    }

    // ---- node helpers ---------------------------------------------------------------------------------

    private Map<String, Node> fields(MappingNode map, Set<String> allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = text(t.getKeyNode());
            if (!allowed.contains(key)) {
                error(t.getKeyNode(), "unknown key '" + key + "'; expected one of " + allowed);
            } else {
                fields.put(key, t.getValueNode());
            }
        }
        return fields;
    }

    private String requiredText(Node parent, Map<String, Node> fields, String key) {
        Node node = fields.get(key);
        String value = node == null ? null : text(node);
        if (value == null || value.isBlank()) {
            error(node == null ? parent : node, key + " is required");
            return null;
        }
        return value;
    }

    private <T> List<T> list(Node node, Function<Node, T> item) {
        if (!(node instanceof SequenceNode seq)) {
            error(node, "expected a list");
            return List.of();
        }
        return seq.getValue().stream().map(item).toList();
    }

    private <E extends Enum<E>> Set<E> enums(Node node, Class<E> type) {
        if (node == null) {
            return Set.of();
        }
        Set<E> values = new HashSet<>();
        list(node, n -> parse(n, s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)),
                "one of " + List.of(type.getEnumConstants()))).stream()
                .filter(java.util.Objects::nonNull).forEach(values::add);
        return values;
    }

    private List<Double> warnAt(Node node) {
        List<Double> values = list(node, n -> parse(n, Double::parseDouble, "a fraction such as 0.8"));
        for (Double v : values) {
            if (v != null && (v <= 0 || v >= 1)) {
                error(node, "warning fractions lie strictly between 0 and 1, not " + v);
            }
        }
        return values.stream().filter(java.util.Objects::nonNull).toList();
    }

    private Duration duration(Node node) {
        Duration d = parse(node, Duration::parse, "an ISO-8601 duration such as P3D, PT12H or PT20M");
        if (d != null && (d.isNegative() || d.isZero())) {
            error(node, "a duration must be positive");
            return null;
        }
        return d;
    }

    private ZoneId zone(Node node) {
        ZoneId zone = parse(node, ZoneId::of, "a time zone such as Asia/Shanghai");
        return zone == null ? ZoneId.of("UTC") : zone;
    }

    private <T> T parse(Node node, Function<String, T> parser, String expected) {
        String value = text(node);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            error(node, "'" + value + "' is not " + expected);
            return null;
        }
    }

    private String text(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        error(node, "expected a single value");
        return "";
    }

    private void error(Node node, String message) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        errors.add("line " + line + ": " + message);
    }

    /** The policy file cannot be used; the message lists every problem with its line. */
    public static class InvalidPolicyFile extends IllegalArgumentException {
        public InvalidPolicyFile(String message) {
            super(message);
        }
    }

    static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
}
