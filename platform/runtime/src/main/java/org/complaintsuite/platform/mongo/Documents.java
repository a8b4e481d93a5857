package org.complaintsuite.platform.mongo;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.complaintsuite.events.EventJson;
import tools.jackson.core.type.TypeReference;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps event payloads and views to BSON documents and back with the suite's one JSON mapping. A view
 * record names its id {@code @JsonAlias("_id")}; fields it does not declare (bookkeeping such as
 * {@link OnceOnly#APPLIED}) are not read.
 */
public final class Documents {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Documents() {
    }

    public static Document of(Object value) {
        return new Document(EventJson.mapper().convertValue(value, MAP));
    }

    /** A stored document (or part of one) read back as a record. */
    public static <T> T read(Document document, Class<T> type) {
        return EventJson.mapper().convertValue(plain(document), type);
    }

    /** BSON values Jackson does not know as plain JSON values: decimals, object ids and dates. */
    private static Object plain(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, plain(v)));
                yield copy;
            }
            case List<?> list -> list.stream().map(Documents::plain).toList();
            case Decimal128 decimal -> decimal.bigDecimalValue();
            case ObjectId id -> id.toHexString();
            case Date date -> date.toInstant().toString();
            case null -> null;
            default -> value;
        };
    }
}
