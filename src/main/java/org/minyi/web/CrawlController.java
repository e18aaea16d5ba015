package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Crawl status per configured source, and starting a crawl by hand. */
@RestController
@RequestMapping("/api/crawls")
@Tag(name = "crawl", description = "Configured crawl sources: last run, pages, errors; start a crawl")
class CrawlController {

    private final CrawlJobs crawls;

    CrawlController(CrawlJobs crawls) {
        this.crawls = crawls;
    }

    @GetMapping
    @Operation(summary = "Every configured source with its schedule and last run (pages, items, errors by kind)")
    List<CrawlJobs.SourceStatus> sources() {
        return crawls.statuses();
    }

    @GetMapping("/{source}")
    CrawlJobs.SourceStatus source(@PathVariable String source) {
        return crawls.status(source).orElseThrow(() -> new NoSuchElementException("no crawler config named " + source));
    }

    @PostMapping("/{source}")
    @Operation(summary = "Queue a crawl of one source (202; 409 when it is already queued or running)")
    ResponseEntity<CrawlJobs.SourceStatus> start(@PathVariable String source) {
        boolean started = crawls.start(source);
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT)
                .body(crawls.status(source).orElseThrow());
    }
}
