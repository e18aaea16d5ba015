package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The name an upload is copied under stays inside its temporary folder whatever the client sent. */
class UploadNameTest {

    @Test
    void onlyTheLastSegmentOfAPathIsKept() {
        assertThat(ImportController.uploadName("C:\\Users\\li\\留言.csv")).isEqualTo("留言.csv");
        assertThat(ImportController.uploadName("a/../../etc/x.csv")).isEqualTo("x.csv");
        assertThat(ImportController.uploadName(" 留言.xlsx ")).isEqualTo("留言.xlsx");
    }

    @Test
    void namesThatAreNoFileNameBecomeUpload() {
        for (String name : new String[]{null, "", "/", ".", "..", "dir/"}) {
            assertThat(ImportController.uploadName(name)).as(String.valueOf(name)).isEqualTo("upload");
        }
    }

    /** These answered 500 or 507 with the server's data folder in the message. */
    @Test
    void namesWithControlCharactersOrTooLongAreRefusedWithoutAnyPath() {
        for (String name : new String[]{"a\u0000b.csv", "x\ny.csv", "x".repeat(300) + ".csv", "留".repeat(81) + ".csv",
                "\uD83D\uDE00".repeat(61) + ".csv"}) {
            assertThatThrownBy(() -> ImportController.uploadName(name)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rename the file").hasMessageNotContaining("/");
        }
        assertThat(ImportController.uploadName("留".repeat(76) + ".csv")).hasSize(80);
    }
}
