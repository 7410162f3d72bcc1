package dev.l2l.runner.results;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The PNG charts of a run directory, rendered headless with XChart. */
public final class Charts {

    /** File name of the loss-per-step chart. */
    public static final String LOSS_CURVES = "loss-curves.png";
    /** File name of the meta-training chart. */
    public static final String META_TRAINING = "meta-training.png";
    private static final double FLOOR = 1e-12;

    private Charts() {
    }

    /** Mean loss per step (log scale) of every optimizer, with its 95% band as two thin dashed lines. */
    public static void lossCurves(Path file, List<ContenderResult> optimizers, String title) throws IOException {
        save(lossCurvesChart(optimizers, title), file);
    }

    /** The chart of {@link #lossCurves}: per optimizer a mean series and two band series. */
    static XYChart lossCurvesChart(List<ContenderResult> optimizers, String title) {
        XYChart chart = chart(title, "step", "mean loss (log scale)");
        Color[] colors = chart.getStyler().getSeriesColors();
        for (int k = 0; k < optimizers.size(); k++) {
            ContenderResult result = optimizers.get(k);
            Color color = colors[k % colors.length];
            double[] steps = steps(result.meanCurve().length);
            line(chart, result.name() + " (" + result.kind() + ")", steps, result.meanCurve(), color, SeriesLines.SOLID, true);
            line(chart, result.name() + " 95% low", steps, result.ciLowCurve(), color, SeriesLines.DASH_DASH, false);
            line(chart, result.name() + " 95% high", steps, result.ciHighCurve(), color, SeriesLines.DASH_DASH, false);
        }
        return chart;
    }

    /** The meta-loss of every meta-batch (log scale). */
    public static void metaTraining(Path file, List<Double> metaLosses, String title) throws IOException {
        XYChart chart = chart(title, "meta-batch", "meta-loss (log scale)");
        double[] values = metaLosses.stream().mapToDouble(Double::doubleValue).toArray();
        line(chart, "meta-loss", steps(values.length), values, chart.getStyler().getSeriesColors()[0], SeriesLines.SOLID, true);
        save(chart, file);
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(960).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, java.awt.BasicStroke style,
                             boolean inLegend) {
        double[] positive = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            positive[i] = Double.isFinite(y[i]) ? Math.max(y[i], FLOOR) : Double.NaN;
        }
        XYSeries series = chart.addSeries(name, x, positive);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(inLegend ? color : new Color(color.getRed(), color.getGreen(), color.getBlue(), 140));
        series.setLineStyle(style);
        series.setLineWidth(inLegend ? 2f : 1f);
        series.setShowInLegend(inLegend);
    }

    private static double[] steps(int n) {
        double[] steps = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
        }
        return steps;
    }

    private static void save(XYChart chart, Path file) throws IOException {
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
