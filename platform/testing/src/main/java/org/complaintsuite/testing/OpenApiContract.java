package org.complaintsuite.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.complaintsuite.events.EventJson;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's published OpenAPI document, read from {@code /v3/api-docs} and checked by an independent
 * parser; then used to check that every endpoint the service maps is documented, and that real answers
 * conform to the schemas it documents (strictly: a field the schema does not name fails).
 */
public final class OpenApiContract {

    private static final String SCHEMAS = "#/components/schemas/";

    private final JsonNode document;
    /** The document's component schemas as JSON Schema definitions, every object closed: built once. */
    private final JsonNode definitions;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private OpenApiContract(JsonNode document) {
        this.document = document;
        this.definitions = strict(rewriteRefs(document.path("components").path("schemas")));
    }

    /** Fetches the document and fails unless the swagger parser reads it as OpenAPI 3.1 without a message. */
    public static OpenApiContract fetch(WebTestClient http) {
        String json = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        keep(json);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(json, null, null);
        assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        return new OpenApiContract(EventJson.mapper().readTree(json));
    }

    /** The document as served, kept in the module's {@code target/} for a reader (and a diff between builds). */
    private static void keep(String json) {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("openapi.json"), json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /**
     * Every request mapping of the suite's controllers appears in the document with a summary, and every
     * answer it documents has a description and, for a 2xx or a problem, a schema.
     */
    public void assertEveryEndpointDocumented(ApplicationContext context) {
        List<String> undocumented = new ArrayList<>();
        int endpoints = 0;
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (var entry : mapping.getHandlerMethods().entrySet()) {
                if (!entry.getValue().getBeanType().getPackageName().startsWith("org.complaintsuite")) {
                    continue;
                }
                for (PathPattern pattern : entry.getKey().getPatternsCondition().getPatterns()) {
                    for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                        endpoints++;
                        undocumented.addAll(problems(method.name(), pattern.getPatternString()));
                    }
                }
            }
        }
        assertThat(endpoints).as("endpoints mapped").isPositive();
        assertThat(undocumented).as("undocumented endpoints").isEmpty();
    }

    private List<String> problems(String method, String path) {
        String at = method + " " + path;
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of(at + ": not in /v3/api-docs");
        }
        List<String> problems = new ArrayList<>();
        if (operation.path("summary").asString("").isBlank()) {
            problems.add(at + ": no summary");
        }
        JsonNode responses = operation.path("responses");
        if (responses.isEmpty()) {
            problems.add(at + ": no responses");
        }
        for (var response : responses.properties()) {
            JsonNode answer = response.getValue();
            if (answer.path("description").asString("").isBlank()) {
                problems.add(at + " " + response.getKey() + ": no description");
            }
            boolean needsBody = response.getKey().startsWith("2") || response.getKey().startsWith("4");
            if (needsBody && answer.path("content").isEmpty()) {
                problems.add(at + " " + response.getKey() + ": no schema");
            }
        }
        return problems;
    }

    /** Fails unless {@code body} conforms to what the document says {@code method path} answers with {@code status}. */
    public void assertConforms(String method, String path, int status, String body) {
        JsonNode responses = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses");
        JsonNode content = responses.path(String.valueOf(status)).path("content");
        assertThat(content.isEmpty()).as(method + " " + path + " documents no " + status + " answer").isFalse();
        JsonNode media = content.has("application/json") ? content.path("application/json")
                : content.path("application/problem+json");
        ObjectNode schema = EventJson.mapper().createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("$defs", definitions);
        schema.setAll((ObjectNode) strict(rewriteRefs(media.path("schema"))));
        List<Error> errors = registry.getSchema(schema.toString(), InputFormat.JSON).validate(body, InputFormat.JSON);
        assertThat(errors).as(method + " " + path + " " + status + " answer " + body).isEmpty();
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        return EventJson.mapper().readTree(node.toString().replace("\"" + SCHEMAS, "\"#/$defs/"));
    }

    /** Every object schema that names its properties allows no others: an undocumented field fails. */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                if (!child.getKey().equals("properties")) {
                    strict(child.getValue());
                } else {
                    child.getValue().forEach(OpenApiContract::strict);
                }
            }
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::strict);
        }
        return node;
    }
}
