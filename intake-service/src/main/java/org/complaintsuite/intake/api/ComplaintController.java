package org.complaintsuite.intake.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.complaintsuite.intake.projection.ComplaintView;
import org.complaintsuite.intake.projection.RegisteredComplaint;
import org.complaintsuite.platform.web.FieldProblem;
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
import java.util.List;

@RestController
@Tag(name = "Complaints", description = "Registering complaints from every channel, one by one or in bulk")
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

    @Operation(summary = "Register a complaint",
            description = "Answers 202 once ComplaintReceived is durably stored. A retry with the same (channel, "
                    + "externalId) or Idempotency-Key answers the same complaintId with duplicate true and stores "
                    + "nothing. A contact that belongs to the customer's earlier complaint answers linkedTo.")
    @ApiResponse(responseCode = "202", description = "Registered (or a retry of an earlier registration)",
            headers = @Header(name = "Location", description = "the registered complaint"),
            content = @Content(schema = @Schema(implementation = Intake.Registration.class),
                    examples = @ExampleObject(value = ApiExamples.REGISTRATION)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Intake.Registration>> submit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = ApiExamples.SUBMISSION)))
            @RequestBody SubmitComplaintRequest request,
            @Parameter(description = "makes a retry safe when the channel has no externalId")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return intake.submit(request, idempotencyKey, Intake.Source.HTTP)
                .map(registration -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/complaints/" + registration.complaintId()))
                        .body(registration));
    }

    @Operation(summary = "Import complaints in bulk",
            description = "History and partner systems: NDJSON, one submission per line, or CSV with a header row "
                    + "(columns channel, externalId, kind, category, customerId, customerName, phone, email, "
                    + "subjectType, subjectCode, description, demand, priority, receivedBy). Every line is "
                    + "registered on its own; importing a file again registers nothing twice.")
    @PostMapping(path = "/imports", consumes = {NDJSON, CSV})
    Mono<ImportReport> importLines(@Parameter(hidden = true) @RequestHeader("Content-Type") MediaType type,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                                           @Content(mediaType = CSV, schema = @Schema(types = "string"),
                                                   examples = @ExampleObject(value = ApiExamples.CSV_IMPORT)),
                                           @Content(mediaType = NDJSON, schema = @Schema(types = "string"))})
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
                            .flatMapSequential(this::importOne, 4)
                            .collectList()
                            .map(ImportReport::of);
                });
    }

    private Mono<ImportReport.Result> importOne(ImportFormats.Line line) {
        if (line.problems() != null) {
            return Mono.just(rejected(line.number(), line.problems()));
        }
        return intake.submit(line.request(), null, Intake.Source.BULK)
                .map(registration -> new ImportReport.Result(
                        new ImportReport.AcceptedLine(line.number(), registration), null))
                .onErrorResume(InvalidRequestException.class, e -> Mono.just(rejected(line.number(), e.problems())));
    }

    private static ImportReport.Result rejected(int line, List<FieldProblem> problems) {
        return new ImportReport.Result(null, new ImportReport.RejectedLine(line, problems));
    }

    @Operation(summary = "What intake registered",
            description = "The complaint as received, the contacts linked to it, and how far its case has come.")
    @GetMapping("/{complaintId}")
    Mono<RegisteredComplaint> find(@PathVariable String complaintId) {
        return view.find(complaintId)
                .switchIfEmpty(Mono.error(new NotFoundException("no complaint " + complaintId)));
    }
}
