package org.complaintsuite.suite;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The operations files under {@code deploy/}: alert rules, dashboards, and the metric names they use. */
final class DeployFiles {

    static final Path HOME = Path.of(System.getProperty("suite.home", "..")).toAbsolutePath().normalize();
    static final Path ALERTS = HOME.resolve("deploy/prometheus/alerts.yml");
    static final Path PROMETHEUS = HOME.resolve("deploy/prometheus/prometheus.yml");
    static final Path DASHBOARDS = HOME.resolve("deploy/grafana/dashboards");

    /** PromQL words that are not metric names: operators, modifiers and aggregation clauses. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    /** An identifier not followed by "(" (that would be a function); possessive, so no shorter prefix matches. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    private DeployFiles() {
    }

    /** Every alert rule: the map of its fields as written. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        Map<String, Object> file = new Yaml().load(read(ALERTS));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard(Path file) {
        return JsonMapper.builder().build().readTree(read(file));
    }

    /** The PromQL of every alert and every dashboard panel. */
    static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        alertRules().forEach(rule -> expressions.add(String.valueOf(rule.get("expr"))));
        for (Path file : dashboards()) {
            dashboard(file).get("panels").forEach(panel ->
                    panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString())));
        }
        return expressions;
    }

    /** The metric names a PromQL expression reads (functions, keywords, labels and literals left out). */
    static Set<String> metricNames(String expression) {
        String bare = STRINGS.matcher(expression).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGES.matcher(bare).replaceAll(" ");
        bare = GROUPINGS.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            String name = m.group();
            boolean partOfNumber = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!KEYWORDS.contains(name) && !partOfNumber) {
                names.add(name);
            }
        }
        return names;
    }

    /** A program on the PATH, if installed. */
    static Optional<Path> executable(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * A tool a check needs: in CI it must be installed ({@code .ci/run} installs it from {@code debianPackage});
     * elsewhere the check is skipped, and says so, when it is missing.
     */
    static Path requiredInCi(String tool, String debianPackage, Optional<Path> installed) {
        if (installed.isEmpty()) {
            assertThat(System.getenv("CI")).as(tool + " must be installed in CI (.ci/run installs it)").isNull();
            Assumptions.abort(tool + " is not installed here (Debian package " + debianPackage + "); CI runs this check");
        }
        return installed.get();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
