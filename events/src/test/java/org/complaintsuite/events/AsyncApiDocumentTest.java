package org.complaintsuite.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncApiDocumentTest {

    @Test
    void theAsyncApiDocumentPlacesEveryEventTypeOnItsTopicWithItsSchema() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            doc = new YAMLMapper().readTree(in);
        }
        assertThat(doc.get("asyncapi").asString()).isEqualTo("3.0.0");
        Map<String, String> topicOfMessage = new HashMap<>();
        doc.get("channels").forEach(channel -> channel.get("messages").propertyNames()
                .forEach(message -> topicOfMessage.put(message, channel.get("address").asString())));
        for (EventType type : EventType.values()) {
            assertThat(topicOfMessage).containsEntry(type.simpleName(), type.topic().topicName());
            JsonNode message = doc.get("components").get("messages").get(type.simpleName());
            assertThat(message.get("name").asString()).isEqualTo(type.ceType());
            String schemaRef = message.get("payload").get("schema").get("$ref").asString();
            assertThat("/" + schemaRef.substring(2)).isEqualTo(type.schemaResource());
            assertThat(getClass().getResource(type.schemaResource())).isNotNull();
        }
        // and the one message that is not an event: what channel gateways submit
        assertThat(topicOfMessage).containsEntry("ComplaintSubmission", Topic.INTAKE_SUBMISSIONS.topicName())
                .hasSize(EventType.values().length + 1);
        assertThat(doc.get("components").get("messages").get("ComplaintSubmission").get("payload").get("schema")
                .get("$ref").asString()).isEqualTo("./schemas/ComplaintSubmission.v1.json");
        assertThat(getClass().getResource("/schemas/ComplaintSubmission.v1.json")).isNotNull();
    }
}
