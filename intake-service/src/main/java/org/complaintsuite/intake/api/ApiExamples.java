package org.complaintsuite.intake.api;

/** The README walk-through's requests and answers, shown in the OpenAPI document as examples. */
final class ApiExamples {

    static final String SUBMISSION = """
            {"channel": "PHONE", "externalId": "call-0001", "kind": "COMPLAINT", "category": "PRODUCT_QUALITY",
             "customer": {"id": "c-1", "name": "Li Wei", "phone": "+86 138 0013 8000", "email": "li.wei@example.org"},
             "subject": {"type": "PRODUCT", "code": "SKU-42"},
             "description": "The kettle leaks after two days", "demand": "replacement", "receivedBy": "agent-7"}""";

    static final String REGISTRATION = """
            {"complaintId": "42f946be-cda2-365b-a831-4675409fcbb0", "duplicate": false}""";

    static final String CSV_IMPORT = """
            channel,externalId,phone,description
            letter,L-1,138 0013 8000,"The meter reading is wrong, I was overcharged"
            """;

    private ApiExamples() {
    }
}
