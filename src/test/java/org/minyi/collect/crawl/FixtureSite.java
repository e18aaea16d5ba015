package org.minyi.collect.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Entities;

/**
 * A loopback web site shaped like the Shangluo mayor's mailbox (list pages of 20 letters, "下页" link, one table
 * detail page per letter), with ETag/304 support, a GBK copy under /gbk/, and a /hostile/ corner of broken,
 * failing, slow, oversized and looping pages. Counts what it served so tests can check what the crawler fetched.
 */
final class FixtureSite implements AutoCloseable {

    static final int PER_PAGE = 20;
    static final Charset GBK = Charset.forName("GBK");

    private final HttpServer server;
    private final List<FixtureLetter> letters;
    /** Detail bodies sent with 200 / answered 304, by leadermailid. */
    final Map<String, AtomicInteger> detailBodiesServed = new ConcurrentHashMap<>();
    final AtomicInteger detailNotModified = new AtomicInteger();
    final AtomicInteger listPagesServed = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger detailsInFlight = new AtomicInteger();
    /** Most detail requests the site ever had open at once. */
    final AtomicInteger maxDetailsInFlight = new AtomicInteger();

    private volatile int holdDetailsAfter = Integer.MAX_VALUE;
    private final AtomicInteger detailRequests = new AtomicInteger();
    final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    FixtureSite(List<FixtureLetter> letters) throws IOException {
        this.letters = new CopyOnWriteArrayList<>(letters);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fixture-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI mailboxStart() {
        return base().resolve("/zmhd/ldxx.jsp?urltype=leadermail.LeaderMailListUrl&wbtreeid=1112");
    }

    /** The next detail request after {@code served} of them waits until {@link #releaseHold()}. */
    void holdDetailRequestsAfter(int served) {
        holdDetailsAfter = served;
    }

    void releaseHold() {
        holdDetailsAfter = Integer.MAX_VALUE;
        release.countDown();
    }

    /** Newest first, as boards list them. */
    void addLetterOnTop(FixtureLetter letter) {
        letters.add(0, letter);
    }

    void replace(FixtureLetter changed) {
        letters.replaceAll(l -> l.siteId().equals(changed.siteId()) ? changed : l);
    }

    int detailBodiesTotal() {
        return detailBodiesServed.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            Map<String, String> q = query(uri.getRawQuery());
            requests.add(uri.toString());
            switch (path) {
                case "/robots.txt" -> send(ex, 200, "text/plain",
                        "User-agent: *\nDisallow: /private/\n\nUser-agent: badbot\nDisallow: /\n", StandardCharsets.UTF_8);
                case "/zmhd/ldxx.jsp" -> {
                    listPagesServed.incrementAndGet();
                    int page = Integer.parseInt(q.getOrDefault("PAGENUM", "1"));
                    sendConditional(ex, listPage(page, "ldxx.jsp?urltype=leadermail.LeaderMailListUrl&wbtreeid=1112&PAGENUM="),
                            StandardCharsets.UTF_8, true);
                }
                case "/zmhd/ldxxxx.jsp" -> detail(ex, q.get("leadermailid"));
                case "/gbk/list.jsp" -> sendConditional(ex, gbkList(), GBK, false);
                case "/gbk/detail.jsp" -> {
                    FixtureLetter l = find(q.get("leadermailid"));
                    // Odd ids declare their charset in <meta>, even ones say nothing at all: the sniffer must guess.
                    boolean declare = Integer.parseInt(l.siteId()) % 2 == 1;
                    sendConditional(ex, detailHtml(l, declare ? "<meta charset=\"gb2312\">" : ""), GBK, false);
                }
                default -> hostile(ex, path, q);
            }
        }
    }

    private void detail(HttpExchange ex, String siteId) throws IOException {
        int now = detailsInFlight.incrementAndGet();
        maxDetailsInFlight.accumulateAndGet(now, Math::max);
        try {
            serveDetail(ex, siteId);
        } finally {
            detailsInFlight.decrementAndGet();
        }
    }

