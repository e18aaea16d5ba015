package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.minyi.analysis.AnalysisOutput;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.message.Message;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Analyses a text without storing it: the same result {@code minyi analyze} writes per line. */
@RestController
@RequestMapping("/api")
@Tag(name = "analysis", description = "Run the analysis pipeline on a text without indexing it")
class AnalyzeController {

    private final AnalysisPipeline pipeline;

    AnalyzeController(AnalysisPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** What to analyse; only text is required. */
    public record AnalyzeRequest(String id, String title, String text) {
    }

    @PostMapping("/analyze")
    @Operation(summary = "Segment, classify, score sentiment, find places/departments/keywords/demand, mask PII")
    AnalysisOutput analyze(@RequestBody AnalyzeRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new IllegalArgumentException("\"text\" is required");
        }
        String id = request.id() == null || request.id().isBlank() ? "-" : request.id();
        Message message = new Message(id, null, null, request.title(), request.text(), null, null, null, null, null);
        return AnalysisOutput.of(id, pipeline.analyze(message));
    }
}
