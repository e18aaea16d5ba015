package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minyi.analysis.Segmenter;

/** Turns labelled texts into documents tokenised the way the classifier will see them. */
public final class Documents {

    private Documents() {
    }

    /**
     * For a file whose text is already segmented (words separated by white space): the words as they are, and as
     * text the words joined without spaces (all that is left of the original characters).
     */
    public static List<Document> preSegmented(List<LabelledText> texts) {
        List<Document> documents = new ArrayList<>(texts.size());
        for (LabelledText text : texts) {
            List<String> tokens = Arrays.stream(text.text().split("\\s+")).filter(t -> !t.isEmpty()).toList();
            documents.add(new Document(text.label(), tokens, String.join("", tokens)));
        }
        return documents;
    }

    /** Raw text as the pipeline hands it to a topic classifier: content words of title and text. */
    public static List<Document> forTopics(List<LabelledText> texts, Segmenter segmenter) {
        List<Document> documents = new ArrayList<>(texts.size());
        for (LabelledText text : texts) {
            documents.add(new Document(text.label(), segmenter.contentWords(text.text()), text.text()));
        }
        return documents;
    }

    /** Raw text as the pipeline hands it to a sentiment analyser: all words, stop words kept. */
    public static List<Document> forSentiment(List<LabelledText> texts, Segmenter segmenter) {
        List<Document> documents = new ArrayList<>(texts.size());
        for (LabelledText text : texts) {
            documents.add(new Document(text.label(), segmenter.words(text.text()), text.text()));
        }
        return documents;
    }
}
