package org.minyi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.report.Briefing.Section;
import org.minyi.report.Briefing.Sentence;

/** A template shows the sections where its fields are, numbered in the order a reader meets them. */
class HtmlBriefingTest {

    @TempDir
    Path folder;

    private static Section section(String heading, String text, String key) {
        Figure figure = new Figure(text, 7, "7", 7, FigureQuery.count(Map.of("q", text)), null);
        return new Section(heading, List.of(new Sentence(text + "7条。", List.of(figure))), null, List.of(), List.of(),
                key);
    }

    private static Briefing weekly() {
        return new Briefing(ReportKind.WEEKLY, "周报", ReportScope.ALL, ReportPeriod.of(ReportKind.WEEKLY,
                LocalDate.of(2019, 3, 20)), ZonedDateTime.of(2019, 3, 25, 8, 0, 0, 0, ZoneId.of("Asia/Shanghai")),
                BriefingBuilder.numbered(List.of(section("总体态势", "总量", null),
                        section(SatisfactionSection.HEADING, "满意", SatisfactionSection.FIELD),
                        section(CoverageSection.HEADING, "盲区", CoverageSection.FIELD),
                        section("典型留言", "留言", null))));
    }

    private Document render(String body) throws Exception {
        Files.writeString(folder.resolve("weekly.html"), "<html><body>" + body + "</body></html>");
        return Jsoup.parse(new HtmlBriefing(ReportTemplates.load(folder), "http://x.test").render(weekly()));
    }

    @Test
    void withoutTheirFieldsTheNewSectionsStayInTheirPlaceAmongTheSections() throws Exception {
        Document page = render("${sections}${footnotes}");
        assertThat(page.select("h2").eachText()).containsExactly("一、总体态势", "二、各部门满意度",
                "三、盲区与变化最大的地区和群体", "四、典型留言");
    }

    @Test
    void aTemplateWithTheirFieldsShowsThemThereNumberedAsShown() throws Exception {
        Document page = render("<div id=\"first\">${satisfaction}</div>${sections}<div id=\"last\">${blindSpots}</div>"
                + "${footnotes}");
        assertThat(page.select("h2").eachText()).containsExactly("一、各部门满意度", "二、总体态势", "三、典型留言",
                "四、盲区与变化最大的地区和群体");
        assertThat(page.select("#first h2").text()).isEqualTo("一、各部门满意度");
        assertThat(page.select("#last p.sentence").text()).startsWith("盲区7条。");
        assertThat(page.select("ol.footnotes > li")).as("every figure keeps its footnote").hasSize(4);
    }
}
