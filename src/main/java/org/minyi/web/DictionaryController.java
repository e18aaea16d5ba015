package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.minyi.MinYiSettings;
import org.minyi.analysis.AnalysisPipeline;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins add dictionary words; the running pipeline uses them for every message analysed from then on. */
@RestController
@RequestMapping("/api/dictionary")
@Tag(name = "dictionary", description = "Words added at run time: departments, places, hot terms")
class DictionaryController {

    private final AdminWords words;

    DictionaryController(MinYiSettings settings, AnalysisPipeline pipeline) {
        this.words = AdminWords.load(settings.adminDictionaries().resolve("admin-words.txt"),
                pipeline.segmenter().dictionary());
    }

    /** A word to add: {@code kind} is department, place or term. */
    public record WordRequest(String word, String kind) {
    }

    @GetMapping("/words")
    @Operation(summary = "Words added by admins, oldest first")
    List<AdminWords.Word> list() {
        return words.list();
    }

    @PostMapping("/words")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a word; effective at once and kept across restarts")
    AdminWords.Word add(@RequestBody WordRequest request) {
        return words.add(request.word(), AdminWords.Kind.parse(request.kind()));
    }
}
