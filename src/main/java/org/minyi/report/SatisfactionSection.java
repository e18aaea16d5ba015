package org.minyi.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.insight.SatisfactionIndex;
import org.minyi.report.Briefing.Cell;
import org.minyi.report.Briefing.Section;
import org.minyi.report.Briefing.Sentence;
import org.minyi.report.Briefing.Table;

/**
 * The 满意度 index per department ({@link SatisfactionIndex}) of the period, with its parts, each cell read back from
 * {@code /api/demand-map/satisfaction} with the same filter. A department with fewer messages than a sentence may rest
 * on is not ranked; a part without data (no rated work order) is a dash.
 */
final class SatisfactionSection {

    static final String HEADING = "各部门满意度";
    /** The template field that may place this section on its own. */
    static final String FIELD = "satisfaction";

    private final MessageIndex index;

    SatisfactionSection(MessageIndex index) {
        this.index = index;
    }

    Section of(Map<String, String> params, MessageFilter filter, int maxRows) {
        SatisfactionIndex.Answer answer = SatisfactionIndex.of(index, filter, SatisfactionIndex.By.DEPARTMENT,
                Sentences.MIN_BASIS);
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("by", "department");
        query.put("minMessages", String.valueOf(Sentences.MIN_BASIS));
        List<List<Cell>> rows = new ArrayList<>();
        for (SatisfactionIndex.Row row : answer.rows().stream().limit(maxRows).toList()) {
            Cells cells = new Cells(query, row);
            rows.add(List.of(Cell.text(row.name()), cells.messages(), cells.of("满意度指数", row.index(), row.messages(),
                    "index", Sentences::decimal), cells.of("答复率", row.replyRate(), row.messages(), "replyRate",
                    Sentences::percent), cells.of("15天内答复", row.timely(), replied(row), "timely",
                    Sentences::percent), cells.of("满意率（已回访）", row.satisfied(), row.rated(), "satisfied",
                    Sentences::percent), cells.of("重复诉求占比", row.repeatShare(), row.messages(), "repeatShare",
                    Sentences::percent)));
        }
        List<Sentence> sentences = new ArrayList<>();
        if (answer.rows().size() >= 2) {
            Cells best = new Cells(query, answer.rows().getFirst());
            Cells worst = new Cells(query, answer.rows().getLast());
            Sentences.satisfactionRange(best.row.name(), best.index(), best.messages().figure(), worst.row.name(),
                    worst.index(), worst.messages().figure()).ifPresent(sentences::add);
        }
        return new Section(HEADING, sentences, new Table(List.of("部门", "留言数", "满意度指数", "答复率", "15天内答复",
                "满意率（已回访）", "重复诉求"), rows), List.of(), List.of(), FIELD);
    }

    /** Replied messages: what the share within 15 days rests on at most (the dated replies among them). */
    private static long replied(SatisfactionIndex.Row row) {
        return Math.round(row.replyRate() * row.messages());
    }

    /** The figures of one department's row, each read from its element of {@code rows}. */
    private record Cells(Map<String, String> query, SatisfactionIndex.Row row) {

        Cell messages() {
            return Cell.of(figure("留言数", row.messages(), Sentences.count(row.messages()), row.messages(),
                    "messages"));
        }

        Figure index() {
            return figure("满意度指数", row.index(), Sentences.decimal(row.index()), row.messages(), "index");
        }

        /** A dash where the part has no data (NaN: no dated reply, no rated work order). */
        Cell of(String label, double value, long basis, String field, DoubleFunction<String> shown) {
            return Double.isNaN(value) ? Cell.text("—")
                    : Cell.of(figure(label, value, shown.apply(value), basis, field));
        }

        private Figure figure(String label, double value, String shown, long basis, String field) {
            return new Figure(row.name() + " " + label, value, shown, basis, new FigureQuery(
                    "/api/demand-map/satisfaction", query, FigureQuery.element("rows", Map.of("name", row.name()))
                    + "." + field), null);
        }
    }
}
