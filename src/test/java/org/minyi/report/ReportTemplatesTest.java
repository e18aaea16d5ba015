package org.minyi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operators' templates are used when present and refused at load (start-up) when they could not work. */
class ReportTemplatesTest {

    @TempDir
    Path folder;

    @Test
    void builtInTemplatesAreThereForEveryKindAndPassTheirOwnCheck() {
        ReportTemplates templates = ReportTemplates.load(folder);
        for (ReportKind kind : ReportKind.values()) {
            assertThat(templates.template(kind)).contains("${sections}", "${footnotes}", "@page");
            assertThat(templates.origin(kind)).startsWith("built-in");
        }
    }

    @Test
    void anOperatorsTemplateReplacesTheBuiltInOneOfItsKind() throws Exception {
        Files.writeString(folder.resolve("weekly.html"), "<html><body><h1>${title}</h1>${sections}<ol>${footnotes}</ol>"
                + "</body></html>");
        ReportTemplates templates = ReportTemplates.load(folder);
        assertThat(templates.template(ReportKind.WEEKLY)).startsWith("<html><body><h1>${title}");
        assertThat(templates.origin(ReportKind.WEEKLY)).isEqualTo(folder.resolve("weekly.html").toString());
        assertThat(templates.origin(ReportKind.DAILY)).startsWith("built-in");
    }

    @Test
    void anUnknownFieldIsRefusedWithItsName() throws Exception {
        Files.writeString(folder.resolve("daily.html"), "<html><body>${sections}${footnotes}${author}</body></html>");
        assertThatThrownBy(() -> ReportTemplates.load(folder))
                .hasMessageContaining("daily.html").hasMessageContaining("unknown field ${author}");
    }

    @Test
    void aTemplateWithoutItsSourcesIsRefused() throws Exception {
        Files.writeString(folder.resolve("monthly.html"), "<html><body>${sections}</body></html>");
        assertThatThrownBy(() -> ReportTemplates.load(folder))
                .hasMessageContaining("monthly.html").hasMessageContaining("${footnotes} is missing");
    }

    @Test
    void aTemplateThatIsNotWellFormedIsRefusedWithItsLine() throws Exception {
        Files.writeString(folder.resolve("special.html"), "<html>\n<body>${sections}${footnotes}<br></body></html>");
        assertThatThrownBy(() -> ReportTemplates.load(folder))
                .hasMessageContaining("special.html").hasMessageContaining("not well-formed XHTML at line 2");
    }

    @Test
    void theNewSectionsFieldsAreKnownAndOptional() throws Exception {
        Files.writeString(folder.resolve("weekly.html"), "<html><body>${satisfaction}${sections}${blindSpots}"
                + "${footnotes}</body></html>");
        assertThat(ReportTemplates.load(folder).template(ReportKind.WEEKLY)).contains("${satisfaction}");
        assertThat(ReportTemplates.FIELDS).containsAll(ReportTemplates.PLACED);
        assertThat(ReportTemplates.REQUIRED).doesNotContainAnyElementsOf(ReportTemplates.PLACED);
    }
}
