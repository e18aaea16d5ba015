package org.minyi.analysis;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.seg.common.Term;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Government departments a message mentions: the project's department dictionary (which also makes HanLP keep
 * 住房和城乡建设局 whole instead of 住房/和/城乡/建设局) plus HanLP's organisation terms (nt, nis) whose name ends like a
 * government body. Companies are organisations too but not departments, so they are left out.
 *
 * <p>Departments are named without the place before them (住建局, not A市住建局), so alike departments count
 * together; the one exception is a bare 政府/人民政府, which says nothing without its place (A3区政府).
 */
final class DepartmentRecognizer {

    private static final Pattern GOVERNMENT_SUFFIX = Pattern.compile(
            ".+(?:局|厅|委|委员会|办|办公室|中心|政府|法院|检察院|派出所|大队|支队|中队|管委会|居委会|村委会|办事处|热线|监狱)");
    private static final Set<String> NEEDS_PLACE = Set.of("政府", "人民政府");
    /** Governments of a level; a name right before them completes the place: 安江 + 镇政府, 广州 + 市政府. */
    private static final Set<String> LEVEL_GOVERNMENT = Set.of("省政府", "市政府", "区政府", "县政府", "镇政府", "乡政府",
            "省人民政府", "市人民政府", "区人民政府", "县人民政府", "镇人民政府", "乡人民政府");
    /** HanLP's organisation recognition glues function words on (向市委, 多次向村委会, 有县住建局及城管局, 中央和省厅). */
    private static final Pattern GLUED_FUNCTION_WORD = Pattern.compile("^[对特都有经在给从到被把由找]|[和及与、向]");
    /** A government of a named place (安江镇政府), not 地方政府/上级政府. */
    private static final Pattern PLACE_GOVERNMENT = Pattern.compile(".*[省市区县镇乡]政府");

    private final DomainDictionary dictionary;

    DepartmentRecognizer(DomainDictionary dictionary) {
        this.dictionary = dictionary;
    }

    List<String> find(List<Term> titleTerms, List<Term> textTerms) {
        Set<String> departments = new LinkedHashSet<>();
        collect(titleTerms, departments);
        collect(textTerms, departments);
        return List.copyOf(departments);
    }

    private void collect(List<Term> terms, Set<String> departments) {
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            Term before = i > 0 ? terms.get(i - 1) : null;
            if (NEEDS_PLACE.contains(term.word)) {
                if (before != null && before.nature == Nature.ns && adjacent(before, term)) {
                    addUnlessGlued(before.word + term.word, departments);
                }
                continue; // a government of no named place is not a department we can count
            }
            if (!isDepartment(term)) {
                if (term.word.length() > 3 && (term.nature == Nature.nt || term.nature == Nature.nto)) {
                    collectInside(term.word, departments);
                }
                continue;
            }
            if (LEVEL_GOVERNMENT.contains(term.word) && before != null && isPlaceName(before) && adjacent(before, term)) {
                addUnlessGlued(before.word + term.word, departments);
                continue;
            }
            departments.add(withoutLevelPrefix(term.word));
        }
    }

    /** 县公安局 → 公安局: the level alone names no place, and alike departments should count together. */
    private String withoutLevelPrefix(String word) {
        if (word.length() > 3 && "省市区县镇乡".indexOf(word.charAt(0)) >= 0 && dictionary.isDepartment(word.substring(1))
                && !LEVEL_GOVERNMENT.contains(word)) {
            return word.substring(1);
        }
        return word;
    }

    private static void addUnlessGlued(String name, Set<String> departments) {
        if (!GLUED_FUNCTION_WORD.matcher(name).find()) {
            departments.add(name);
        }
    }

    private static boolean adjacent(Term before, Term after) {
        return before.offset + before.word.length() == after.offset;
    }

    private static boolean isPlaceName(Term before) {
        String nature = before.nature == null ? "" : before.nature.toString();
        boolean name = nature.startsWith("ns") || nature.equals("nz") || nature.equals("nr");
        return name && before.word.length() >= 2;
    }

    private boolean isDepartment(Term term) {
        if (dictionary.isDepartment(term.word)) {
            return true;
        }
        // nt organisation, nto government body, nis institution suffix (税务局); ntc companies are not departments.
        boolean organisation = term.nature == Nature.nt || term.nature == Nature.nto || term.nature == Nature.nis;
        String word = term.word;
        if (!organisation || word.length() < 3 || !GOVERNMENT_SUFFIX.matcher(word).matches()
                || GLUED_FUNCTION_WORD.matcher(word).find()) {
            return false;
        }
        return !word.endsWith("政府") || PLACE_GOVERNMENT.matcher(word).matches();
    }

    /** Dictionary departments inside a mis-recognised organisation term: 有县住建局及城管局 → 住建局, 城管局. */
    private void collectInside(String word, Set<String> departments) {
        int i = 0;
        while (i < word.length()) {
            String longest = null;
            for (int end = word.length(); end > i + 1 && longest == null; end--) {
                if (dictionary.isDepartment(word.substring(i, end))) {
                    longest = word.substring(i, end);
                }
            }
            if (longest != null && !NEEDS_PLACE.contains(longest)) {
                departments.add(longest);
                i += longest.length();
            } else {
                i++;
            }
        }
    }
}
