package org.complaintsuite.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
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
        // and the two messages that are not events: what channel and survey gateways publish
        assertThat(topicOfMessage).containsEntry("ComplaintSubmission", Topic.INTAKE_SUBMISSIONS.topicName())
                .containsEntry("FollowUpResponse", Topic.FEEDBACK_RESPONSES.topicName())
                .hasSize(EventType.values().length + 2);
        for (String inbound : List.of("ComplaintSubmission", "FollowUpResponse")) {
            assertThat(doc.get("components").get("messages").get(inbound).get("payload").get("schema")
                    .get("$ref").asString()).isEqualTo("./schemas/" + inbound + ".v1.json");
            assertThat(getClass().getResource("/schemas/" + inbound + ".v1.json")).isNotNull();
        }
    }
}
