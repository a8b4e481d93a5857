package org.complaintsuite.testing;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.complaintsuite.events.EventJson.mapper;

/**
 * Drives a service's HTTP API as a client would, and checks every answer against the OpenAPI document
 * the service serves: the status expected, and a body that conforms to the schema documented for it.
 * Paths are templates as documented ({@code /api/cases/{complaintId}}), filled from {@code variables}.
 */
public final class ContractClient {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebTestClient http;
    private final OpenApiContract contract;

    public ContractClient(WebTestClient http) {
        this.http = http;
        this.contract = OpenApiContract.fetch(http);
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** An answer: its JSON body, its Location header and its content type. */
    public record Answer(JsonNode json, String location, String contentType) {
    }

    public Answer get(String template, int status, Object... variables) {
        return exchange(HttpMethod.GET, template, null, null, status, variables);
    }

    public Answer post(String template, String json, int status, Object... variables) {
        return exchange(HttpMethod.POST, template, MediaType.APPLICATION_JSON_VALUE, json, status, variables);
    }

    public Answer put(String template, String json, int status, Object... variables) {
        return exchange(HttpMethod.PUT, template, MediaType.APPLICATION_JSON_VALUE, json, status, variables);
    }

    public Answer delete(String template, int status, Object... variables) {
        return exchange(HttpMethod.DELETE, template, null, null, status, variables);
    }

    /** Reads the resource until it exists and {@code until} holds (projections follow events shortly after). */
    public JsonNode awaitGet(String template, Predicate<JsonNode> until, Object... variables) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await().atMost(PATIENCE).until(() -> {
                EntityExchangeResult<String> result = http.get().uri(template, variables).exchange()
                        .expectBody(String.class).returnResult();
                last.set(result.getStatus().value() + " " + result.getResponseBody());
                return result.getStatus().value() == 200 && until.test(mapper().readTree(result.getResponseBody()));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + template + " did not reach the expected state in " + PATIENCE
                    + "; last answer: " + last.get(), e);
        }
        return get(template, 200, variables).json();
    }

    public Answer exchange(HttpMethod method, String template, String contentType, String body, int status,
                           Object... variables) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(template, variables);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.parseMediaType(contentType)).bodyValue(body);
        EntityExchangeResult<String> result = ready.exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult();
        String answer = result.getResponseBody();
        String path = template.contains("?") ? template.substring(0, template.indexOf('?')) : template;
        contract.assertConforms(method.name(), path, status, answer);
        MediaType type = result.getResponseHeaders().getContentType();
        return new Answer(mapper().readTree(answer), result.getResponseHeaders().getFirst("Location"),
                type == null ? null : type.toString());
    }
}
