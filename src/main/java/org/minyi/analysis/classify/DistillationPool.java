package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The unlabelled messages a teacher model labels for its student: every distinct text of the data files except
 * the messages the student may not see — the hand-labelled ones (they train with their own labels, or are held out)
 * and near-copies of any evaluation text (held-out labels, the raw 921), found as the other trainers find them
 * ({@link NearDuplicates}). Without that, a student would learn an evaluation message through the teacher's answer.
 *
 * @param ids          ids of the kept messages, in the order given
 * @param texts        their texts, same order
 * @param labelledIds  messages left out because they carry a hand label
 * @param repeats      messages left out because an earlier message has the same text
 * @param nearCopies   messages left out as near-copies of an evaluation text
 */
public record DistillationPool(List<String> ids, List<String> texts, int labelledIds, int repeats, int nearCopies) {

    public DistillationPool {
        ids = List.copyOf(ids);
        texts = List.copyOf(texts);
    }

    /**
     * @param textsById       candidate messages: id → title and text as the models see them
     * @param labelled        ids of every hand-labelled message (training and held out)
     * @param evaluationTexts texts the student will be evaluated on
     * @param words           the words of a text (for the near-copy test: words of two or more characters)
     */
    public static DistillationPool of(Map<String, String> textsById, Set<String> labelled, List<String> evaluationTexts,
                                      Function<String, List<String>> words) {
        List<Document> candidates = new ArrayList<>();
        List<String> candidateIds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int labelledIds = 0;
        int repeats = 0;
        for (Map.Entry<String, String> entry : textsById.entrySet()) {
            if (labelled.contains(entry.getKey())) {
                labelledIds++;
            } else if (!seen.add(TextFeatures.lettersAndDigits(entry.getValue()))) {
                repeats++;
            } else {
                // the id rides in the label slot, so the kept documents say which message they are
                candidates.add(new Document(entry.getKey(), words.apply(entry.getValue()), entry.getValue()));
                candidateIds.add(entry.getKey());
            }
        }
        NearDuplicates.Filtered filtered = NearDuplicates.removeCopiesOf(evaluationTexts, candidates);
        return new DistillationPool(filtered.kept().stream().map(Document::label).toList(),
                filtered.kept().stream().map(Document::text).toList(), labelledIds, repeats, filtered.removed());
    }

    public int size() {
        return ids.size();
    }
}
