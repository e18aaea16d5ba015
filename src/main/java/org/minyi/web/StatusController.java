package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.minyi.index.MessageIndex;
import org.minyi.ingest.IngestStats;
import org.minyi.ingest.Ingestion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How much is in the index and how ingestion is going. */
@RestController
@RequestMapping("/api")
@Tag(name = "status")
class StatusController {

    private final MessageIndex index;
    private final Ingestion ingestion;

    StatusController(MessageIndex index, Ingestion ingestion) {
        this.index = index;
        this.ingestion = ingestion;
    }

    /** Messages searchable now, and ingestion counters since the service started. */
    public record Status(long messages, IngestStats ingestion) {
    }

    @GetMapping("/status")
    @Operation(summary = "Indexed message count and ingestion counters")
    Status status() {
        return new Status(index.count(), ingestion.stats());
    }
}
