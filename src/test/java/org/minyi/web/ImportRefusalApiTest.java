package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Options an import cannot start with are the caller's mistake: 400 with the reason, not a server error. */
class ImportRefusalApiTest extends RunningService {

    private HttpResponse<String> upload(String query, String mappingYaml) throws Exception {
        String boundary = "refusal";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nid,text\n1,路灯不亮\n\r\n"
                + (mappingYaml == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\";"
                + " filename=\"m.yaml\"\r\nContent-Type: application/octet-stream\r\n\r\n" + mappingYaml + "\r\n")
                + "--" + boundary + "--\r\n";
        return send(asAdmin("/api/imports" + query).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(jsonBody(body)));
    }

    @Test
    void anUnknownFormatIs400NamingTheFormatsThereAre() throws Exception {
        HttpResponse<String> response = upload("?format=pdf", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asString()).contains("unknown format 'pdf'", "csv");
    }

    @Test
    void aMappingWithoutATextFieldIs400() throws Exception {
        HttpResponse<String> response = upload("", "fields: {id: id}\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("message").asString()).isNotBlank();
    }
}
