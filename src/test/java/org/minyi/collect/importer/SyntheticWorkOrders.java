package org.minyi.collect.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Made-up 12345 work orders, written as the platforms export them (CSV, XLSX with date cells, JSON lines). Made up
 * on purpose: real work orders carry callers' personal data and must never be committed.
 */
final class SyntheticWorkOrders {

    /** One work order; an order still being handled has no reply, reply time or satisfaction. */
    record Order(String id, LocalDateTime calledAt, String region, String category, String content,
                 String department, String status, String reply, LocalDateTime repliedAt, String satisfaction) {
    }

    /** The 10 columns in the first common wording, in export order. */
    static final List<String> HEADER_A = List.of("工单编号", "来电时间", "来电人所在区域", "诉求类别", "诉求内容",
            "承办单位", "办理状态", "答复内容", "答复时间", "满意度");
    /** The same columns in the other common wording. */
    static final List<String> HEADER_B = List.of("工单编号", "来电时间", "所属区域", "问题分类", "来电内容",
            "办理部门", "办理状态", "办理结果", "办结时间", "回访满意度");

    static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String[][] DEMANDS = {
        {"住房保障", "区住房和城乡建设局", "反映小区楼顶防水层老化，连续下雨后顶楼住户家中漏水严重，物业称维修基金申请需时，请求尽快维修。",
            "经核实，已协调物业启动维修基金应急使用程序，施工队已进场修补防水层。"},
        {"环境保护", "市生态环境局", "来电人反映附近餐馆油烟直排，晚上烧烤噪音扰民到凌晨两点，多次与店家沟通无果。",
            "执法人员现场检查，责令店家加装油烟净化设备并限时整改，已告知来电人。"},
        {"交通运输", "市交通运输局", "反映某路公交车早高峰班次太少，乘客在站台等候超过半小时，希望增加班次。",
            "已将早高峰发车间隔由十五分钟调整为八分钟，自下周一起执行。"},
        {"劳动和社会保障", "区人力资源和社会保障局", "来电人在工地务工三个月，包工头拖欠工资一万二千元至今未付，请求帮助讨薪。",
            "劳动监察大队已约谈施工企业，企业承诺本月底前足额支付拖欠工资。"},
        {"教育文体", "区教育局", "反映孩子所在小学午托收费不透明，每月另收三百元却无正式收据，家长意见很大。",
            "经调查，学校已停止违规收费并向家长公示收费依据，多收费用予以退还。"},
        {"卫生计生", "市卫生健康委员会", "反映社区卫生服务中心周末不开放疫苗接种，上班族无法带孩子接种，建议调整时间。",
            "已协调该中心每周六上午开放预防接种门诊。"},
        {"城乡建设", "区城市管理局", "小区门口道路井盖破损塌陷，夜间已有电动车骑行人员摔倒，存在安全隐患。",
            "已更换破损井盖并设置警示标志，隐患已消除。"},
        {"商贸旅游", "市市场监督管理局", "在某超市购买的牛奶已过保质期，要求商家赔偿被拒绝，请求相关部门处理。",
            "经调解，商家已按规定向消费者退款并赔偿，并对其过期食品销售行为立案调查。"},
    };
    private static final String[] REGIONS = {"雁塔区", "碑林区", "未央区", "长安区", "莲湖区"};
    private static final String[] SATISFACTION = {"满意", "基本满意", "不满意"};

    private SyntheticWorkOrders() {
    }

    /** {@code count} orders; every fourth is still being handled (no reply yet). */
    static List<Order> orders(int count) {
        List<Order> orders = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2024, 3, 1, 8, 30, 15);
        for (int i = 0; i < count; i++) {
            String[] demand = DEMANDS[i % DEMANDS.length];
            LocalDateTime called = start.plusHours(7L * i).plusMinutes(13L * i);
            boolean open = i % 4 == 3;
            orders.add(new Order(String.format("GD2024%06d", 3100 + i), called, REGIONS[i % REGIONS.length],
                    demand[0], demand[2], demand[1], open ? "办理中" : "已办结", open ? null : demand[3],
                    open ? null : called.plusDays(1 + i % 9).plusHours(3), open ? null : SATISFACTION[i % 3]));
        }
        return orders;
    }

    static Path csv(Path file, List<String> header, List<Order> orders) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (Order o : orders) {
            csv.append(String.join(",", cells(o).stream().map(c -> c == null ? "" : quote(text(c))).toList()))
                    .append('\n');
        }
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /** Times as true date cells, as a spreadsheet export has them. */
    static Path xlsx(Path file, List<String> header, List<Order> orders) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("工单");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < orders.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = cells(orders.get(r));
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof LocalDateTime time) {
                        var cell = row.createCell(c);
                        cell.setCellValue(time);
                        cell.setCellStyle(dateStyle);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    /** One JSON object a line, keyed by the column names of {@code header}. */
    static Path jsonLines(Path file, List<String> header, List<Order> orders) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Order o : orders) {
            List<Object> cells = cells(o);
            List<String> pairs = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                Object value = cells.get(c);
                if (value != null) {
                    pairs.add('"' + header.get(c) + "\":\"" + text(value) + '"');
                }
            }
            lines.append('{').append(String.join(",", pairs)).append("}\n");
        }
        return Files.writeString(file, lines, StandardCharsets.UTF_8);
    }

    private static List<Object> cells(Order o) {
        List<Object> cells = new ArrayList<>();
        cells.add(o.id());
        cells.add(o.calledAt());
        cells.add(o.region());
        cells.add(o.category());
        cells.add(o.content());
        cells.add(o.department());
        cells.add(o.status());
        cells.add(o.reply());
        cells.add(o.repliedAt());
        cells.add(o.satisfaction());
        return cells;
    }

    private static String text(Object cell) {
        return cell instanceof LocalDateTime time ? time.format(EXPORT_TIME) : cell.toString();
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
