package org.complaintsuite.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The suite's local OpenID Connect provider (Spring Authorization Server), seeded from {@code identity.yml}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {
    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
