package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minyi.message.Message;

/**
 * The segmenter runs HanLP's place and organisation recognition only on sentences with a suffix cue (for speed).
 * On real messages that must give the same regions and departments as running them everywhere. Places may lose
 * more: place recognition runs only near town-level suffixes, and what it found elsewhere was mostly roads, bus
 * lines and fragments (115路, 两条路, 一个县); the test prints a sample of what was lost.
 */
class RecognitionShortcutTest {

    @Test
    void cueShortcutFindsWhatFullRecognitionFinds() {
        AnalysisPipeline shortcut = Pipelines.shared();
        Segmenter everywhere = new Segmenter(DomainDictionary.load(Path.of("dictionaries")), true);
        AnalysisPipeline full = AnalysisPipeline.create(everywhere, new FakeTopicClassifier(), new FakeSentimentAnalyzer());
        int fullPlaces = 0;
        int sharedPlaces = 0;
        int fullDepartments = 0;
        int sharedDepartments = 0;
        int sameRegion = 0;
        List<Message> messages = RealMessages.labeled();
        Set<String> lost = new HashSet<>();
        Set<String> lostDepartments = new HashSet<>();
        for (Message m : messages) {
            Analysis fast = shortcut.analyze(m);
            Analysis slow = full.analyze(m);
            fullPlaces += slow.places().size();
            sharedPlaces += (int) slow.places().stream().filter(fast.places()::contains).count();
            fullDepartments += slow.departments().size();
            sharedDepartments += (int) slow.departments().stream().filter(fast.departments()::contains).count();
            sameRegion += java.util.Objects.equals(fast.region(), slow.region()) ? 1 : 0;
            slow.places().stream().filter(p -> !fast.places().contains(p)).forEach(lost::add);
            slow.departments().stream().filter(d -> !fast.departments().contains(d)).forEach(lostDepartments::add);
        }
        double places = sharedPlaces / (double) fullPlaces;
        double departments = sharedDepartments / (double) fullDepartments;
        double regions = sameRegion / (double) messages.size();
        System.out.printf("cue shortcut keeps %.1f%% of %d places, %.1f%% of %d departments, same region in %.1f%%;"
                + "%n  places lost e.g. %s%n  departments lost e.g. %s%n", 100 * places, fullPlaces, 100 * departments,
                fullDepartments, 100 * regions, lost.stream().sorted().limit(30).toList(),
                lostDepartments.stream().sorted().limit(40).toList());
        assertTrue(places >= 0.90, "places kept: " + places);
        assertTrue(departments >= 0.97, "departments kept: " + departments);
        assertTrue(regions >= 0.98, "same region: " + regions);
    }
}
