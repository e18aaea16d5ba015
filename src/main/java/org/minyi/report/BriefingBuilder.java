package org.minyi.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.minyi.analysis.Sentiment;
import org.minyi.index.DemandCount;
import org.minyi.index.FacetField;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.ReplyDelays;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.TermCount;
import org.minyi.insight.Hotspot;
import org.minyi.insight.Hotspots;
import org.minyi.report.Briefing.Cell;
import org.minyi.report.Briefing.Chart;
import org.minyi.report.Briefing.Quote;
import org.minyi.report.Briefing.Section;
import org.minyi.report.Briefing.Sentence;
import org.minyi.report.Briefing.Table;

/**
 * Computes a briefing's figures from the index, each together with the API query that yields it again (the search
 * total, the reply timeliness or the hot issues of the same filter and period), and words them with
 * {@link Sentences}. A section with nothing to say is left out.
 */
public final class BriefingBuilder {

    static final int HOTSPOTS = 5;
    static final int HOTSPOT_CANDIDATES = 20;
    static final int DEMANDS = 5;
    static final int MOVERS = 3;
    static final int AGENCIES = 8;
    static final Duration BASELINE = Duration.ofDays(90);

    private final MessageIndex index;
    private final Hotspots hotspots;
    private final ZoneId zone;
    private final Charts charts;
    private final Clock clock;

    public BriefingBuilder(MessageIndex index, Hotspots hotspots, ZoneId zone, Charts charts, Clock clock) {
        this.index = index;
        this.hotspots = hotspots;
        this.zone = zone;
        this.charts = charts;
        this.clock = clock;
    }

    /** The 日报, 周报 or 月报 of the period holding {@code date}. */
    public Briefing period(ReportKind kind, LocalDate date, ReportScope scope) {
        ReportPeriod period = ReportPeriod.of(kind, date);
        Slice now = new Slice(scope, period);
        Slice before = new Slice(scope, period.previous());
        Slice yearAgo = new Slice(scope, period.yearAgo());
        List<Section> sections = new ArrayList<>();
        sections.add(headline(now, before, yearAgo));
        List<Hotspot> hot = hotspotsOf(now);
        sections.add(hotspotSection(now, hot));
        sections.add(demandSection(now));
        sections.add(attitudeSection(now, before));
        sections.add(timelinessSection(now));
        sections.add(new SatisfactionSection(index).of(now.params, now.filter, AGENCIES));
        sections.add(new Section(CoverageSection.HEADING, new CoverageSection(index, zone).sentences(now.params,
                now.filter, before.params, before.filter, now.scope.region() == null, MOVERS), null, List.of(),
                List.of(), CoverageSection.FIELD));
        sections.add(newDemandSection(now, before));
        sections.add(quoteSection(now, hot));
        return new Briefing(kind, scope.chinese() + " 民意" + kind.chinese() + " · " + period.chinese(), scope, period,
                ZonedDateTime.now(clock.withZone(zone)), numbered(sections));
    }

