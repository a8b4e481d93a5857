package org.complaintsuite.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** Each kind of error answered as RFC 9457 problem+json, through a real WebFlux handler chain. */
class ProblemHandlingTest {

    record Request(String name) {
    }

    @RestController
    static class Probe {
        @PostMapping(path = "/invalid", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<String> invalid(@RequestBody Request request) {
            InvalidRequestException.throwIfAny(List.of(new FieldProblem("name", "is required"),
                    new FieldProblem("customer.phone", "is not a valid phone number")));
            return Mono.just("never");
        }

        @GetMapping("/missing")
        Mono<String> missing() {
            return Mono.error(new NotFoundException("no complaint c-1"));
        }

        @GetMapping("/conflict")
        Mono<String> conflict() {
            return Mono.error(new ConflictException("the case is closed", Map.of("state", "CLOSED")));
        }

        @GetMapping("/store-away")
        Mono<String> storeAway() {
            return Mono.error(new com.mongodb.MongoTimeoutException("Timed out while waiting for a server"));
        }

        @GetMapping("/broken")
        Mono<String> broken() {
            return Mono.error(new IllegalStateException("database password is hunter2"));
        }
    }

    private final WebTestClient http = WebTestClient.bindToController(new Probe())
            .controllerAdvice(new ProblemHandling())
            .httpMessageCodecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024))
            .build();

    @Test
    void everyFieldAtFaultIsListed() {
        http.post().uri("/invalid").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": null}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://complaintsuite.org/problems/invalid-request")
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.detail").isEqualTo("2 field(s) at fault")
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[1].field").isEqualTo("customer.phone")
                .jsonPath("$.errors[1].reason").isEqualTo("is not a valid phone number");
    }

    @Test
    void aBodyThatIsNotJsonIsTheBodyAtFault() {
        http.post().uri("/invalid").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].reason").value(reason -> org.assertj.core.api.Assertions
                        .assertThat((String) reason).startsWith("body is not valid JSON for this request"));
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        http.post().uri("/invalid").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + "x".repeat(2048) + "\"}")
                .exchange().expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://complaintsuite.org/problems/body-too-large")
                .jsonPath("$.title").isEqualTo("Body too large");
    }

    @Test
    void somethingUnknownIsNotFound() {
        http.get().uri("/missing").exchange().expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://complaintsuite.org/problems/not-found")
                .jsonPath("$.detail").isEqualTo("no complaint c-1");
    }

    @Test
    void aConflictSaysWhatTheStateIsNow() {
        http.get().uri("/conflict").exchange().expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://complaintsuite.org/problems/conflict")
                .jsonPath("$.detail").isEqualTo("the case is closed")
                .jsonPath("$.currentState.state").isEqualTo("CLOSED");
    }

    @Test
    void anUnexpectedErrorSaysItCanBeRetriedAndGivesNothingAway() {
        http.get().uri("/broken").exchange().expectStatus().is5xxServerError()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://complaintsuite.org/problems/internal")
                .jsonPath("$.detail").isEqualTo("the request could not be completed; it can be retried")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions
                        .assertThat((String) detail).doesNotContain("hunter2"));
    }

    @Test
    void aStoreOutOfReachIsUnavailableForNowWithWhenToRetry() {
        http.get().uri("/store-away").exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://complaintsuite.org/problems/unavailable")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions
                        .assertThat((String) detail).contains("send the request again after 5 s").doesNotContain("Timed out"));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        http.get().uri("/nowhere").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
