package org.minyi.collect.importer;

import java.util.List;

/** The columns of the Teddy-Cup message-board export (编号, 主题, 时间, 详情, 点赞数, 反对数) as tests write them. */
final class BoardColumns {

    static final List<String> HEADER = List.of("编号", "主题", "时间", "详情", "点赞数", "反对数");

    private BoardColumns() {
    }

    /** A board mapping of those columns whose messages carry {@code source}. */
    static ColumnMapping mapping(String source) {
        return ColumnMapping.parse("""
                source: %s
                channel: board
                fields:
                  id: 编号
                  title: 主题
                  createdAt: 时间
                  text: 详情
                  votes.likes: 点赞数
                  votes.against: 反对数
                dateFormats: ["yyyy/M/d H:mm:ss"]
                zone: Asia/Shanghai
                """.formatted(source), source);
    }
}
