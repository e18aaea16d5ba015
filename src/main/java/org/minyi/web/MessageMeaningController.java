package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.minyi.index.MessageFilter;
import org.minyi.ingest.Correction;
import org.minyi.ingest.MessageCorrections;
import org.minyi.insight.SimilarMessages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What a message means beside others: its nearest earlier messages, and people's corrections of its labels. */
@RestController
@RequestMapping("/api/messages/{id}")
@Tag(name = "meaning", description = "Similar earlier messages (sentence vectors) and corrections of topic/attitude")
class MessageMeaningController {

    private final SimilarMessages similar;
    private final MessageCorrections corrections;

    MessageMeaningController(SimilarMessages similar, MessageCorrections corrections) {
        this.similar = similar;
        this.corrections = corrections;
    }

    /** A neighbour: the message (with its reply, if any) and how close it is, cosine −1..1. */
    public record SimilarMessage(MessageView message, double similarity) {
    }

    /**
     * @param vectorKnown false when the message was indexed without the sentence encoder (nothing to compare)
     */
    public record SimilarResponse(String id, boolean vectorKnown, List<SimilarMessage> similar) {
    }

    @GetMapping("/similar")
    @Operation(summary = "The nearest earlier messages",
            description = "Messages written before this one that are closest in meaning (sentence vectors stored at"
                    + " ingest), most similar first, each with its official reply when it has one.")
    SimilarResponse similar(@PathVariable String id,
                            @Parameter(description = "how many, 1..50") @RequestParam(defaultValue = "5") int limit) {
        SimilarMessages.Answer answer = similar.earlierThan(id, MessageFilter.ALL, limit);
        return new SimilarResponse(id, answer.vectorKnown(), answer.similar().stream()
                .map(n -> new SimilarMessage(MessageView.of(n.message()), Math.round(n.similarity() * 1000) / 1000.0))
                .toList());
    }

    /** What a manager sends: the field (topic or attitude) and the value they choose. */
    public record CorrectionRequest(String field, String value) {
    }

    @PostMapping("/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct the topic or attitude of a message",
            description = "Recorded with who and when and the value before; the message is re-indexed with it at once"
                    + " and keeps it through re-imports; 'minyi train … --with-corrections' learns from it.")
    Correction correct(@PathVariable String id, @RequestBody CorrectionRequest request, Authentication caller) {
        if (request == null || request.field() == null) {
            throw new IllegalArgumentException("send {\"field\": \"topic\" | \"attitude\", \"value\": …}");
        }
        return corrections.correct(id, request.field().strip(), request.value(), caller.getName());
    }

    @GetMapping("/corrections")
    @Operation(summary = "Corrections of a message, oldest first")
    List<Correction> corrections(@PathVariable String id) {
        return corrections.of(id);
    }
}