    /** The 专报 on one hot issue of the period {@code first}..{@code last}. */
    public Briefing special(String hotspotId, LocalDate first, LocalDate last) {
        ReportPeriod period = new ReportPeriod(ReportKind.SPECIAL, first, last);
        Slice slice = new Slice(ReportScope.ALL, period);
        Hotspot issue = hotspots.between(slice.start(), slice.end(), BASELINE, HOTSPOT_CANDIDATES * 5).stream()
                .filter(h -> h.id().equals(hotspotId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hot issue '" + hotspotId + "' among the "
                        + HOTSPOT_CANDIDATES * 5 + " hottest of " + first + " to " + last));
        Map<String, String> members = new LinkedHashMap<>();
        members.put("id", String.join(",", issue.messageIds()));
        MessageFilter memberFilter = MessageFilter.ALL.withIds(Set.copyOf(issue.messageIds()));
        Map<String, String> hotspotParams = slice.hotspotParams(HOTSPOT_CANDIDATES * 5);
        String at = "hotspots[hotspot.id=" + issue.id() + "].hotspot.";
        Figure count = new Figure("留言数", issue.messageCount(), Sentences.count(issue.messageCount()),
                issue.messageCount(), new FigureQuery("/api/hotspots", hotspotParams, at + "messageCount"), null);
        Figure negative = new Figure("负面占比", issue.negativeShare(), Sentences.percent(issue.negativeShare()),
                issue.messageCount(), new FigureQuery("/api/hotspots", hotspotParams, at + "negativeShare"), null);
        Figure votes = new Figure("点赞与反对", issue.votes(), Sentences.count(issue.votes()), issue.messageCount(),
                new FigureQuery("/api/hotspots", hotspotParams, at + "votes"), null);

        List<Section> sections = new ArrayList<>();
        List<Sentence> overview = new ArrayList<>();
        overview.add(new Sentence("“" + issue.label() + "”共有" + count.shown() + "条留言（" + span(issue)
                + "），负面占" + negative.shown() + "，点赞与反对共" + votes.shown() + "次。", List.of(count, negative, votes)));
        overview.add(new Sentence("涉及地区：" + String.join("、", first(issue.regions(), 6)) + "；地点："
                + (issue.places().isEmpty() ? "未识别" : String.join("、", first(issue.places(), 6)))
                + "；关键词：" + String.join("、", first(issue.keywords(), 8)) + "。", List.of()));
        sections.add(new Section("一、概况", overview, null, List.of(), List.of()));

        sections.add(new Section("二、时间线", List.of(), null, List.of(timeline(issue, 640, 240)), List.of()));

        SearchQuery byDepartment = new SearchQuery(memberFilter, null, 0, 0, Set.of(FacetField.DEPARTMENT, FacetField.PLACE), 10);
        Map<FacetField, List<TermCount>> facets = index.search(byDepartment).facets();
        Map<String, String> facetParams = new LinkedHashMap<>(members);
        facetParams.put("size", "0");
        facetParams.put("facets", "department");
        facetParams.put("facetSize", "10");
        List<List<Cell>> departmentRows = new ArrayList<>();
        for (TermCount department : facets.getOrDefault(FacetField.DEPARTMENT, List.of())) {
            Figure named = new Figure("提及“" + department.term() + "”的留言", department.count(),
                    Sentences.count(department.count()), department.count(),
                    new FigureQuery("/api/search", facetParams, "facets.department[term=" + department.term() + "].count"),
                    null);
            departmentRows.add(List.of(Cell.text(department.term()), Cell.of(named)));
        }
        sections.add(new Section("三、留言提及的部门", List.of(), new Table(List.of("部门", "留言数"), departmentRows),
                List.of(), List.of()));

        Slice members1 = new Slice(members, memberFilter);
        Section replies = timelinessSection(members1);
        sections.add(new Section("四、答复情况", replies.sentences(), replies.table(), List.of(), List.of()));
        Section demands = demandSection(members1);
        sections.add(new Section("五、主要诉求", demands.sentences(), demands.table(), List.of(), List.of()));
        sections.add(new Section("六、典型留言", List.of(), null, List.of(), quotes(List.of(issue), members1, 5, false)));
        return new Briefing(ReportKind.SPECIAL, "民意专报 · " + issue.label(), ReportScope.ALL, period,
                ZonedDateTime.now(clock.withZone(zone)), numbered(sections));
    }

    private static final String NUMERALS = "一二三四五六七八九十";

    /** 一、 for the first section, 二、 for the second … (十、 from the tenth on). */
    static String numeral(int i) {
        return NUMERALS.charAt(Math.min(i, 9)) + "、";
    }

