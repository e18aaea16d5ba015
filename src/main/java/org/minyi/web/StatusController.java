package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.minyi.index.MessageIndex;
import org.minyi.ingest.IngestStats;
import org.minyi.ingest.Ingestion;
import org.minyi.access.Jurisdiction;
import org.minyi.web.security.Jurisdictions;
import org.springframework.security.core.Authentication;
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
    private final Jurisdictions jurisdictions;

    StatusController(MessageIndex index, Ingestion ingestion, Jurisdictions jurisdictions) {
        this.index = index;
        this.ingestion = ingestion;
        this.jurisdictions = jurisdictions;
    }

    /**
     * Messages searchable now, and ingestion counters since the service started; a reader bound to regions gets the
     * count of their regions and no service-wide counters.
     */
    public record Status(long messages, IngestStats ingestion) {
    }

    @GetMapping("/status")
    @Operation(summary = "Indexed message count and ingestion counters")
    Status status(Authentication caller) {
        Jurisdiction jurisdiction = jurisdictions.of(caller);
        if (jurisdiction.restricted()) {
            return new Status(jurisdiction.view(index).count(), null);
        }
        return new Status(index.count(), ingestion.stats());
    }
}
