package org.minyi.collect.crawl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One letter of the fixture mailbox, from the real Shangluo mayor's mailbox CSV (read from ../shared/data). */
record FixtureLetter(String mailId, String siteId, String title, String query, String date, String reply,
        String replyDate, String agency) {

    static final Path CSV = Path.of("..", "shared", "data", "gov-messages", "shangluo-mayor-mailbox-letters.csv");
    private static final Pattern SITE_ID = Pattern.compile("leadermailid=(\\d+)");

    static List<FixtureLetter> readAll() throws IOException {
        List<FixtureLetter> letters = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(CSV, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Matcher m = SITE_ID.matcher(r.get("url"));
                if (!m.find()) {
                    throw new IllegalStateException("letter without leadermailid in url: " + r.get("url"));
                }
                letters.add(new FixtureLetter(r.get("mail_id"), m.group(1), r.get("title"), r.get("query"),
                        r.get("query_date"), r.get("reply"), r.get("reply_date"), r.get("reply_agency")));
            }
        }
        return letters;
    }

    FixtureLetter withReply(String text, String agency, String date) {
        return new FixtureLetter(mailId, siteId, title, query, this.date, text, date, agency);
    }

    boolean hasReply() {
        return !reply.isBlank();
    }
}
