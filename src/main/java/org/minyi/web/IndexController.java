package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;
import org.minyi.InvalidInput;
import org.minyi.MinYiSettings;
import org.minyi.index.IndexHealth;
import org.minyi.index.MessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchSettings;
import org.minyi.index.elasticsearch.Migrations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Index maintenance while the service runs, for administrators and for the command line ({@code minyi check-index}
 * and {@code minyi reindex} ask here when the service holds the index): a check of the whole index, and the copy
 * of the embedded index into Elasticsearch.
 */
@RestController
@RequestMapping("/api/index")
@Tag(name = "index")
class IndexController {

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final MessageIndex index;
    private final Migrations migrations;
    private final MinYiSettings settings;

    IndexController(MessageIndex index, Migrations migrations, MinYiSettings settings) {
        this.index = index;
        this.migrations = migrations;
        this.settings = settings;
    }

    @GetMapping("/health")
    @Operation(summary = "Check the whole index while it keeps serving (embedded: Lucene's CheckIndex of the last "
            + "commit; Elasticsearch: the health of MinYi's indices)")
    IndexHealth health() {
        return index.checkHealth();
    }

    /**
     * Where to copy the embedded index.
     *
     * @param url      Elasticsearch's HTTP address
     * @param prefix   prefix of MinYi's indices, template and alias there (default minyi)
     * @param shards   primary shards per monthly index (default 1)
     * @param replicas replicas per shard (default 1; 0 on a single node)
     */
    record MigrationRequest(String url, String prefix, Integer shards, Integer replicas) {
    }

    @PostMapping("/migrations")
    @Operation(summary = "Copy the embedded index into Elasticsearch in the background (202; poll "
            + "GET /api/index/migrations/latest). Safe to run again: messages are keyed by id")
    ResponseEntity<?> migrate(@RequestBody MigrationRequest request, HttpServletRequest http) {
        if (settings.elasticsearch() != null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("index.not_embedded",
                    Language.pick(http, "服务已在 Elasticsearch 上运行，没有可复制的内置索引",
                            "the service already runs on Elasticsearch: there is no embedded index to copy")));
        }
        ElasticsearchSettings target = target(request);
        try {
            return ResponseEntity.accepted().body(migrations.start(target));
        } catch (IllegalStateException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError("index.migration_running",
                    Language.pick(http, "上一次复制仍在进行，请等它结束后再试（GET /api/index/migrations/latest）",
                            "the previous copy is still running; try again when it has finished "
                                    + "(GET /api/index/migrations/latest)")));
        }
    }

    @GetMapping("/migrations/latest")
    @Operation(summary = "The latest copy into Elasticsearch: state, messages expected and copied so far")
    ResponseEntity<?> latest(HttpServletRequest http) {
        Migrations.Progress latest = migrations.latest();
        if (latest == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(404, Language.pick(http,
                    "服务启动以来还没有复制过索引", "no copy was started since the service started")));
        }
        return ResponseEntity.ok(latest);
    }

    /** The request as settings; the buffer for records Elasticsearch has not taken yet stays in the data folder. */
    private ElasticsearchSettings target(MigrationRequest request) {
        URI url = url(request.url());
        String prefix = request.prefix() == null || request.prefix().isBlank() ? "minyi" : request.prefix().strip();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidInput("index.prefix", "索引前缀只能由小写字母、数字、- 和 _ 组成（最多 64 个字符）：" + prefix,
                    "the index prefix may hold lower-case letters, digits, - and _ only (64 at most): " + prefix);
        }
        int shards = request.shards() == null ? 1 : request.shards();
        int replicas = request.replicas() == null ? 1 : request.replicas();
        if (shards < 1 || shards > 64 || replicas < 0 || replicas > 16) {
            throw new InvalidInput("index.shards", "分片数须在 1–64 之间，副本数须在 0–16 之间",
                    "shards must be 1 to 64 and replicas 0 to 16");
        }
        return ElasticsearchSettings.of(url, settings.dataDir().resolve("reindex-buffer-" + prefix))
                .withIndexPrefix(prefix).withShards(shards).withReplicas(replicas).withZone(settings.zone());
    }

    private static URI url(String given) {
        if (given == null || given.isBlank()) {
            throw new InvalidInput("index.url", "请给出 Elasticsearch 的地址，如 http://127.0.0.1:9200",
                    "give Elasticsearch's address, such as http://127.0.0.1:9200");
        }
        try {
            URI url = URI.create(given.strip());
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // told below
        }
        throw new InvalidInput("index.url", "Elasticsearch 地址须为 http(s)://主机:端口，收到：" + given,
                "Elasticsearch's address must be http(s)://host:port, got: " + given);
    }
}
