package org.minyi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.minyi.MinYiSettings;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.insight.Hotspots;
import org.minyi.report.Briefing;
import org.minyi.report.BriefingRequest;
import org.minyi.report.Briefings;
import org.minyi.report.ReportFormat;
import org.minyi.report.ReportKind;
import org.minyi.report.ReportScope;
import org.minyi.report.ReportTemplates;
import org.minyi.testing.TempFolders;

/**
 * How long a weekly briefing takes on the 100k-message index of the query benchmark (resampled real messages over two
 * years, so about 1,000 a week; built into {@code target/bench/lucene-100000} when absent): building the report
 * (figures, hot issues, charts) and rendering it as HTML, PDF and DOCX, for several weeks, after one warm-up week.
 * The goal is under 5 s for a weekly report. Reports; asserts nothing. Run with {@code bench/run report}.
 */
public final class ReportBench {

    private static final int SIZE = 100_000;

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int weeks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        Path dir = QueryBench.dataDir(SIZE);
        Path done = dir.resolve("bench-built.txt");
        if (!Files.exists(done)) {
            TempFolders.delete(dir);
            QueryBench.build(settings, SIZE, dir.resolve("index"), done);
        }
        Segmenter segmenter = new Segmenter(DomainDictionary.load(settings.dictionaries()));
        ZoneId zone = settings.zone();
        try (LuceneMessageIndex index = LuceneMessageIndex.open(dir.resolve("index"), segmenter, zone)) {
            Hotspots hotspots = Hotspots.withDefaults(index, zone);
            Briefings briefings = new Briefings(ReportTemplates.load(null), Briefings.fontOnce(null), zone,
                    "http://127.0.0.1:8080", Clock.systemUTC());
            System.out.printf("report: weekly briefings on %,d resampled messages (%s)%n", index.count(), dir);
            LocalDate first = ResampledCorpus.FROM.atZone(zone).toLocalDate().plusWeeks(30);
            List<double[]> rows = new ArrayList<>();
            for (int w = 0; w <= weeks; w++) {
                LocalDate day = first.plusWeeks(w * 7L);
                long t0 = System.nanoTime();
                Briefing briefing = briefings.build(BriefingRequest.period(ReportKind.WEEKLY, day, ReportScope.ALL),
                        index, hotspots);
                long t1 = System.nanoTime();
                int html = briefings.render(briefing, ReportFormat.HTML).length;
                long t2 = System.nanoTime();
                int pdf = briefings.render(briefing, ReportFormat.PDF).length;
                long t3 = System.nanoTime();
                int docx = briefings.render(briefing, ReportFormat.DOCX).length;
                long t4 = System.nanoTime();
                double[] s = {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - t0) / 1e9};
                System.out.printf("  %s %s: build %.2f s, html %.2f s, pdf %.2f s, docx %.2f s, all %.2f s "
                                + "(%d figures; %,d / %,d / %,d bytes)%n", w == 0 ? "warm-up" : "week   ",
                        briefing.period().first(), s[0], s[1], s[2], s[3], s[4], briefing.figures().size(), html, pdf,
                        docx);
                if (w > 0) {
                    rows.add(s);
                }
            }
            double worstPdf = rows.stream().mapToDouble(s -> s[0] + s[2]).max().orElse(Double.NaN);
            double meanPdf = rows.stream().mapToDouble(s -> s[0] + s[2]).average().orElse(Double.NaN);
            System.out.printf("report: weekly PDF (build + render) mean %.2f s, worst %.2f s over %d weeks; goal < 5 s%n",
                    meanPdf, worstPdf, rows.size());
        }
    }
}
