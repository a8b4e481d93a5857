package org.complaintsuite.sla.config;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.complaintsuite.sla.domain.SlaCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
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
import java.time.Duration;

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

    /**
     * The task that runs Axon's persisted deadlines, as Axon defines it but retried within moments when
     * it fails: db-scheduler would otherwise retry a failed one-time task five minutes later. A deadline
     * fails when the clock's aggregate was changed at the same moment by another replica (the warning
     * firing there as the breach fires here, or a lifecycle command), and that breach is still due now.
     */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context,
            @Value("${sla.deadline-retry-delay:50ms}") Duration firstRetry) {
        return retriedPromptly(
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class)),
                firstRetry);
    }

    /** The same one-time task, retried after {@code firstRetry} when it fails, then at doubling intervals. */
    static <T> Task<T> retriedPromptly(Task<T> task, Duration firstRetry) {
        return Tasks.oneTime(task.getName(), task.getDataClass())
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(firstRetry, 2.0))
                .execute(task::execute);
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
