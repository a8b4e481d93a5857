package org.complaintsuite.sla.config;

import org.complaintsuite.sla.domain.SlaCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

@Configuration
@EnableScheduling
class SlaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlaConfiguration.class);

    /** The policy file ({@code SLA_POLICIES}, else the shipped default); an invalid one stops the start-up. */
    @Bean
    SlaCatalogue slaCatalogue(@Value("${sla.policy-file}") String location, ResourceLoader resources)
            throws IOException {
        String path = location.contains(":") ? location : "file:" + location;
        Resource resource = resources.getResource(path);
        if (!resource.exists()) {
            throw new SlaCatalogueFile.InvalidPolicyFile("SLA policy file " + location + " does not exist");
        }
        Path baseDir = resource.isFile() ? resource.getFile().toPath().toAbsolutePath().getParent() : Path.of(".");
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            SlaCatalogue catalogue = SlaCatalogueFile.parse(location, reader, baseDir);
            log.info("SLA policies from {}: {}", location, catalogue.policies().stream()
                    .map(p -> p.id() + " v" + p.version()).toList());
            return catalogue;
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** db-scheduler's table, where every clock's warnings and due time are persisted. */
    @Bean
    static SchedulerSchema schedulerSchema(JdbcTemplate jdbc) {
        return new SchedulerSchema(jdbc);
    }

    static final class SchedulerSchema {
        SchedulerSchema(JdbcTemplate jdbc) {
            jdbc.execute("""
                    create table if not exists scheduled_tasks (
                        task_name            text not null,
                        task_instance        text not null,
                        task_data            bytea,
                        execution_time       timestamp with time zone not null,
                        picked               boolean not null,
                        picked_by            text,
                        last_success         timestamp with time zone,
                        last_failure         timestamp with time zone,
                        consecutive_failures int,
                        last_heartbeat       timestamp with time zone,
                        version              bigint not null,
                        priority             smallint,
                        primary key (task_name, task_instance))""");
            jdbc.execute("create index if not exists execution_time_idx on scheduled_tasks (execution_time)");
            jdbc.execute("create index if not exists last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
            jdbc.execute("create index if not exists priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
        }
    }
}
