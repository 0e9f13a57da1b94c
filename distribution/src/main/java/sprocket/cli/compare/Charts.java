package sprocket.cli.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts, drawn by JFreeChart onto JFreeSVG's SVG canvas, so that each is an {@code <svg>} element
 * inline in the page: no script, no network, the same bytes for the same figures.
 */
final class Charts {
    static final int WIDTH = 460;
    static final int HEIGHT = 300;
    /** Colours of the series, told apart by people with the commonest colour blindness (Okabe and Ito's palette). */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000)};

    private final StandardChartTheme theme;
    private int drawn;

    Charts() {
        System.setProperty("java.awt.headless", "true");
        theme = new StandardChartTheme("sprocket");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xCCCCCC));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
    }

    /** One figure across the columns: a bar per column. */
    String bars(Figure f, List<Column> columns, List<String> labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < columns.size(); i++) {
            double v = columns.get(i).mean(f);
            if (!Double.isNaN(v)) data.addValue(f == Figure.SIMULATED_TIME ? v * 1e3 : v, f.label(), labels.get(i));
        }
        String unit = f == Figure.SIMULATED_TIME ? "ms" : f.unit();
        JFreeChart chart = ChartFactory.createBarChart(f.label(), null, unit, data, PlotOrientation.VERTICAL, false,
                false, false);
        styleCategories(chart, labels.size());
        if (f != Figure.SIMULATED_TIME) {
            ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return svg(chart);
    }

    /** Each column's CPUs' busy share of the simulated time: a group of bars per column, a bar per CPU. */
    String busy(List<Column> columns, List<String> labels) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int cpus = 0;
        for (Column c : columns) cpus = Math.max(cpus, c.busyShares().length);
        for (int cpu = 0; cpu < cpus; cpu++) {
            for (int i = 0; i < columns.size(); i++) {
                double[] shares = columns.get(i).busyShares();
                data.addValue(cpu < shares.length ? 100 * shares[cpu] : null, "cpu" + cpu, labels.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("CPU busy time", null, "% of the simulated time", data,
                PlotOrientation.VERTICAL, true, false, false);
        styleCategories(chart, labels.size());
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        return svg(chart, Math.max(WIDTH, Math.min(1200, 60 + columns.size() * (20 + 12 * cpus))), HEIGHT);
    }

    /**
     * Speedup against CPU count: for each group of columns alike but for {@code hw.cpus}, the group's slowest time
     * over each column's, against the CPU count; and the ideal, linear speedup.
     */
    String speedup(Map<String, List<Column>> groups) {
        XYSeriesCollection data = new XYSeriesCollection();
        double maxCpus = 1;
        double minCpus = Double.MAX_VALUE;
        for (Map.Entry<String, List<Column>> g : groups.entrySet()) {
            XYSeries s = new XYSeries(g.getKey());
            Column base = null;
            for (Column c : g.getValue()) {
                if (c.ok() && (base == null || cpus(c) < cpus(base))) base = c;
            }
            if (base == null) continue;
            for (Column c : g.getValue()) {
                if (!c.ok()) continue;
                s.add(cpus(c), base.mean(Figure.SIMULATED_TIME) / c.mean(Figure.SIMULATED_TIME));
                maxCpus = Math.max(maxCpus, cpus(c));
                minCpus = Math.min(minCpus, cpus(base));
            }
            data.addSeries(s);
        }
        XYSeries ideal = new XYSeries("ideal (linear)");
        if (minCpus != Double.MAX_VALUE) {
            ideal.add(minCpus, 1);
            ideal.add(maxCpus, maxCpus / minCpus);
        }
        data.addSeries(ideal);
        JFreeChart chart = ChartFactory.createXYLineChart("Speedup against CPU count", "CPUs (hw.cpus)",
                "speedup over the fewest CPUs", data, PlotOrientation.VERTICAL, true, false, false);
        theme.apply(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount() - 1; i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        int last = data.getSeriesCount() - 1;
        r.setSeriesPaint(last, Color.GRAY);
        r.setSeriesShapesVisible(last, false);
        r.setSeriesStroke(last, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return svg(chart, WIDTH + 100, HEIGHT + 40);
    }

    /** The CPU count of a column's runs. */
    static double cpus(Column c) {
        return c.runs().getFirst().stats().cpuBusyCycles().length;
    }

    /** Columns grouped by everything but {@code hw.cpus}, in the order of their first column; the keys name them. */
    static Map<String, List<Column>> byAllButCpus(List<Column> columns) {
        Map<String, List<Column>> out = new LinkedHashMap<>();
        for (Column c : columns) {
            StringBuilder name = new StringBuilder(c.variant().configName());
            c.varied().forEach((k, v) -> {
                if (!k.equals("hw.cpus")) name.append(' ').append(k).append('=').append(v);
            });
            out.computeIfAbsent(name.toString(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private void styleCategories(JFreeChart chart, int categories) {
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.12);
        for (int i = 0; i < PALETTE.length; i++) r.setSeriesPaint(i, PALETTE[i]);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setMaximumCategoryLabelLines(3);
        if (categories > 4) axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }

    private String svg(JFreeChart chart) {
        return svg(chart, WIDTH, HEIGHT);
    }

    private String svg(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Ids unique within the page and the same from run to run (the default prefix is taken from the clock).
        g.setDefsKeyPrefix("chart" + drawn++);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }
}
