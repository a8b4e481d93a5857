package org.complaintsuite.platform.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code complaint_relay_backlog_events}: how far the relay's slowest segment is behind the head of the
 * event store (global index positions), read at each scrape. NaN on an instance that holds no segment of
 * the relay (another replica relays). A backlog that never returns to 0 means the relay is stalled.
 */
public final class RelayBacklog {

    private final ObjectProvider<Configuration> axon;

    public RelayBacklog(ObjectProvider<Configuration> axon, MeterRegistry meters) {
        this.axon = axon;
        Gauge.builder("complaint.relay.backlog.events", this, RelayBacklog::events)
                .description("events in the event store not yet relayed to Kafka")
                .register(meters);
    }

    double events() {
        Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            return Double.NaN;
        }
        Map<Integer, EventTrackerStatus> segments = configuration.eventProcessingConfiguration()
                .eventProcessor(KafkaEventRelay.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        TrackingToken head = configuration.eventStore().createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        long slowest = segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min()
                .orElse(headPosition);
        return Math.max(0, headPosition - slowest);
    }
}
