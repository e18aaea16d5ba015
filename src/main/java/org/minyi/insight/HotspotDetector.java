package org.minyi.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.IssueMember;
import org.minyi.index.TrendSeries;

/**
 * Finds hot issues among analysed messages: groups them into issues ({@link IssueClusterer}), scores each with an
 * explainable {@link HeatIndex} and checks its theme for a burst against the theme's own EWMA baseline.
 * Stateless and thread-safe; works on plain lists so it needs no index.
 */
public final class HotspotDetector {

    private static final int REPRESENTATIVES = 3;
    static final int DESCRIBED = 100;
    private static final int EXCERPT = 80;

    private final HotspotSettings settings;
    private final ZoneId zone;

    public HotspotDetector(HotspotSettings settings, ZoneId zone) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** All issues among all messages, hottest first. */
    public List<Hotspot> detect(Collection<IndexedMessage> messages) {
        return detect(messages, null, null);
    }

    /**
     * Issues formed by messages created in {@code [from, to)}, hottest first. Messages before {@code from} may be
     * passed too: they only feed the theme baselines. Messages without a creation time are ignored (they cannot be
     * placed in time). {@code to} is also the reference time for growth; null bounds mean open.
     */
    public List<Hotspot> detect(Collection<IndexedMessage> messages, Instant from, Instant to) {
        List<IndexedMessage> dated = messages.stream()
                .filter(m -> m.message().createdAt() != null)
                .filter(m -> to == null || m.message().createdAt().isBefore(to))
                .toList();
        List<IndexedMessage> window = dated.stream()
                .filter(m -> from == null || !m.message().createdAt().isBefore(from))
                .toList();
        return hottest(window, ThemeBaseline.ofMessages(dated, zone, settings.ewmaAlpha(), settings.minBaselineSd()),
                to, Integer.MAX_VALUE, ComplaintLikeness.Source.LEXICAL);
    }

    /**
     * The {@code limit} hottest issues formed by {@code window}, the messages created in {@code [from, to)}, with
     * the theme baselines taken from {@code dailyByTopic}: daily counts per topic over the window and the baseline
     * days before it, as the index's trends answer them. Cheaper than passing the baseline's messages, and only the
     * issues returned are described in full (labels, keywords, representatives).
     */
    public List<Hotspot> detect(Collection<IndexedMessage> window, List<TrendSeries> dailyByTopic, Instant from,
                                Instant to, int limit) {
        return detect(window, dailyByTopic, from, to, limit, ComplaintLikeness.Source.LEXICAL);
    }

