package org.complaintsuite.routing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The routing domain (aggregate, commands, rules) knows no Spring, Kafka, Mongo or HTTP; only Axon's annotations. */
@AnalyzeClasses(packages = "org.complaintsuite.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworks = noClasses().that().resideInAPackage("..routing.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "reactor..", "jakarta.persistence..", "tools.jackson..");

    @ArchTest
    static final ArchRule domainDoesNotReachOut = noClasses().that().resideInAPackage("..routing.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..routing.api..", "..routing.projection..",
                    "..routing.config..", "org.complaintsuite.platform..");
}
