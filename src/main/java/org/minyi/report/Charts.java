package org.minyi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Charts drawn on the server as PNG (JFreeChart), so that PDF, DOCX and HTML show the same picture and no page needs
 * a script. Text is drawn with the {@link CjkFont}.
 */
public final class Charts {

    private final CjkFont font;

    public Charts(CjkFont font) {
        this.font = font;
        System.setProperty("java.awt.headless", "true");
    }

    /** Bars of messages per day. */
    public byte[] dailyCounts(String title, Map<LocalDate, Long> perDay, int width, int height) {
        TimeSeries series = new TimeSeries("留言数");
        perDay.forEach((day, count) -> series.addOrUpdate(
                new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), count));
        DateAxis time = new DateAxis();
        // whole days only (JFreeChart would otherwise tick at noon and print a day twice), at most ~12 labels
        int step = Math.max(1, (perDay.size() + 11) / 12);
        time.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, step, new java.text.SimpleDateFormat("M/d")));
        NumberAxis count = new NumberAxis("条");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer bars = new XYBarRenderer(0.15);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0xC0392B));
        XYPlot plot = new XYPlot(new TimeSeriesCollection(series), time, count, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        for (var axis : new org.jfree.chart.axis.ValueAxis[]{time, count}) {
            axis.setTickLabelFont(font.awt(11, Font.PLAIN));
            axis.setLabelFont(font.awt(11, Font.PLAIN));
        }
        JFreeChart chart = new JFreeChart(null, font.awt(12, Font.PLAIN), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            // drawn at twice the size shown, so that print stays sharp
            ChartUtils.writeScaledChartAsPNG(png, chart, width, height, 2, 2);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
