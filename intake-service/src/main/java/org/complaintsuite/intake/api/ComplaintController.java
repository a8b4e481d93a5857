package org.complaintsuite.intake.api;

import org.complaintsuite.intake.projection.ComplaintView;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
class ComplaintController {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final Intake intake;
    private final ComplaintView view;
    private final int importLimitBytes;

    ComplaintController(Intake intake, ComplaintView view,
                        @Value("${intake.import.max-size:10MB}") DataSize importLimit) {
        this.intake = intake;
        this.view = view;
        this.importLimitBytes = (int) importLimit.toBytes();
    }

    /**
     * Registers a complaint; answers 202 once {@code ComplaintReceived} is durably stored. A retry with
     * the same (channel, externalId) or {@code Idempotency-Key} answers the same complaintId and stores
     * nothing. A contact that belongs to the customer's earlier complaint answers {@code linkedTo}.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> submit(
            @RequestBody SubmitComplaintRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return intake.submit(request, idempotencyKey, Intake.Source.HTTP)
                .map(outcome -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/complaints/" + outcome.complaintId()))
                        .body(answer(outcome)));
    }

    /**
     * Bulk import (history, partner systems): NDJSON, one submission per line, or CSV with a header row
     * (columns in {@link ImportFormats#CSV_COLUMNS}). Every line is registered on its own; the answer
     * reports each accepted line with its complaintId and each rejected one with its problems.
     */
    @PostMapping(path = "/imports", consumes = {NDJSON, CSV})
    Mono<Map<String, Object>> importLines(@RequestHeader("Content-Type") MediaType type,
                                          @RequestBody Flux<DataBuffer> body) {
        return DataBufferUtils.join(body, importLimitBytes)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .flatMap(text -> {
                    List<ImportFormats.Line> lines = MediaType.parseMediaType(CSV).includes(type)
                            ? ImportFormats.csv(text) : ImportFormats.ndjson(text);
                    return Flux.fromIterable(lines)
                            .flatMapSequential(line -> importOne(line), 4)
                            .collectList()
                            .map(ComplaintController::report);
                });
    }

    private Mono<Map<String, Object>> importOne(ImportFormats.Line line) {
        if (line.problems() != null) {
            return Mono.just(rejected(line.number(), line.problems()));
        }
        return intake.submit(line.request(), null, Intake.Source.BULK)
                .map(outcome -> {
                    Map<String, Object> accepted = new LinkedHashMap<>();
                    accepted.put("line", line.number());
                    accepted.putAll(answer(outcome));
                    return accepted;
                })
                .onErrorResume(InvalidRequestException.class,
                        e -> Mono.just(rejected(line.number(), e.problems())));
    }

    private static Map<String, Object> rejected(int line, Object problems) {
        Map<String, Object> rejected = new LinkedHashMap<>();
        rejected.put("line", line);
        rejected.put("problems", problems);
        return rejected;
    }

    private static Map<String, Object> report(List<Map<String, Object>> results) {
        List<Map<String, Object>> accepted = results.stream().filter(r -> r.containsKey("complaintId")).toList();
        List<Map<String, Object>> rejected = results.stream().filter(r -> r.containsKey("problems")).toList();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lines", results.size());
        report.put("acceptedCount", accepted.size());
        report.put("rejectedCount", rejected.size());
        report.put("accepted", accepted);
        report.put("rejected", rejected);
        return report;
    }

    private static Map<String, Object> answer(Intake.Outcome outcome) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("complaintId", outcome.complaintId().value());
        answer.put("duplicate", outcome.duplicate());
        if (outcome.linkedTo() != null) {
            answer.put("linkedTo", Map.of("complaintId", outcome.linkedTo().complaintId().value(),
                    "reason", outcome.linkedTo().reason().name()));
        }
        return answer;
    }

    @GetMapping("/{complaintId}")
    Mono<Map<String, Object>> find(@PathVariable String complaintId) {
        return view.find(complaintId)
                .switchIfEmpty(Mono.error(new NotFoundException("no complaint " + complaintId)));
    }
}
