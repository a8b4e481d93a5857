package org.complaintsuite.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Within {@code v1} the event contract only grows: every schema in {@code src/main/resources/schemas}
 * is compared with the released baseline in {@code schema-baseline/v1}, and any change a consumer or a
 * channel gateway written against the baseline could trip over fails the build.
 */
class SchemaEvolutionTest {

    private static final Path BASELINE = Path.of("schema-baseline", "v1");
    private static final Path CURRENT = Path.of("src", "main", "resources", "schemas");

    @Test
    void everyReleasedSchemaIsStillPublishedAndChangedOnlyAdditively() throws IOException {
        List<String> breaking = new ArrayList<>();
        List<Path> released;
        try (Stream<Path> files = Files.list(BASELINE)) {
            released = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        // types added since the baseline was taken join it at the next release; none may leave it
        assertThat(released).as("the v1 baseline").isNotEmpty();
        for (Path baseline : released) {
            Path current = CURRENT.resolve(baseline.getFileName());
            if (!Files.exists(current)) {
                breaking.add(baseline.getFileName() + ": removed");
                continue;
            }
            breaking.addAll(breakingChanges(baseline.getFileName().toString(), read(baseline), read(current)));
        }
        assertThat(breaking).as("non-additive changes within v1").isEmpty();
    }

    @Test
    void theComparisonCatchesEveryKindOfNonAdditiveChange() {
        JsonNode released = json("""
                {"type": "object", "required": ["id"], "additionalProperties": true, "properties": {
                  "id": {"type": "string", "maxLength": 64},
                  "kind": {"enum": ["COMPLAINT", "QUERY"]},
                  "note": {"type": ["string", "null"], "maxLength": 2000},
                  "count": {"type": "integer", "minimum": 0},
                  "at": {"type": "string", "format": "date-time"},
                  "tags": {"type": "array", "items": {"type": "string"}}}}""");
        assertThat(breakingChanges("same", released, released)).isEmpty();
        assertThat(breakingChanges("additive", released, json("""
                {"type": "object", "required": [], "properties": {
                  "id": {"type": ["string", "null"], "maxLength": 128},
                  "kind": {"enum": ["COMPLAINT", "QUERY", "CONSULTATION"]},
                  "note": {"type": ["string", "null"]},
                  "count": {"type": "integer"},
                  "at": {"type": "string", "format": "date-time"},
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "added": {"type": "string"}}}"""))).isEmpty();
        assertThat(breakingChanges("breaking", released, json("""
                {"type": "object", "required": ["id", "at"], "additionalProperties": false, "properties": {
                  "id": {"type": "integer", "maxLength": 32},
                  "kind": {"enum": ["COMPLAINT"]},
                  "count": {"type": "integer", "minimum": 1},
                  "at": {"type": "string", "format": "date"},
                  "tags": {"type": "array", "items": {"type": "integer"}}}}""")))
                .containsExactlyInAnyOrder(
                        "breaking: new required field at",
                        "breaking: additionalProperties closed",
                        "breaking.id: type [string] no longer allowed (now [integer])",
                        "breaking.id: maxLength tightened from 64 to 32",
                        "breaking.kind: enum values [QUERY] removed",
                        "breaking.note: removed",
                        "breaking.count: minimum tightened from 0 to 1",
                        "breaking.at: format changed from date-time to date",
                        "breaking.tags[]: type [string] no longer allowed (now [integer])");
    }

    /** What a reader of {@code released} could no longer rely on in {@code current}, one line each. */
    static List<String> breakingChanges(String path, JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        Set<String> wasType = types(released);
        Set<String> isType = types(current);
        if (!wasType.isEmpty() && !isType.isEmpty() && !isType.containsAll(wasType)) {
            Set<String> lost = new HashSet<>(wasType);
            lost.removeAll(isType);
            problems.add(path + ": type " + sorted(lost) + " no longer allowed (now " + sorted(isType) + ")");
        }
        if (released.has("enum") && current.has("enum")) {
            Set<String> lost = values(released.path("enum"));
            lost.removeAll(values(current.path("enum")));
            if (!lost.isEmpty()) {
                problems.add(path + ": enum values " + sorted(lost) + " removed");
            }
        }
        bound(problems, path, "maxLength", released, current, true);
        bound(problems, path, "maximum", released, current, true);
        bound(problems, path, "maxItems", released, current, true);
        bound(problems, path, "minLength", released, current, false);
        bound(problems, path, "minimum", released, current, false);
        bound(problems, path, "minItems", released, current, false);
        for (String keyword : List.of("format", "pattern", "const")) {
            if (current.has(keyword) && !current.path(keyword).equals(released.path(keyword))) {
                problems.add(path + ": " + keyword + " changed from " + text(released.path(keyword)) + " to "
                        + text(current.path(keyword)));
            }
        }
        Set<String> newlyRequired = values(current.path("required"));
        newlyRequired.removeAll(values(released.path("required")));
        for (String field : sorted(newlyRequired)) {
            problems.add(path + ": new required field " + field);
        }
        if (!released.path("additionalProperties").isBoolean() || released.path("additionalProperties").asBoolean()) {
            if (current.path("additionalProperties").isBoolean() && !current.path("additionalProperties").asBoolean()) {
                problems.add(path + ": additionalProperties closed");
            }
        }
        for (var field : released.path("properties").properties()) {
            JsonNode now = current.path("properties").path(field.getKey());
            if (now.isMissingNode()) {
                problems.add(path + "." + field.getKey() + ": removed");
            } else {
                problems.addAll(breakingChanges(path + "." + field.getKey(), field.getValue(), now));
            }
        }
        if (released.has("items") && current.has("items")) {
            problems.addAll(breakingChanges(path + "[]", released.path("items"), current.path("items")));
        }
        return problems;
    }

    /** An upper bound may only rise or go, a lower bound only fall or go. */
    private static void bound(List<String> problems, String path, String keyword, JsonNode released, JsonNode current,
                              boolean upper) {
        if (!current.has(keyword)) {
            return;
        }
        double now = current.path(keyword).asDouble();
        boolean tighter = !released.has(keyword)
                || (upper ? now < released.path(keyword).asDouble() : now > released.path(keyword).asDouble());
        if (tighter) {
            problems.add(path + ": " + keyword + " tightened from " + text(released.path(keyword)) + " to "
                    + text(current.path(keyword)));
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? values(type) : type.isString() ? new HashSet<>(Set.of(type.asString())) : new HashSet<>();
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.isString() ? v.asString() : v.toString()));
        return values;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() ? "none" : value.isString() ? value.asString() : value.toString();
    }

    private static JsonNode read(Path file) throws IOException {
        return EventJson.mapper().readTree(Files.readString(file));
    }

    private static JsonNode json(String text) {
        return EventJson.mapper().readTree(text);
    }
}
