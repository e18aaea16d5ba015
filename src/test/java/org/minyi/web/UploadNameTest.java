package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

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
        for (String name : new String[]{null, "", "/", ".", "..", "dir/", "a\u0000b.csv"}) {
            assertThat(ImportController.uploadName(name)).as(String.valueOf(name)).isEqualTo("upload");
        }
    }
}
