package org.complaintsuite.sla.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.complaintsuite.embedded.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deadline whose first run fails (its clock was changed at that moment by another replica) runs again
 * within moments on real db-scheduler and PostgreSQL, instead of db-scheduler's five minutes later.
 */
class DeadlineRetryTest {

    @Test
    void aDeadlineThatFailsRunsAgainWithinASecondAndThenNoMore() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary()) {
            postgres.createDatabases(List.of("deadlines"));
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(postgres.jdbcUrl("deadlines"));
            dataSource.setUser("postgres");
            new SlaConfiguration.SchedulerSchema(new JdbcTemplate(dataSource));

            List<Instant> runs = new CopyOnWriteArrayList<>();
            Task<String> breach = Tasks.oneTime("AxonDeadline", String.class).execute((instance, context) -> {
                runs.add(Instant.now());
                if (runs.size() == 1) {
                    throw new IllegalStateException("the clock changed under this deadline");
                }
            });
            Scheduler scheduler = Scheduler.create(dataSource,
                            List.of(SlaConfiguration.retriedPromptly(breach, Duration.ofMillis(50))))
                    .pollingInterval(Duration.ofMillis(100))
                    .build();
            scheduler.start();
            try {
                scheduler.schedule(breach.instance("clock-1", "breach"), Instant.now());
                await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() >= 2);
                assertThat(Duration.between(runs.get(0), runs.get(1))).isLessThan(Duration.ofSeconds(1));
                // done once it succeeded: nothing runs again
                await().pollDelay(Duration.ofMillis(800)).until(() -> true);
                assertThat(runs).hasSize(2);
            } finally {
                scheduler.stop();
            }
        }
    }
}
