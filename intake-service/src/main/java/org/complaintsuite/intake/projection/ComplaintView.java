package org.complaintsuite.intake.projection;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.platform.mongo.Documents;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/** What intake registered, one document per complaint, rebuilt from the event store on replay. */
@Component
@ProcessingGroup("complaint-view")
public class ComplaintView {

    private final MongoCollection<Document> complaints;

    public ComplaintView(MongoDatabase mongo) {
        this.complaints = mongo.getCollection("complaints");
    }

    @EventHandler
    void on(ComplaintReceived event) {
        Document document = Documents.of(event);
        document.remove("complaintId");
        document.put("_id", event.complaintId().value());
        Mono.from(complaints.replaceOne(Filters.eq("_id", event.complaintId().value()), document,
                new ReplaceOptions().upsert(true))).block();
    }

    public Mono<Map<String, Object>> find(String complaintId) {
        return Mono.from(complaints.find(Filters.eq("_id", complaintId)).first())
                .map(d -> Documents.toView(d, "complaintId"));
    }
}
