package org.complaintsuite.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service on its own: its Spring context (found from the test's package) started in this JVM on a free
 * port, on the infrastructure selected for the run (embedded by default, the real images with
 * {@code -Preal-infrastructure}). {@link #api} drives it
 * over HTTP and checks every answer against the OpenAPI document it serves; every such test also checks
 * that each endpoint it maps is documented.
 */
@ExtendWith(InfrastructureCondition.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class ServiceTest {

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected ApplicationContext context;

    protected ContractClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTesting.infrastructure(registry);
    }

    @BeforeEach
    void readTheContract() {
        api = new ContractClient(http);
    }

    @Test
    void everyEndpointIsInTheOpenApiDocumentWithItsAnswers() {
        api.contract().assertEveryEndpointDocumented(context);
    }
}