    /** The sections with something to say, headings numbered 一、二、… in order (a left-out one leaves no gap). */
    static List<Section> numbered(List<Section> sections) {
        List<Section> kept = sections.stream().filter(s -> !s.isEmpty()).toList();
        List<Section> numbered = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Section s = kept.get(i);
            numbered.add(new Section(numeral(i) + s.title(), s.sentences(), s.table(), s.charts(), s.quotes(),
                    s.key()));
        }
        return numbered;
    }

    // ---- period sections ----

    private Section headline(Slice now, Slice before, Slice yearAgo) {
        Headline h = headline(now);
        Headline b = headline(before);
        Headline y = headline(yearAgo);
        List<Sentence> sentences = new ArrayList<>();
        Sentences.volume(h.volume, b.volume, y.volume).ifPresent(sentences::add);
        Sentences.negativeShare(h.negative, b.negative).ifPresent(sentences::add);
        Sentences.replies(h.replyRate, h.median, b.median).ifPresent(sentences::add);
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(row("留言量（条）", h.volume, b.volume, y.volume, false));
        rows.add(row("负面占比", h.negative, b.negative, y.negative, true));
        rows.add(row("答复率", h.replyRate, b.replyRate, y.replyRate, true));
        rows.add(row("答复用时中位数（天）", h.median, b.median, y.median, false));
        Table table = new Table(List.of("指标", "本期", "上期", "环比", "去年同期", "同比"), rows);
        return new Section("一、总体态势", sentences, table, List.of(), List.of());
    }

    private static List<Cell> row(String name, Figure now, Figure before, Figure yearAgo, boolean share) {
        return List.of(Cell.text(name), cell(now), cell(before), Cell.text(compare(now, before, share)), cell(yearAgo),
                Cell.text(compare(now, yearAgo, share)));
    }

    private static Cell cell(Figure figure) {
        return figure == null ? Cell.text("—") : Cell.of(figure);
    }

    /** A change only when both figures rest on enough messages; otherwise a dash. */
    private static String compare(Figure now, Figure other, boolean share) {
        if (!Sentences.enough(now) || !Sentences.enough(other)) {
            return "—";
        }
        return share ? Sentences.points(now.value(), other.value()) : Sentences.change(now.value(), other.value());
    }

    private record Headline(Figure volume, Figure negative, Figure replyRate, Figure median) {
    }

    private Headline headline(Slice slice) {
        long volume = count(slice.filter);
        Figure volumeFigure = new Figure("留言量 " + slice.label(), volume, Sentences.count(volume), volume,
                FigureQuery.count(slice.params), null);
        Map<String, String> negativeParams = slice.with("sentiment", "negative");
        long negative = count(negative(slice.filter));
        Figure negativeFigure = volume == 0 ? null : new Figure("负面占比 " + slice.label(), (double) negative / volume,
                Sentences.percent((double) negative / volume), volume, FigureQuery.count(negativeParams),
                FigureQuery.count(slice.params));
        List<ReplyDelays> delays = index.replyDelays(slice.filter, 1);
        long replied = delays.isEmpty() ? 0 : delays.getFirst().replied();
        Map<String, String> timeliness = slice.timelinessParams();
        Figure rate = volume == 0 ? null : new Figure("答复率 " + slice.label(), (double) replied / volume,
                Sentences.percent((double) replied / volume), volume,
                new FigureQuery("/api/timeliness", timeliness, "replied"),
                new FigureQuery("/api/timeliness", timeliness, "matching"));
        Figure median = replied == 0 ? null : new Figure("答复用时中位数 " + slice.label(),
                delays.getFirst().medianDays(), Sentences.days(delays.getFirst().medianDays()), replied,
                new FigureQuery("/api/timeliness", timeliness, "agencies[agency=" + ReplyDelays.ALL + "].medianDays"),
                null);
        return new Headline(volumeFigure, negativeFigure, rate, median);
    }

    private List<Hotspot> hotspotsOf(Slice slice) {
        return hotspots.between(slice.start(), slice.end(), BASELINE, HOTSPOT_CANDIDATES).stream()
                .filter(h -> slice.scope.region() == null || h.regions().contains(slice.scope.region()))
                .filter(h -> slice.scope.topic() == null || slice.scope.topic().equals(h.topic()))
                .filter(h -> h.messageCount() >= Sentences.MIN_BASIS)
                .limit(HOTSPOTS)
                .toList();
    }

    private Section hotspotSection(Slice slice, List<Hotspot> hot) {
        List<Sentence> sentences = new ArrayList<>();
        List<Chart> timelines = new ArrayList<>();
        Map<String, String> params = slice.hotspotParams(HOTSPOT_CANDIDATES);
        for (Hotspot issue : hot) {
            String at = "hotspots[hotspot.id=" + issue.id() + "].hotspot.";
            Figure count = new Figure("热点留言数", issue.messageCount(), Sentences.count(issue.messageCount()),
                    issue.messageCount(), new FigureQuery("/api/hotspots", params, at + "messageCount"), null);
            Figure negative = new Figure("热点负面占比", issue.negativeShare(), Sentences.percent(issue.negativeShare()),
                    issue.messageCount(), new FigureQuery("/api/hotspots", params, at + "negativeShare"), null);
            List<Figure> whyFigures = new ArrayList<>();
            String why = why(issue, params, at, whyFigures);
            Sentences.hotspot(issue.label(), count, negative, span(issue), String.join("、", first(issue.regions(), 3)),
                    why, whyFigures).ifPresent(sentences::add);
            timelines.add(timeline(issue, 480, 150));
        }
        return new Section("二、热点问题", sentences, null, timelines, List.of());
    }

    /** Why an issue is hot, in plain Chinese: its two largest heat parts, and a burst when there was one. */
    private static String why(Hotspot issue, Map<String, String> params, String at, List<Figure> figures) {
        List<String> reasons = new ArrayList<>();
        issue.heat().parts().stream()
                .sorted(Comparator.comparingDouble((org.minyi.insight.HeatIndex.Part p) -> p.contribution()).reversed())
                .limit(2)
                .forEach(part -> {
                    switch (part.name()) {
                        case "volume" -> reasons.add("留言多");
                        case "votes" -> {
                            Figure votes = new Figure("热点点赞与反对", issue.votes(), Sentences.count(issue.votes()),
                                    issue.messageCount(), new FigureQuery("/api/hotspots", params, at + "votes"), null);
                            figures.add(votes);
                            reasons.add("关注度高（点赞与反对" + votes.shown() + "次）");
                        }
                        case "negativity" -> reasons.add("负面情绪集中");
                        case "growth" -> reasons.add("近期增长快");
                        case "spread" -> reasons.add("涉及" + issue.regions().size() + "个地区");
                        case "burst" -> reasons.add("集中爆发");
                        default -> reasons.add(part.name());
                    }
                });
        if (issue.burst() != null && issue.burst().isBurst(3.0) && issue.burst().themeCount() >= Sentences.MIN_BASIS) {
            Figure theme = new Figure("当日主题留言数", issue.burst().themeCount(),
                    Sentences.count(issue.burst().themeCount()), issue.burst().themeCount(),
                    new FigureQuery("/api/hotspots", params, at + "burst.themeCount"), null);
            figures.add(theme);
            reasons.add(issue.burst().day() + "当天“" + issue.burst().theme() + "”主题有" + theme.shown()
                    + "条留言，平时每天约" + Sentences.days(issue.burst().baselineMean()) + "条");
        }
        return String.join("，", reasons);
    }

    private Chart timeline(Hotspot issue, int width, int height) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        LocalDate day = issue.first().atZone(zone).toLocalDate();
        LocalDate lastDay = issue.last().atZone(zone).toLocalDate();
        for (int i = 0; !day.isAfter(lastDay) && i < 400; i++, day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        index.scanSummaries(MessageFilter.ALL.withIds(Set.copyOf(issue.messageIds())), m -> {
            if (m.message().createdAt() != null) {
                synchronized (perDay) {
                    perDay.merge(m.message().createdAt().atZone(zone).toLocalDate(), 1L, Long::sum);
                }
            }
        });
        String caption = "“" + issue.label() + "”每日留言数";
        return new Chart(caption, charts.dailyCounts(caption, perDay, width, height), width, height);
    }

    private Section demandSection(Slice slice) {
        List<Sentence> sentences = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        for (DemandCount demand : index.topDemands(slice.filter, DEMANDS)) {
            Figure count = demandCount(slice, demand.demandKey(), demand.count());
            Sentences.demand(demand.demandKey(), count, demand.example()).ifPresent(sentences::add);
            if (Sentences.enough(count)) {
                rows.add(List.of(Cell.text(demand.demandKey()), Cell.of(count),
                        Cell.text(Sentences.shorten(demand.example() == null ? "" : demand.example(), 50))));
            }
        }
        return new Section("三、主要诉求", sentences, new Table(List.of("诉求", "留言数", "示例"), rows), List.of(),
                List.of());
    }

    private static Figure demandCount(Slice slice, String key, long count) {
        return new Figure("诉求“" + key + "”", count, Sentences.count(count), count,
                FigureQuery.count(slice.with("demand", key)), null);
    }

    private Section attitudeSection(Slice now, Slice before) {
        List<Sentence> sentences = new ArrayList<>();
        if (now.scope.topic() == null) {
            sentences.addAll(movers(now, before, FacetField.TOPIC, "topic"));
        }
        if (now.scope.region() == null) {
            sentences.addAll(movers(now, before, FacetField.REGION, "region"));
        }
        return new Section("四、态度变化（负面占比变化最大的主题与地区）", sentences, null, List.of(), List.of());
    }

    /** The values of a facet whose negative share moved most since the period before, both resting on enough. */
    private List<Sentence> movers(Slice now, Slice before, FacetField field, String param) {
        Map<String, long[]> nowCounts = negativeAndAll(now, field);
        Map<String, long[]> beforeCounts = negativeAndAll(before, field);
        record Move(String value, double shift) {
        }
        List<Move> moves = new ArrayList<>();
        nowCounts.forEach((value, n) -> {
            long[] b = beforeCounts.get(value);
            if (b != null && n[1] >= Sentences.MIN_BASIS && b[1] >= Sentences.MIN_BASIS) {
                moves.add(new Move(value, (double) n[0] / n[1] - (double) b[0] / b[1]));
            }
        });
        moves.sort(Comparator.comparingDouble((Move m) -> -Math.abs(m.shift())).thenComparing(Move::value));
        List<Sentence> sentences = new ArrayList<>();
        for (Move move : moves.stream().limit(MOVERS).toList()) {
            Sentences.attitudeShift(move.value(), share(now, param, move.value(), nowCounts.get(move.value())),
                    share(before, param, move.value(), beforeCounts.get(move.value()))).ifPresent(sentences::add);
        }
        return sentences;
    }

    private static Figure share(Slice slice, String param, String value, long[] counts) {
        Map<String, String> all = slice.with(param, value);
        Map<String, String> negative = new LinkedHashMap<>(all);
        negative.put("sentiment", "negative");
        double share = (double) counts[0] / counts[1];
        return new Figure("“" + value + "”负面占比 " + slice.label(), share, Sentences.percent(share), counts[1],
                FigureQuery.count(negative), FigureQuery.count(all));
    }

    /** value → {negative count, all count}, from two facet counts. */
    private Map<String, long[]> negativeAndAll(Slice slice, FacetField field) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (TermCount all : facet(slice.filter, field)) {
            counts.put(all.term(), new long[]{0, all.count()});
        }
        for (TermCount negative : facet(negative(slice.filter), field)) {
            long[] c = counts.get(negative.term());
            if (c != null) {
                c[0] = negative.count();
            }
        }
        return counts;
    }

    private List<TermCount> facet(MessageFilter filter, FacetField field) {
        return index.search(new SearchQuery(filter, null, 0, 0, Set.of(field), 100)).facets()
                .getOrDefault(field, List.of());
    }

    private Section timelinessSection(Slice slice) {
        List<ReplyDelays> delays = index.replyDelays(slice.filter, AGENCIES);
        Map<String, String> params = slice.timelinessParams();
        List<List<Cell>> rows = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        Figure slowestReplied = null;
        Figure slowestMedian = null;
        String slowest = null;
        for (ReplyDelays agency : delays) {
            boolean all = agency.agency().equals(ReplyDelays.ALL);
            if (agency.replied() < Sentences.MIN_BASIS) {
                continue;
            }
            String at = "agencies[agency=" + agency.agency() + "].";
            Figure replied = new Figure(agency.agency() + " 答复数", agency.replied(), Sentences.count(agency.replied()),
                    agency.replied(), new FigureQuery("/api/timeliness", params, at + "replied"), null);
            double week = (double) agency.within7Days() / agency.replied();
            Figure within7 = new Figure(agency.agency() + " 7天内答复", week, Sentences.percent(week), agency.replied(),
                    new FigureQuery("/api/timeliness", params, at + "within7Days"), null);
            Figure median = new Figure(agency.agency() + " 答复用时中位数", agency.medianDays(),
                    Sentences.days(agency.medianDays()), agency.replied(),
                    new FigureQuery("/api/timeliness", params, at + "medianDays"), null);
            rows.add(List.of(Cell.text(all ? "全部部门" : agency.agency().equals(ReplyDelays.UNKNOWN_AGENCY)
                    ? "未注明答复部门" : agency.agency()), Cell.of(replied), Cell.of(within7),
                    Cell.of(median)));
            boolean named = !agency.agency().equals(ReplyDelays.UNKNOWN_AGENCY);
            if (!all && named && (slowestMedian == null || agency.medianDays() > slowestMedian.value())) {
                slowest = agency.agency();
                slowestReplied = replied;
                slowestMedian = median;
            }
        }
        if (slowest != null) {
            Sentences.slowestAgency(slowest, slowestReplied, slowestMedian).ifPresent(sentences::add);
        }
        return new Section("五、各部门答复时效", sentences,
                new Table(List.of("答复部门", "答复数", "7天内答复", "用时中位数（天）"), rows), List.of(), List.of());
    }

    private Section newDemandSection(Slice now, Slice before) {
        List<Sentence> sentences = new ArrayList<>();
        for (DemandCount demand : index.topDemands(now.filter, 30)) {
            if (demand.count() < Sentences.MIN_BASIS || sentences.size() >= DEMANDS) {
                continue;
            }
            long earlier = count(before.filter.withDemandKeys(Set.of(demand.demandKey())));
            if (earlier == 0) {
                Sentences.newDemand(demand.demandKey(), demandCount(now, demand.demandKey(), demand.count()),
                        demandCount(before, demand.demandKey(), 0)).ifPresent(sentences::add);
            }
        }
        return new Section("六、新出现的诉求", sentences, null, List.of(), List.of());
    }

    private Section quoteSection(Slice slice, List<Hotspot> hot) {
        return new Section("七、典型留言", List.of(), null, List.of(), quotes(hot, slice, 5, true));
    }

    /** The first representative of each hot issue, then the most liked negative messages, at most {@code max}. */
    private List<Quote> quotes(List<Hotspot> hot, Slice slice, int max, boolean otherIssuesOnly) {
        Map<String, Quote> quotes = new LinkedHashMap<>();
        for (Hotspot issue : hot) {
            // one quote per issue in a period report; a 专报 on one issue shows all its representatives
            List<Hotspot.Representative> shown = hot.size() > 1 ? first(issue.representatives(), 1)
                    : issue.representatives();
            for (Hotspot.Representative r : shown) {
                if (quotes.size() < max) {
                    quotes.putIfAbsent(r.id(), quote(r.id(), r.createdAt(), r.title(), r.excerpt()));
                }
            }
        }
        if (quotes.size() < max) {
            SearchQuery liked = new SearchQuery(negative(slice.filter),
                    SearchOrder.MOST_VOTES, 0, max * 2, Set.of(), 1);
            for (SearchHit hit : index.search(liked).hits()) {
                IndexedMessage m = hit.message();
                boolean ofShownIssue = otherIssuesOnly && hot.stream().anyMatch(h -> h.messageIds().contains(m.id()));
                if (quotes.size() < max && !quotes.containsKey(m.id()) && !ofShownIssue) {
                    quotes.put(m.id(), quote(m.id(), m.message().createdAt(), m.message().title(), m.message().text()));
                }
            }
        }
        return List.copyOf(quotes.values());
    }

    private Quote quote(String id, Instant time, String title, String text) {
        String body = (title == null || title.isBlank() ? "" : title.strip() + "：") + (text == null ? "" : text);
        return new Quote(id, time == null ? "" : TIME.format(time.atZone(zone)), Sentences.shorten(body, 90),
                "/message.html?id=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The same filter, negative messages only. */
    private static MessageFilter negative(MessageFilter f) {
        return new MessageFilter(f.text(), f.topics(), Set.of(Sentiment.NEGATIVE), f.regions(), f.channels(),
                f.sources(), f.from(), f.to(), f.scope(), f.ids(), f.agencies(), f.demandKeys());
    }

    private long count(MessageFilter filter) {
        return index.search(new SearchQuery(filter, null, 0, 0, Set.of(), 1)).total();
    }

    private String span(Hotspot issue) {
        LocalDate a = issue.first().atZone(zone).toLocalDate();
        LocalDate b = issue.last().atZone(zone).toLocalDate();
        return a.equals(b) ? a.toString() : a + "至" + b;
    }

    private static <T> List<T> first(List<T> values, int n) {
        return values.stream().limit(n).toList();
    }

    /**
     * One filter both as the index reads it and as the API's query parameters: the scope and the period, or a hot
     * issue's messages.
     */
    private final class Slice {
        final ReportScope scope;
        final ReportPeriod period;
        final Map<String, String> params;
        final MessageFilter filter;

        Slice(ReportScope scope, ReportPeriod period) {
            this.scope = scope;
            this.period = period;
            this.params = new LinkedHashMap<>(scope.params());
            params.put("from", period.first().toString());
            params.put("to", period.last().toString());
            this.filter = new MessageFilter(null,
                    scope.topic() == null ? Set.of() : Set.of(scope.topic()), Set.of(),
                    scope.region() == null ? Set.of() : Set.of(scope.region()), Set.of(), Set.of(),
                    period.start(zone), period.end(zone));
        }

        Slice(Map<String, String> params, MessageFilter filter) {
            this.scope = ReportScope.ALL;
            this.period = null;
            this.params = new LinkedHashMap<>(params);
            this.filter = filter;
        }

        Instant start() {
            return period.start(zone);
        }

        Instant end() {
            return period.end(zone);
        }

        String label() {
            return period == null ? "" : "（" + period.first() + "至" + period.last() + "）";
        }

        Map<String, String> with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(params);
            more.put(name, value);
            return more;
        }

        Map<String, String> timelinessParams() {
            return with("limit", String.valueOf(AGENCIES));
        }

        Map<String, String> hotspotParams(int limit) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("from", period.first().toString());
            p.put("to", period.last().toString());
            p.put("limit", String.valueOf(limit));
            p.put("baselineDays", String.valueOf(BASELINE.toDays()));
            return p;
        }
    }
}