    private void serveDetail(HttpExchange ex, String siteId) throws IOException {
        if (detailRequests.incrementAndGet() > holdDetailsAfter) {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // The client that sent this was killed meanwhile; answer without counting it as served.
            send(ex, 503, "text/plain", "released", StandardCharsets.UTF_8);
            return;
        }
        FixtureLetter letter = find(siteId);
        if (letter == null) {
            send(ex, 404, "text/html", "<html><body>信件不存在</body></html>", StandardCharsets.UTF_8);
            return;
        }
        boolean sentBody = sendConditional(ex, detailHtml(letter, "<meta charset=\"utf-8\">"), StandardCharsets.UTF_8,
                true);
        if (sentBody) {
            detailBodiesServed.computeIfAbsent(siteId, k -> new AtomicInteger()).incrementAndGet();
        } else {
            detailNotModified.incrementAndGet();
        }
    }

    private FixtureLetter find(String siteId) {
        return letters.stream().filter(l -> l.siteId().equals(siteId)).findFirst().orElse(null);
    }

    private String listPage(int page, String pageLinkPrefix) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>市长信箱</title></head><body>
                <div class="main"><table class="mail-list"><tr><th>标题</th><th>来信时间</th><th>状态</th></tr>
                """);
        int from = (page - 1) * PER_PAGE;
        for (int i = from; i < Math.min(letters.size(), from + PER_PAGE); i++) {
            FixtureLetter l = letters.get(i);
            html.append("<tr><td class=\"title\"><a href=\"ldxxxx.jsp?urltype=leadermail.LeaderMailContentUrl")
                    .append("&amp;wbtreeid=1112&amp;leadermailid=").append(l.siteId()).append("\" target=\"_blank\">")
                    .append(esc(l.title())).append("</a></td><td>").append(l.date()).append("</td><td>")
                    .append(l.hasReply() ? "已回复" : "办理中").append("</td></tr>\n");
        }
        html.append("</table><div class=\"page\">第").append(page).append("页 ");
        if (from + PER_PAGE < letters.size()) {
            html.append("<a class=\"Next\" href=\"").append(pageLinkPrefix).append(page + 1).append("\">下页</a>");
        }
        return html.append("</div></div></body></html>").toString();
    }

    private String gbkList() {
        StringBuilder html = new StringBuilder(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body>"
                        + "<table class=\"mail-list\">");
        for (FixtureLetter l : letters.subList(0, Math.min(10, letters.size()))) {
            html.append("<tr><td class=\"title\"><a href=\"detail.jsp?leadermailid=").append(l.siteId()).append("\">")
                    .append(esc(l.title())).append("</a></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    static String detailHtml(FixtureLetter l, String meta) {
        return "<!DOCTYPE html><html><head>" + meta + "<title>" + esc(l.title()) + "</title></head><body>"
                + "<div class=\"nav\">首页 &gt; 政民互动 &gt; 市长信箱</div>"
                + "<table class=\"mail-detail\">"
                + row("信件编号", esc(l.mailId()))
                + row("来信标题", esc(l.title()))
                + row("来信时间", l.date())
                + row("来信内容", paragraphs(l.query()))
                + row("回复单位", esc(l.agency()))
                + row("回复时间", l.replyDate())
                + row("回复内容", paragraphs(l.reply()))
                + "</table><div class=\"footer\">商洛市人民政府 版权所有</div></body></html>";
    }

    private static String row(String label, String value) {
        return "<tr><td class=\"label\">" + label + "</td><td>" + value + "</td></tr>";
    }

    private static String paragraphs(String text) {
        return esc(text.strip()).replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    private static String esc(String text) {
        return Entities.escape(text);
    }

    private void hostile(HttpExchange ex, String path, Map<String, String> q) throws IOException {
        switch (path) {
            case "/hostile/list" -> {
                int p = Integer.parseInt(q.getOrDefault("p", "1"));
                // Page 3 links back to page 1: a pagination loop the crawler must not follow forever.
                String links = switch (p) {
                    case 1 -> items("ok-1", "missing", "flaky", "broken");
                    case 2 -> items("slow", "huge", "redirect", "evil-redirect");
                    default -> items("always-500", "ok-1", "empty")
                            + "<tr><td class=\"title\"><a href=\"/private/d/secret?leadermailid=h-secret\">x</a></td></tr>";
                };
                String next = "<a class=\"Next\" href=\"/hostile/list?p=" + (p % 3 + 1) + "\">下页</a>";
                send(ex, 200, "text/html; charset=utf-8", "<html><body><table class=\"mail-list\">" + links
                        + "</table>" + next + "</body></html>", StandardCharsets.UTF_8);
            }
            case "/hostile/d/ok-1", "/hostile/d/ok-2" -> send(ex, 200, "text/html; charset=utf-8",
                    detailHtml(sample(path.endsWith("1") ? 0 : 1), ""), StandardCharsets.UTF_8);
            case "/hostile/d/flaky" -> {
                if (flakyCalls.incrementAndGet() <= 2) {
                    send(ex, 500, "text/html", "<h1>Internal Server Error</h1>", StandardCharsets.UTF_8);
                } else {
                    send(ex, 200, "text/html; charset=utf-8", detailHtml(sample(2), ""), StandardCharsets.UTF_8);
                }
            }
            case "/hostile/d/always-500" -> send(ex, 503, "text/html", "busy", StandardCharsets.UTF_8);
            case "/hostile/d/broken" -> send(ex, 200, "text/html; charset=utf-8",
                    "<html><body><table class=mail-detail><tr><td class=label>来信标题<td>井盖丢失<tr>"
                            + "<td class=label>来信内容<td><p>人民路井盖丢失<b>很危险<p>请尽快处理"
                            + "<tr><td class=label>来信时间<td>2022-05-01", StandardCharsets.UTF_8);
            case "/hostile/d/empty" -> send(ex, 200, "text/html; charset=utf-8",
                    "<html><body><p>页面已删除</p></body></html>", StandardCharsets.UTF_8);
            case "/hostile/d/slow" -> {
                sleep(3000);
                send(ex, 200, "text/html; charset=utf-8", detailHtml(sample(3), ""), StandardCharsets.UTF_8);
            }
            case "/hostile/d/huge" -> {
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
                try (OutputStream out = ex.getResponseBody()) {
                    byte[] filler = "<p>填充内容填充内容填充内容</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 200; i++) {
                        out.write(filler);
                    }
                } catch (IOException clientGaveUp) {
                    // expected: the crawler hangs up once the cap is passed
                }
            }
            case "/hostile/d/redirect" -> redirect(ex, "/hostile/d/ok-2");
            case "/hostile/d/evil-redirect" -> redirect(ex, "http://10.255.255.1/admin");
            case "/private/d/secret" -> send(ex, 200, "text/html; charset=utf-8", detailHtml(sample(4), ""),
                    StandardCharsets.UTF_8);
            default -> send(ex, 404, "text/html", "<h1>404</h1>", StandardCharsets.UTF_8);
        }
    }

    private FixtureLetter sample(int i) {
        return letters.get(i);
    }

    private static String items(String... names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            s.append("<tr><td class=\"title\"><a href=\"/hostile/d/").append(n).append("?leadermailid=h-").append(n)
                    .append("\">").append(n).append("</a></td></tr>");
        }
        return s.toString();
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    /** Sends with an ETag; answers 304 when the client already has this version. Returns true if a body was sent. */
    private static boolean sendConditional(HttpExchange ex, String html, Charset charset, boolean charsetInHeader)
            throws IOException {
        byte[] body = html.getBytes(charset);
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "-" + body.length + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return false;
        }
        ex.getResponseHeaders().set("Content-Type", charsetInHeader ? "text/html; charset=" + charset.name()
                : "text/html");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        return true;
    }

    private static void send(HttpExchange ex, int status, String type, String text, Charset charset)
            throws IOException {
        byte[] body = text.getBytes(charset);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    static List<String> ids(List<FixtureLetter> letters) {
        List<String> ids = new ArrayList<>();
        letters.forEach(l -> ids.add(l.siteId()));
        return ids;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
