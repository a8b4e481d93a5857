package org.complaintsuite.sla.config;

import org.complaintsuite.sla.domain.SlaPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class SlaConfiguration {

    /** Invalid policies stop the service at start-up with every reason listed. */
    @Bean
    SlaPolicies slaPolicies(SlaPolicyProperties properties) {
        return new SlaPolicies(properties.policies());
    }

    /** db-scheduler's table, where every clock's due time is persisted. */
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
