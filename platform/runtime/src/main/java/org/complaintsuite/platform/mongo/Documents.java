package org.complaintsuite.platform.mongo;

import org.bson.Document;
import org.complaintsuite.events.EventJson;
import tools.jackson.core.type.TypeReference;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps event payloads and views to BSON documents with the suite's one JSON mapping. */
public final class Documents {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Documents() {
    }

    public static Document of(Object value) {
        return new Document(EventJson.mapper().convertValue(value, MAP));
    }

    /** A stored document (or part of one) read back as a record of the contract. */
    public static <T> T read(Document document, Class<T> type) {
        return EventJson.mapper().convertValue(document, type);
    }

    /** A stored document as an API answer: {@code _id} is renamed to {@code idField}. */
    public static Map<String, Object> toView(Document document, String idField) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(idField, document.get("_id"));
        document.forEach((key, value) -> {
            if (!key.equals("_id")) {
                view.put(key, value);
            }
        });
        return view;
    }
}
