package org.minyi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import io.swagger.v3.oas.annotations.Parameter;
import org.minyi.analysis.Sentiment;
import org.minyi.index.FacetField;
import org.minyi.index.MessageFilter;
import org.minyi.message.Channel;

/**
 * The filter part of a request, bound from query parameters, turned into a {@link MessageFilter}; {@code q} is an
 * expression of the search language ({@link org.minyi.index.query.SearchExpression}). Multi-valued parameters may repeat
 * ({@code topic=a&topic=b}) or be comma-separated ({@code topic=a,b}). Dates: {@code 2019-05-01} means that whole
 * day in the service's zone (so {@code to=2019-05-31} includes the 31st); a full timestamp with offset is exact and
 * {@code to} is then exclusive.
 */
public record FilterRequest(
        @Parameter(description = "search expression: words (all must occur), \"a phrase\", | or, - not, ( ) groups, "
                + "* everything; e.g. 物业 +(噪音|漏水) -表扬") String q,
        @Parameter(description = "topic(s), e.g. 城乡建设") List<String> topic,
        @Parameter(description = "negative | neutral | positive") List<String> sentiment,
        @Parameter(description = "region(s), e.g. A3区") List<String> region,
        @Parameter(description = "board | hotline | news | forum") List<String> channel,
        @Parameter(description = "source name(s)") List<String> source,
        @Parameter(description = "from date (2019-05-01) or timestamp, inclusive") String from,
        @Parameter(description = "to date (that day included) or timestamp (exclusive)") String to,
        @Parameter(description = "message id(s): only these (a hot issue's messages)") List<String> id,
        @Parameter(description = "replying agency(ies): messages whose dated reply came from it") List<String> agency,
        @Parameter(description = "demand key(s), as /api/demands lists them") List<String> demand,
        @Parameter(description = "service domain(s), e.g. 义务教育") List<String> domain,
        @Parameter(description = "group(s) with evidence, e.g. 老年人") List<String> group,
        @Parameter(description = "life stage(s) with evidence, e.g. 儿童") List<String> stage,
        @Parameter(description = "城镇 | 农村") List<String> area) {

    MessageFilter toFilter(ZoneId zone) {
        return new MessageFilter(q,
                values(topic, Function.identity()),
                values(sentiment, Sentiment::parse),
                values(region, Function.identity()),
                values(channel, Channel::parse),
                values(source, Function.identity()),
                instant("from", from, zone, false),
                instant("to", to, zone, true))
                .withIds(values(id, Function.identity()))
                .withAgencies(values(agency, Function.identity()))
                .withDemandKeys(values(demand, Function.identity()))
                .withProfile(FacetField.DOMAIN, values(domain, Function.identity()))
                .withProfile(FacetField.GROUP, values(group, Function.identity()))
                .withProfile(FacetField.STAGE, values(stage, Function.identity()))
                .withProfile(FacetField.AREA, values(area, Function.identity()));
    }

    private static <T> Set<T> values(List<String> raw, Function<String, T> parse) {
        Set<T> values = new LinkedHashSet<>();
        if (raw == null) {
            return values;
        }
        for (String item : raw) {
            Arrays.stream(item.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(parse)
                    .forEach(values::add);
        }
        return values;
    }

    /** Times a filter may name: four-digit years. Beyond them a time in milliseconds overflowed (500). */
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static Instant instant(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Instant instant;
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } else if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                instant = OffsetDateTime.parse(v).toInstant();
            } else {
                instant = java.time.LocalDateTime.parse(v).atZone(zone).toInstant();
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("parameter '" + name + "': cannot read '" + shown(value)
                    + "' as a date (2019-05-01) or timestamp (2019-05-01T08:00:00 or 2019-05-01T08:00:00+08:00)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + shown(value) + "' is out of range;"
                    + " dates go from year 1000 to 9999");
        }
        return instant;
    }

    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
