package org.minyi.report;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.minyi.index.MessageIndex;
import org.minyi.insight.Hotspots;

/**
 * Makes briefings: builds one from an index (the caller's view of it, so a district office's report holds its
 * district only) and renders it. The Chinese font is looked up once, when first needed, so that a service without
 * one still starts and says what to install when a report is asked for.
 */
public final class Briefings {

    private final ReportTemplates templates;
    private final Supplier<CjkFont> font;
    private final ZoneId zone;
    private final String linkBase;
    private final Clock clock;

    public Briefings(ReportTemplates templates, Supplier<CjkFont> font, ZoneId zone, String linkBase, Clock clock) {
        this.templates = templates;
        this.font = font;
        this.zone = zone;
        this.linkBase = linkBase;
        this.clock = clock;
    }

    public Briefing build(BriefingRequest request, MessageIndex index, Hotspots hotspots) {
        BriefingBuilder builder = new BriefingBuilder(index, hotspots.over(index), zone, new Charts(font.get()), clock);
        return request.kind() == ReportKind.SPECIAL
                ? builder.special(request.hotspotId(), request.date(), request.last())
                : builder.period(request.kind(), request.date(), request.scope());
    }

    public byte[] render(Briefing briefing, ReportFormat format) {
        HtmlBriefing html = new HtmlBriefing(templates, linkBase);
        return switch (format) {
            case HTML -> html.render(briefing).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PDF -> new PdfBriefing(html, font.get()).render(briefing);
            case DOCX -> new DocxBriefing(font.get(), linkBase).render(briefing);
        };
    }

    /** A file name for downloads, e.g. minyi-weekly-2019-03-18.pdf (ASCII, so every browser keeps it). */
    public static String fileName(Briefing briefing, ReportFormat format) {
        return "minyi-" + briefing.kind().key() + "-" + briefing.period().first() + "." + format.extension();
    }

    /** A font supplier that looks once and remembers the answer (or the error). */
    public static Supplier<CjkFont> fontOnce(String configured) {
        return new Supplier<>() {
            private CjkFont found;

            @Override
            public synchronized CjkFont get() {
                if (found == null) {
                    found = CjkFont.find(configured);
                }
                return found;
            }
        };
    }
}
