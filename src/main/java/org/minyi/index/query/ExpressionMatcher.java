package org.minyi.index.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.IndexWord;
import org.minyi.analysis.IndexWords;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.TextFolding;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.ReplyDelays;

/**
 * Decides in memory whether one message meets a search expression or a whole {@link MessageFilter}, with the
 * meaning both index adapters give it: for a message on its way in, before any index has it in a searchable state
 * (an alert rule that watches a saved search). Words must all occur in the title, text or mentions (keywords, places, departments), or the entry names
 * one of them whole; a phrase must stand word after word in the title or the text.
 */
public final class ExpressionMatcher {

    private final Segmenter segmenter;

    public ExpressionMatcher(Segmenter segmenter) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
    }

    /**
     * Whether the message meets every part of {@code filter} the index would apply: text, topics, sentiments,
     * regions, channels, sources, ids, period, demand keys, reply agencies, demand profile and scope.
     *
     * @throws QuerySyntaxException when the filter's text is not a well-formed expression
     */
    public boolean matches(MessageFilter filter, IndexedMessage message) {
        Analysis analysis = message.analysis();
        return in(filter.topics(), analysis.topic())
                && (filter.sentiments().isEmpty() || filter.sentiments().contains(analysis.sentiment()))
                && in(filter.regions(), message.region())
                && (filter.channels().isEmpty() || filter.channels().contains(message.message().channel()))
                && in(filter.sources(), message.message().source())
                && in(filter.ids(), message.id())
                && in(filter.demandKeys(), analysis.demandKey())
                && in(filter.agencies(), ReplyDelays.delayMillis(message.message()) >= 0
                        ? ReplyDelays.agencyOf(message.message()) : null)
                && (filter.scope() == null || filter.scope().contains(message.region()))
                && within(filter, message.message().createdAt())
                && inProfile(filter, analysis.profile())
                && matches(filter.text(), message);
    }

    /** An empty set asks nothing; a missing value is in no set. */
    private static boolean in(Set<String> wanted, String value) {
        return wanted.isEmpty() || value != null && wanted.contains(value);
    }

    /** Each part of the demand profile asked for must hold one of its values, as the index's keyword fields do. */
    private static boolean inProfile(MessageFilter filter, DemandProfile profile) {
        for (var part : filter.profile().entrySet()) {
            if (part.getValue().isEmpty()) {
                continue;
            }
            DemandProfile p = profile == null ? DemandProfile.NONE : profile;
            List<String> held = switch (part.getKey()) {
                case DOMAIN -> p.domains();
                case GROUP -> p.groupLabels();
                case STAGE -> p.stageLabels();
                case AREA -> p.area() == null ? List.of() : List.of(p.area());
                default -> List.of();
            };
            if (held.stream().noneMatch(part.getValue()::contains)) {
                return false;
            }
        }
        return true;
    }

    private static boolean within(MessageFilter filter, Instant at) {
        if (filter.from() == null && filter.to() == null) {
            return true;
        }
        return at != null && (filter.from() == null || !at.isBefore(filter.from()))
                && (filter.to() == null || at.isBefore(filter.to()));
    }

    /** @throws QuerySyntaxException when {@code expression} is not well formed */
    public boolean matches(String expression, IndexedMessage message) {
        if (expression == null || expression.isBlank()) {
            return true;
        }
        SearchExpression parsed = SearchExpression.parse(expression, typed -> IndexWords.ofQuery(typed, segmenter));
        return matches(parsed, new Cut(message, segmenter));
    }

    private static boolean matches(SearchExpression expression, Cut message) {
        return switch (expression) {
            case SearchExpression.Everything everything -> true;
            case SearchExpression.Words words -> message.names(words.typed())
                    || !words.words().isEmpty() && words.words().stream().allMatch(w -> message.has(w.text()));
            case SearchExpression.Phrase phrase -> phrase.words().isEmpty() ? message.names(phrase.typed())
                    : message.inOrder(phrase.words());
            case SearchExpression.All all -> all.required().stream().allMatch(part -> matches(part, message))
                    && all.excluded().stream().noneMatch(part -> matches(part, message));
            case SearchExpression.Any any -> any.alternatives().stream().anyMatch(part -> matches(part, message));
        };
    }

    /** A message's words as the index holds them. */
    private static final class Cut {
        private final List<IndexWord> title;
        private final List<IndexWord> text;
        private final Set<String> words = new HashSet<>();
        private final Set<String> names = new HashSet<>();

        Cut(IndexedMessage message, Segmenter segmenter) {
            Analysis analysis = message.analysis();
            title = analysis.titleWords() != null ? analysis.titleWords()
                    : IndexWords.of(message.message().title(), segmenter);
            text = analysis.textWords() != null ? analysis.textWords()
                    : IndexWords.of(message.message().text(), segmenter);
            title.forEach(w -> words.add(w.text()));
            text.forEach(w -> words.add(w.text()));
            List<String> mentions = new ArrayList<>();
            mentions.addAll(analysis.keywords());
            mentions.addAll(analysis.places());
            mentions.addAll(analysis.departments());
            for (String mention : mentions) {
                names.add(TextFolding.word(mention));
                IndexWords.of(mention, segmenter).forEach(w -> words.add(w.text()));
            }
        }

        boolean has(String word) {
            return words.contains(word);
        }

        boolean names(String typed) {
            return names.contains(TextFolding.word(typed.strip()));
        }

        boolean inOrder(List<IndexWord> phrase) {
            return inOrder(phrase, title) || inOrder(phrase, text);
        }

        /** Inner words stand at the position of their word, on both sides, as the index positions them. */
        private static boolean inOrder(List<IndexWord> phrase, List<IndexWord> field) {
            List<Set<String>> positions = positions(field);
            List<Set<String>> wanted = positions(phrase);
            for (int start = 0; start + wanted.size() <= positions.size(); start++) {
                boolean all = true;
                for (int i = 0; i < wanted.size() && all; i++) {
                    all = positions.get(start + i).containsAll(wanted.get(i));
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        private static List<Set<String>> positions(List<IndexWord> words) {
            List<Set<String>> positions = new ArrayList<>();
            for (IndexWord word : words) {
                if (!word.inner() || positions.isEmpty()) {
                    positions.add(new HashSet<>());
                }
                positions.get(positions.size() - 1).add(word.text());
            }
            return positions;
        }
    }
}
