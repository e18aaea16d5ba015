package org.minyi.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minyi.index.IndexedMessage;

/**
 * Phrases of whole words that many titles of an issue share, for its label: "枫林路工地", never "地夜间施工噪音扰".
 * Word boundaries are the segmenter's: a message's tokens start with its title's content words, in order, so they
 * are found in the title one after another.
 */
final class TitlePhrases {

    private static final String FUNCTION_CHARACTERS = "的了和与及在对是把被给向从到等吗呢啊吧很也都又还就于";
    private static final int MIN_CHARS = 2;
    private static final int MAX_CHARS = 12;
    private static final double SHARE = 0.3;
    private static final int LONG_ENOUGH = 6;
    /** A市, A3区, K8县: the region, shown apart from the label. */
    private static final java.util.regex.Pattern ANONYMISED_REGION = java.util.regex.Pattern.compile(
            "[A-Z]\\d{0,2}[市区县州]");
    /** Places of the city itself: named by the texts of many members, they say where the issue is. */
    private static final java.util.regex.Pattern LOCAL_PLACE = java.util.regex.Pattern.compile(
            ".+(?:街道|社区|小区|路|街|巷|镇|乡|村)");

    private final Set<String> regionNames;

    TitlePhrases(Set<String> regionNames) {
        this.regionNames = regionNames;
    }

