package org.complaintsuite.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The service's OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). Every
 * operation also documents the problem+json answers {@link ProblemHandling} gives it, read from its
 * signature: 400 when it takes a body or query parameters, 413 when it takes a body, 404 when it names a
 * resource in its path, and for a command (answered {@link Accepted}) 202 with its Location and 409 when
 * the current state does not allow it.
 */
@AutoConfiguration
public class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The body of every error answer (RFC 9457), as {@link ProblemHandling} writes it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = PROBLEM, description = "RFC 9457 problem details")
    record ProblemBody(URI type, String title, int status, String detail, URI instance,
                       @io.swagger.v3.oas.annotations.media.Schema(description = "400: every field at fault")
                       List<FieldProblem> errors,
                       @io.swagger.v3.oas.annotations.media.Schema(
                               description = "409: the state the command met, as the service's view shows it")
                       Object currentState) {
    }

    static {
        // a JsonNode is whatever JSON it holds (an event's payload as published), not a bean to introspect
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>());
    }

    @Bean
    OpenAPI serviceApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI().info(new Info().title(service)
                .description("The " + service + " HTTP API of the complaint-handling suite. Every error is "
                        + "answered as application/problem+json; a 400 lists every field at fault.")
                .version("v1"));
    }

    @Bean
    OpenApiCustomizer problemSchema() {
        return api -> {
            ResolvedSchema resolved = ModelConverters.getInstance(true)
                    .resolveAsResolvedSchema(new AnnotatedType(ProblemBody.class));
            resolved.referencedSchemas.forEach(api.getComponents()::addSchemas);
            api.getComponents().addSchemas(PROBLEM, resolved.schema);
        };
    }

    @Bean
    OperationCustomizer problemAnswers() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (isCommand(handler)) {
                accepted(operation, responses);
                problem(responses, HttpStatus.CONFLICT, "the current state does not allow it, or it changed at the "
                        + "same moment; currentState says what it is now");
            }
            if (has(handler, RequestBody.class) || has(handler, RequestParam.class)) {
                problem(responses, HttpStatus.BAD_REQUEST, "the request is invalid; errors lists every field at fault");
            }
            if (has(handler, RequestBody.class)) {
                problem(responses, HttpStatus.CONTENT_TOO_LARGE, "the body exceeds the size this service accepts");
            }
            if (has(handler, PathVariable.class)) {
                problem(responses, HttpStatus.NOT_FOUND, "nothing is known of it");
            }
            problem(responses, HttpStatus.SERVICE_UNAVAILABLE, "a store this service needs is out of reach for now; "
                    + "send the request again after the seconds Retry-After gives");
            responses.get("503").addHeaderObject("Retry-After", new Header()
                    .description("seconds to wait before sending the request again").schema(new StringSchema()));
            return operation;
        };
    }

    private static void accepted(Operation operation, ApiResponses responses) {
        ApiResponse ok = responses.remove("200");
        ApiResponse accepted = ok == null ? new ApiResponse() : ok;
        accepted.setDescription("accepted: its events are stored; the resource shows the effect shortly after");
        accepted.addHeaderObject("Location", new Header().description("the resource the command changed")
                .schema(new StringSchema().format("uri-reference")));
        responses.addApiResponse("202", accepted);
    }

    private static void problem(ApiResponses responses, HttpStatus status, String description) {
        responses.computeIfAbsent(String.valueOf(status.value()), code -> new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** A command answers {@code Mono<ResponseEntity<Accepted>>}. */
    private static boolean isCommand(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        return type.toClass() == Mono.class && type.getGeneric(0).toClass() == ResponseEntity.class
                && type.getGeneric(0).getGeneric(0).toClass() == Accepted.class;
    }

    private static boolean has(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }
}
