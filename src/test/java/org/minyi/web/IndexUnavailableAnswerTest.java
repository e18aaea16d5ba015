package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minyi.index.elasticsearch.ElasticsearchUnavailableException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Issue 15, item 13's class: an error answer named the server's data folder. A 503 told every caller, leaders and
 * subscribers included, Elasticsearch's internal address and the local buffer's path; those go to the log only.
 */
class IndexUnavailableAnswerTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void anUnavailableIndexIs503WithoutInternalAddressesOrServerPaths() {
        for (String detail : new String[] {
            "cannot read the audit log from Elasticsearch at http://10.20.3.4:9200: Connection refused",
            "the local buffer /var/lib/minyi/data/es-buffer is full (2,000,000 records)"}) {
            for (String language : new String[] {"en", "zh"}) {
                MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/search");
                request.addHeader("Accept-Language", language);

                ResponseEntity<ApiError> answer = errors.indexUnavailable(
                        new ElasticsearchUnavailableException(detail), request);

                assertThat(answer.getStatusCode().value()).isEqualTo(503);
                assertThat(answer.getBody().message()).doesNotContain("10.20.3.4", "9200", "/var/lib", "es-buffer")
                        .contains(language.equals("en") ? "Elasticsearch" : "索引暂时不可用");
            }
        }
    }
}