    /**
     * Phrases in at least two titles and {@value #SHARE} of them (any, for one message), by titles × length (up to
     * {@value #LONG_ENOUGH} characters): a name in half the titles (伊景园滨河苑) beats a piece of it in all of them
     * (滨河); a phrase inside a longer one found in as many titles is left out.
     */
    List<String> common(List<IndexedMessage> members) {
        int needed = titlesNeeded(members.size());
        // Every phrase is counted by its hash first (no string made); only those that reach the titles needed are
        // then made strings and counted exactly.
        TitleCounts byHash = new TitleCounts(members.size() * 64);
        List<String> texts = new ArrayList<>(members.size());
        PhraseSpans spans = new PhraseSpans();
        for (int k = 0; k < members.size(); k++) {
            int title = k;
            String text = members.get(k).message().title();
            texts.add(text);
            forEachPhrase(members.get(k), (a, b) -> {
                long key = TitleCounts.hash(text, a, b);
                byHash.count(key, title);
                spans.add(title, a, b, key);
            });
        }
        // per phrase: the titles holding it, and the last title counted (a title counts a phrase once)
        Map<String, int[]> titles = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            if (byHash.titles(spans.key(i)) < needed) {
                continue;
            }
            int title = spans.title(i);
            int[] seen = titles.computeIfAbsent(texts.get(title).substring(spans.from(i), spans.to(i)),
                    p -> new int[] {0, -1});
            if (seen[1] != title) {
                seen[0]++;
                seen[1] = title;
            }
        }
        Map<String, Integer> frequent = new HashMap<>();
        titles.forEach((phrase, seen) -> {
            if (seen[0] >= needed) {
                frequent.put(phrase, seen[0]);
            }
        });
        // A phrase inside a longer frequent one found in as many titles is covered: each phrase marks its own
        // pieces (at most MAX_CHARS long, so a few dozen), not every other phrase.
        Set<String> covered = new HashSet<>();
        frequent.forEach((longer, count) -> {
            for (int a = 0; a < longer.length(); a++) {
                for (int b = a + 1; b <= longer.length(); b++) {
                    if (b - a == longer.length()) {
                        continue;
                    }
                    Integer inner = frequent.get(longer.substring(a, b));
                    if (inner != null && count >= inner) {
                        covered.add(longer.substring(a, b));
                    }
                }
            }
        });
        return frequent.entrySet().stream()
                .filter(e -> !covered.contains(e.getKey()))
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue()
                                * Math.min(e.getKey().length(), LONG_ENOUGH))
                        .thenComparing(e -> -e.getKey().length())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Title substrings of letters and digits that begin and end on a cut: where the segmenter cut (a content word's
     * ends), or anywhere in what it left between content words (stop words, single characters, names it does not
     * know). So a word it found is never cut ("暮云街道" stays whole), while an unknown estate name such as
     * 伊景园滨河苑 can still be found as the part many titles share. Phrases holding a region name (A市伊景园: the
     * region is shown apart) or holding a function character (的, 和, 吗, 于: a clause, not a name) are left out.
     * Each is passed as found (one found twice in the title, twice), as its begin and end in the title.
     */
    private void forEachPhrase(IndexedMessage m, PhraseAction action) {
        String title = m.message().title();
        if (title == null || title.isBlank()) {
            return;
        }
        boolean[] cut = cuts(title, m.analysis().tokens());
        // The latest start of a region name ending at or before each position of the title, and running
        // counts of function characters and non-digits: each phrase is then checked in constant time.
        int[] regionStartBy = regionStartsBy(title);
        int[] functions = new int[title.length() + 1];
        int[] nonDigits = new int[title.length() + 1];
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            functions[i + 1] = functions[i] + (FUNCTION_CHARACTERS.indexOf(c) >= 0 ? 1 : 0);
            nonDigits[i + 1] = nonDigits[i] + (Character.isDigit(c) ? 0 : 1);
        }
        for (int a = 0; a < title.length(); a++) {
            if (!cut[a] || !Character.isLetterOrDigit(title.charAt(a))) {
                continue;
            }
            for (int b = a + 1; b <= title.length() && b - a <= MAX_CHARS; b++) {
                if (!Character.isLetterOrDigit(title.charAt(b - 1))) {
                    break; // punctuation or space: a phrase does not run across it
                }
                if (!cut[b] || b - a < MIN_CHARS) {
                    continue;
                }
                boolean holdsRegion = regionStartBy[b] >= a;
                if (!holdsRegion && nonDigits[b] > nonDigits[a] && functions[b] == functions[a]) {
                    action.accept(a, b);
                }
            }
        }
    }

    /** Takes a phrase as its begin and end in the title. */
    @FunctionalInterface
    private interface PhraseAction {
        void accept(int from, int to);
    }

    /** The phrases found, as title, begin, end and hash, in four growing columns. */
    private static final class PhraseSpans {
        private int[] titles = new int[256];
        private int[] froms = new int[256];
        private int[] tos = new int[256];
        private long[] keys = new long[256];
        private int size;

        void add(int title, int from, int to, long key) {
            if (size == keys.length) {
                titles = java.util.Arrays.copyOf(titles, size * 2);
                froms = java.util.Arrays.copyOf(froms, size * 2);
                tos = java.util.Arrays.copyOf(tos, size * 2);
                keys = java.util.Arrays.copyOf(keys, size * 2);
            }
            titles[size] = title;
            froms[size] = from;
            tos[size] = to;
            keys[size++] = key;
        }

        int size() {
            return size;
        }

        int title(int i) {
            return titles[i];
        }

        int from(int i) {
            return froms[i];
        }

        int to(int i) {
            return tos[i];
        }

        long key(int i) {
            return keys[i];
        }
    }

    /**
     * {@code starts[b]}: the latest start of a region name lying wholly in the title before position b, or −1;
     * a phrase [a, b) holds a region name exactly when that start is at least a.
     */
    private int[] regionStartsBy(String title) {
        int[] endingAt = new int[title.length() + 1];
        java.util.Arrays.fill(endingAt, -1);
        for (String region : regionNames) {
            if (region.isEmpty()) {
                continue;
            }
            for (int at = title.indexOf(region); at >= 0; at = title.indexOf(region, at + 1)) {
                int end = at + region.length();
                endingAt[end] = Math.max(endingAt[end], at);
            }
        }
        int[] starts = new int[title.length() + 1];
        int latest = -1;
        for (int b = 0; b <= title.length(); b++) {
            latest = Math.max(latest, endingAt[b]);
            starts[b] = latest;
        }
        return starts;
    }

    /** {@code cut[i]}: a phrase may begin or end at position i of the title. */
    static boolean[] cuts(String title, List<String> tokens) {
        boolean[] cut = new boolean[title.length() + 1];
        java.util.Arrays.fill(cut, true);
        for (int[] span : wordSpans(title, tokens)) {
            for (int k = span[0] + 1; k < span[1]; k++) {
                cut[k] = false; // inside a word the segmenter found
            }
        }
        return cut;
    }

    /** Begin and end of each token found in the title, in order; stops at the first token the title lacks. */
    static List<int[]> wordSpans(String title, List<String> tokens) {
        List<int[]> spans = new ArrayList<>();
        int cursor = 0;
        for (String token : tokens) {
            int at = title.indexOf(token, cursor);
            if (at < 0) {
                break; // the text's words have begun
            }
            spans.add(new int[] {at, at + token.length()});
            cursor = at + token.length();
        }
        return spans;
    }

    /**
     * A label of whole names and words: the most named place that titles name, then up to two shared title phrases that neither
     * repeat it nor each other, then shared keywords until there are three parts after the place. A title phrase that
     * holds the place is its whole name and takes its part (南山 → 南山十里天池, 外滩 → 绿地海外滩: the recogniser
     * found a piece of a name it does not know); a phrase sharing three characters in a row with a part already taken
     * (投资有限公司涉嫌诈骗巨额 beside 普惠投资有限公司涉嫌诈骗) is a piece of the same title words and adds nothing; and a keyword fills in only
     * when as many titles say it as a title phrase needs (局长, 12345热线, 城市 come from the texts, not from what the
     * issue is called) — or, after a label of one part, when one title does.
     */
    String label(List<IndexedMessage> members, List<String> places, List<String> keywords) {
        List<String> parts = new ArrayList<>();
        // A place named only in the texts is often the writer's home town or a shop's name (沙县, 美国): the label
        // takes the most named place that titles name too, or a street, estate or sub-district many texts name.
        int needed = titlesNeeded(members.size());
        places.stream()
                .filter(p -> !regionNames.contains(p) && !ANONYMISED_REGION.matcher(p).matches())
                .filter(p -> titlesSaying(p, members) >= needed
                        || LOCAL_PLACE.matcher(p).matches() && members.stream()
                        .filter(m -> m.analysis().places().contains(p)).count() >= needed)
                .findFirst()
                .ifPresent(parts::add);
        boolean placed = !parts.isEmpty();
        int phrases = 0;
        for (String phrase : common(members)) {
            if (phrases == 2) {
                break;
            }
            if (placed && phrases == 0 && phrase.contains(parts.get(0)) && !phrase.equals(parts.get(0))
                    && phrase.length() <= parts.get(0).length() + NAME_RUNS_ON && !regionNames.contains(phrase)) {
                parts.set(0, phrase); // the place's whole name
                continue;
            }
            if (parts.stream().noneMatch(p -> overlaps(p, phrase)) && addIfNew(parts, phrase)) {
                phrases++;
            }
        }
        fill(parts, (placed ? 1 : 0) + 3, keywords, members, needed);
        if (parts.size() == 1) {
            fill(parts, 2, keywords, members, 1); // one word seldom names an issue: 路灯 → 路灯 桂花路
        }
        return String.join(" ", parts);
    }

    /** Adds keywords, whole, that at least {@code titles} titles say, until the label has {@code wanted} parts. */
    private void fill(List<String> parts, int wanted, List<String> keywords, List<IndexedMessage> members,
                      int titles) {
        for (String keyword : keywords) {
            if (parts.size() >= wanted) {
                break;
            }
            String word = wholeName(keyword, members);
            if (titlesSaying(word, members) >= titles) {
                addIfNew(parts, word);
            }
        }
    }

    /**
     * How far a name runs past the piece of it the recogniser found (南山 → 南山十里天池); a longer phrase holding the
     * place is a clause about it (中山路进行改造升级), not its name.
     */
    private static final int NAME_RUNS_ON = 4;

    /** Shortest run two title phrases share for one to be read as a piece of the other's words. */
    private static final int OVERLAP = 3;

    /**
     * The two share a run of at least {@value #OVERLAP} characters: pieces of the same title words (普惠投资有限公司
     * 涉嫌诈骗, 投资有限公司涉嫌诈骗巨额) or two writings of one name (绿地海外滩二期, 绿地海外滩小区).
     */
    static boolean overlaps(String a, String b) {
        for (int i = 0; i + OVERLAP <= a.length(); i++) {
            if (b.contains(a.substring(i, i + OVERLAP))) {
                return true;
            }
        }
        return false;
    }

    /** Titles that must share a phrase: at least two and {@value #SHARE} of them, or the one of a single message. */
    private static int titlesNeeded(int members) {
        return members == 1 ? 1 : (int) Math.max(2, Math.ceil(SHARE * members));
    }

    /** How many of the members' titles hold the word. */
    private static long titlesSaying(String word, List<IndexedMessage> members) {
        return members.stream().filter(m -> m.message().title() != null && m.message().title().contains(word)).count();
    }

    /** Street suffixes the segmenter cuts off a name it does not know (桂花|路). */
    private static final List<String> STREET_SUFFIXES = List.of("大道", "路", "街", "巷");

    /**
     * 桂花 of 桂花路: a keyword that the members' words show only before a street suffix the segmenter cut off (桂花 |
     * 路) stands for the whole name, never for itself cut. Read on words, not characters: 修复 | 路灯 is no street.
     */
    static String wholeName(String keyword, List<IndexedMessage> members) {
        String suffix = null;
        for (IndexedMessage m : members) {
            List<String> words = m.analysis().tokens();
            for (int i = 0; i < words.size(); i++) {
                if (!words.get(i).equals(keyword)) {
                    continue;
                }
                String here = i + 1 < words.size() && STREET_SUFFIXES.contains(words.get(i + 1)) ? words.get(i + 1)
                        : null;
                if (here == null || suffix != null && !suffix.equals(here)) {
                    return keyword; // written alone, or before two different suffixes: a word of its own
                }
                suffix = here;
            }
        }
        return suffix == null ? keyword : keyword + suffix;
    }

    private boolean addIfNew(List<String> parts, String candidate) {
        if (regionNames.contains(candidate) || ANONYMISED_REGION.matcher(candidate).matches()
                || parts.stream().anyMatch(p -> p.contains(candidate) || candidate.contains(p))) {
            return false;
        }
        parts.add(candidate);
        return true;
    }
}