    /** As above, with links checked by {@code likeness} as well (sentence vectors, when the index has them). */
    List<Hotspot> detect(Collection<IndexedMessage> window, List<TrendSeries> dailyByTopic, Instant from,
                         Instant to, int limit, ComplaintLikeness.Source likeness) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        List<IndexedMessage> dated = window.stream()
                .filter(m -> m.message().createdAt() != null)
                .filter(m -> to == null || m.message().createdAt().isBefore(to))
                .filter(m -> from == null || !m.message().createdAt().isBefore(from))
                .toList();
        return hottest(dated, ThemeBaseline.ofDailySeries(dailyByTopic, zone, settings.ewmaAlpha(),
                settings.minBaselineSd()), to, limit, likeness);
    }

    private List<Hotspot> hottest(List<IndexedMessage> window, ThemeBaseline baseline, Instant to, int limit,
                                  ComplaintLikeness.Source likeness) {
        if (window.isEmpty()) {
            return List.of();
        }
        List<List<IndexedMessage>> groups = new ArrayList<>();
        for (List<Integer> group : new IssueClusterer(settings, likeness).cluster(window)) {
            groups.add(group.stream().map(window::get).toList());
        }
        return hottestOf(groups, window, baseline, to, limit);
    }

    /**
     * The {@code limit} hottest of issues already formed ({@link IssueAssigner}: members of each issue as the index
     * keeps them in columns), scored as {@link #detect} scores the issues it forms; theme baselines as there, from
     * {@code dailyByTopic}. Only the issues returned are described, from {@code read}: the summaries of the member
     * ids asked for (at most {@value #DESCRIBED} per issue).
     */
    List<Hotspot> rank(Collection<List<IssueMember>> issues, List<TrendSeries> dailyByTopic, Instant from,
                       Instant to, int limit, Function<Set<String>, Map<String, IndexedMessage>> read) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        List<List<IssueMember>> groups = new ArrayList<>();
        Set<String> regionNames = new HashSet<>();
        for (List<IssueMember> issue : issues) {
            List<IssueMember> dated = issue.stream()
                    .filter(m -> m.createdAt() != null)
                    .filter(m -> to == null || m.createdAt().isBefore(to))
                    .filter(m -> from == null || !m.createdAt().isBefore(from))
                    .toList();
            if (!dated.isEmpty()) {
                groups.add(dated);
                dated.stream().map(IssueMember::region).filter(r -> r != null && !r.isBlank())
                        .forEach(regionNames::add);
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        return hottestOf(groups, ThemeBaseline.ofDailySeries(dailyByTopic, zone, settings.ewmaAlpha(),
                settings.minBaselineSd()), reference(to, groups), limit, regionNames, read);
    }

    /** Issues formed at query time: described from their own messages, with the window's region names. */
    private List<Hotspot> hottestOf(List<List<IndexedMessage>> groups, List<IndexedMessage> window,
                                    ThemeBaseline baseline, Instant to, int limit) {
        Map<String, IndexedMessage> byId = new HashMap<>();
        List<List<IssueMember>> members = new ArrayList<>();
        for (List<IndexedMessage> group : groups) {
            group.forEach(m -> byId.put(m.id(), m));
            members.add(group.stream().map(IssueMember::of).toList());
        }
        return hottestOf(members, baseline, reference(to, members), limit, IssueClusterer.regionNames(window),
                ids -> ids.stream().map(byId::get).filter(Objects::nonNull)
                        .collect(Collectors.toMap(IndexedMessage::id, m -> m)));
    }

    private static Instant reference(Instant to, List<List<IssueMember>> groups) {
        return to != null ? to : groups.stream().flatMap(List::stream).map(IssueMember::createdAt)
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    private List<Hotspot> hottestOf(List<List<IssueMember>> groups, ThemeBaseline baseline, Instant reference,
                                    int limit, Set<String> regionNames,
                                    Function<Set<String>, Map<String, IndexedMessage>> read) {
        List<Scored> scored = new ArrayList<>();
        for (List<IssueMember> group : groups) {
            if (group.size() >= settings.minMessages()) {
                scored.add(score(group, baseline, reference));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored h) -> h.heat().total()).reversed()
                .thenComparing(Scored::id));
        List<Scored> shown = scored.stream().limit(limit).toList();
        List<List<String>> samples = shown.stream().map(issue -> described(issue.ordered())).toList();
        Set<String> describedIds = new HashSet<>();
        samples.forEach(describedIds::addAll);
        Map<String, IndexedMessage> messages = read.apply(describedIds);
        Set<String> names = new HashSet<>(regionNames);
        names.addAll(IssueClusterer.regionNames(List.copyOf(messages.values())));
        TitlePhrases titles = new TitlePhrases(names);
        List<Hotspot> hotspots = new ArrayList<>(shown.size());
        for (int k = 0; k < shown.size(); k++) {
            List<IndexedMessage> sample = samples.get(k).stream().map(messages::get).filter(Objects::nonNull).toList();
            hotspots.add(describe(shown.get(k), sample, titles, reference));
        }
        return hotspots;
    }

    /**
     * Members an issue is described by (label, places, keywords, departments, representatives): all of them up to
     * {@value #DESCRIBED}, else that many spread evenly over its time order — what many titles share shows in a
     * sample, and reading thousands of members of a large issue is what made long periods slow.
     */
    static List<String> described(List<IssueMember> ordered) {
        int n = ordered.size();
        if (n <= DESCRIBED) {
            return ordered.stream().map(IssueMember::id).toList();
        }
        List<String> ids = new ArrayList<>(DESCRIBED);
        for (int k = 0; k < DESCRIBED; k++) {
            ids.add(ordered.get((int) ((long) k * n / DESCRIBED)).id());
        }
        return ids;
    }

    /** What ranking needs of an issue; the rest of its description is only worked out for the issues shown. */
    private record Scored(String id, List<IssueMember> ordered, String topic, List<String> regions, long votes,
                          double negativeShare, HeatIndex heat, Burst burst) {
    }

    private Scored score(List<IssueMember> members, ThemeBaseline baseline, Instant reference) {
        List<IssueMember> ordered = members.stream()
                .sorted(Comparator.comparing(IssueMember::createdAt).thenComparing(IssueMember::id))
                .toList();
        List<String> regions = rankedValues(ordered, IssueMember::region);
        String topic = rankedValues(ordered, IssueMember::topic).stream().findFirst().orElse(null);
        long votes = 0;
        long negative = 0;
        for (IssueMember m : ordered) {
            votes += m.votes();
            negative += m.sentiment() == Sentiment.NEGATIVE ? 1 : 0;
        }
        double negativeShare = (double) negative / ordered.size();

        // The peak day (of equal days the later): members come in time order, so a day is worked out only when
        // a member falls past the end of the one before.
        LocalDate peakDay = null;
        long peakCount = 0;
        LocalDate day = null;
        Instant dayEnd = Instant.MIN;
        long count = 0;
        for (IssueMember m : ordered) {
            if (!m.createdAt().isBefore(dayEnd)) {
                day = baseline.day(m.createdAt());
                dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
                count = 0;
            }
            count++;
            if (count >= peakCount) {
                peakDay = day;
                peakCount = count;
            }
        }
        Burst burst = baseline.burst(topic, peakDay, peakCount);
        HeatIndex heat = heat(ordered, votes, negative, negativeShare, regions, burst, reference);
        return new Scored("hs-" + ordered.get(0).id(), ordered, topic, regions, votes, negativeShare, heat, burst);
    }

    /** @param sample the members it is described by ({@link #described}), earliest first */
    private Hotspot describe(Scored issue, List<IndexedMessage> sample, TitlePhrases titles, Instant reference) {
        List<IssueMember> ordered = issue.ordered();
        Set<String> specific = IssueClusterer.specificPlaces(sample, 1.0);
        List<String> places = ranked(sample, m -> m.analysis().places().stream().filter(specific::contains).toList());
        List<String> regions = issue.regions();
        List<String> keywords = sharedKeywords(sample);
        double meanSentiment = ordered.stream().mapToDouble(IssueMember::sentimentScore).average().orElse(0);
        String label = titles.label(sample, places, keywords);
        if (label.isBlank() && !regions.isEmpty()) {
            label = regions.get(0);
        }
        String why = PlainReason.of(ordered, reference, settings.growthWindow(), zone, regions, issue.negativeShare());
        List<String> topics = rankedValues(ordered, IssueMember::topic);
        List<String> channels = rankedValues(ordered, IssueMember::channel);
        List<String> departments = ranked(sample, m -> m.analysis().departments());
        return new Hotspot(issue.id(), label, issue.topic(), places, regions,
                ordered.get(0).createdAt(), ordered.get(ordered.size() - 1).createdAt(),
                ordered.size(), issue.votes(), issue.negativeShare(), meanSentiment, keywords,
                representatives(sample, keywords), ordered.stream().map(IssueMember::id).toList(), issue.heat(),
                issue.burst(), why, topics, channels, departments);
    }

    private HeatIndex heat(List<IssueMember> ordered, long votes, long negative, double negativeShare,
                           List<String> regions, Burst burst, Instant reference) {
        HotspotSettings.Weights w = settings.weights();
        Instant recentStart = reference.minus(settings.growthWindow());
        Instant previousStart = recentStart.minus(settings.growthWindow());
        long recent = ordered.stream().map(IssueMember::createdAt)
                .filter(t -> !t.isBefore(recentStart) && t.isBefore(reference)).count();
        long previous = ordered.stream().map(IssueMember::createdAt)
                .filter(t -> !t.isBefore(previousStart) && t.isBefore(recentStart)).count();
        int n = ordered.size();
        return HeatIndex.of(List.of(
                HeatIndex.part("volume", Math.log1p(n), w.volume(), n + " messages: ln(1+" + n + ")"),
                HeatIndex.part("growth", Math.max(0, Math.log((1.0 + recent) / (1.0 + previous))), w.growth(),
                        recent + " in the " + settings.growthWindow().toDays() + " days before " + reference
                                + " vs " + previous + " in the window before: max(0, ln((1+" + recent + ")/(1+"
                                + previous + ")))"),
                HeatIndex.part("votes", Math.log1p(votes), w.votes(), votes + " likes+against: ln(1+" + votes + ")"),
                HeatIndex.part("negativity", negativeShare, w.negativity(),
                        negative + " of " + n + " messages negative"),
                HeatIndex.part("spread", Math.log(Math.max(1, regions.size())), w.spread(),
                        regions.size() + " regions " + regions + ": ln(max(1, regions))"),
                HeatIndex.part("burst", Math.max(0, Math.min(10, burst.z())), w.burst(),
                        "theme z-score clipped to 0..10: " + burst.explain())));
    }

    /**
     * Values by how many messages name them (each message counts once per value), most first; of equal counts the
     * one named first. Each message's values are read in its own order: {@code Set.copyOf} iterates in an order
     * that changes from one run of the JVM to the next, which made a hotspot's first place — and so its label —
     * change when the service restarted.
     */
    private static <T> List<String> ranked(List<T> messages, Function<T, List<String>> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (T m : messages) {
            for (String value : new LinkedHashSet<>(values.apply(m))) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Values of a single-valued field by how many members have them, most first (as {@link #ranked}). */
    private static List<String> rankedValues(List<IssueMember> members, Function<IssueMember, String> value) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (IssueMember m : members) {
            String v = value.apply(m);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Keywords named by at least two of the messages (any, for a single message), most shared first. */
    private static List<String> sharedKeywords(List<IndexedMessage> messages) {
        Map<String, Integer> counts = new HashMap<>();
        for (IndexedMessage m : messages) {
            for (String word : IssueClusterer.keywordsOf(m)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        int needed = messages.size() == 1 ? 1 : 2;
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= needed)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The messages sharing most of the issue's keywords (more votes break ties), skipping near-duplicates. */
    private List<Hotspot.Representative> representatives(List<IndexedMessage> messages, List<String> keywords) {
        Map<IndexedMessage, Long> shared = new IdentityHashMap<>(); // counted once per message, not per comparison
        for (IndexedMessage m : messages) {
            shared.put(m, IssueClusterer.keywordsOf(m).stream().filter(keywords::contains).count());
        }
        List<IndexedMessage> ranked = messages.stream()
                .sorted(Comparator.comparingLong((IndexedMessage m) -> shared.get(m)).reversed()
                        .thenComparing(Comparator.comparingLong(HotspotDetector::votes).reversed())
                        .thenComparing(IndexedMessage::id))
                .toList();
        List<IndexedMessage> chosen = new ArrayList<>();
        for (IndexedMessage m : ranked) {
            boolean duplicate = chosen.stream().anyMatch(c -> IssueClusterer.hamming(c.analysis().simhash(),
                    m.analysis().simhash()) <= settings.nearDuplicateBits());
            if (!duplicate) {
                chosen.add(m);
            }
            if (chosen.size() == REPRESENTATIVES) {
                break;
            }
        }
        return chosen.stream().map(m -> new Hotspot.Representative(m.id(), m.message().createdAt(),
                m.message().title(), excerpt(m.message().text()), (int) votes(m))).toList();
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }

    private static long votes(IndexedMessage m) {
        return m.message().votes() == null ? 0 : m.message().votes().total();
    }
}
