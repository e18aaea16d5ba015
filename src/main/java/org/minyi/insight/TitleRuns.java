package org.minyi.insight;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.minyi.index.IndexedMessage;

/**
 * Cuts a message's title (or its text's start, without a title) into runs of letters and digits, with region
 * names cut out first: "A市绿地…" and "A市地铁…" share a region, not a matter. All region names are found in one
 * pass (Aho-Corasick) rather than one search per name, since a period has dozens of them and thousands of titles.
 */
final class TitleRuns {

    private static final int GRAM = 4;
    private static final int MAX_TITLE = 60;

    private final AhoCorasickDoubleArrayTrie<String> regions;

    TitleRuns(Set<String> regionNames) {
        TreeMap<String, String> names = new TreeMap<>();
        regionNames.stream().filter(name -> !name.isEmpty()).forEach(name -> names.put(name, name));
        regions = names.isEmpty() ? null : new AhoCorasickDoubleArrayTrie<>(names);
    }

    List<String> of(IndexedMessage m) {
        String title = m.message().title() != null ? m.message().title() : m.message().text();
        boolean[] regionAt = new boolean[title.length()];
        if (regions != null) {
            regions.parseText(title, (begin, end, name) -> java.util.Arrays.fill(regionAt, begin, end, true));
        }
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < title.length(); ) {
            int c = title.codePointAt(i);
            int width = Character.charCount(c);
            if (!regionAt[i] && (Character.isLetter(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER)) {
                run.appendCodePoint(c);
            } else if (!run.isEmpty()) {
                runs.add(run.toString());
                run.setLength(0);
            }
            i += width;
        }
        if (!run.isEmpty()) {
            runs.add(run.toString());
        }
        return runs;
    }

    /** Distinct 4-character pieces of the runs, from the first {@value #MAX_TITLE} characters of each. */
    Set<String> grams(IndexedMessage m) {
        Set<String> grams = new HashSet<>();
        for (String run : of(m)) {
            for (int k = 0; k + GRAM <= run.length() && k < MAX_TITLE; k++) {
                grams.add(run.substring(k, k + GRAM));
            }
        }
        return grams;
    }
}
