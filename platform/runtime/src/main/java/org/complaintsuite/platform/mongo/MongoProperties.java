package org.complaintsuite.platform.mongo;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the read side lives: {@code MONGODB_URI} and one database per service. */
@Validated
@ConfigurationProperties("suite.mongodb")
public record MongoProperties(@NotBlank String uri, @NotBlank String database) {
}
