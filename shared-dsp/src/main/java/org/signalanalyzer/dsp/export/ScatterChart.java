package org.signalanalyzer.dsp.export;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A native XY scatter chart as both exports draw it, so that LibreOffice renders it as Excel does: the title above
 * the plot, the legend below, two value axes with their tick labels at the low edge (the data may cross zero), and
 * series with explicit line properties. Make it, add series from sheet columns, then {@link #plot} it.
 */
final class ScatterChart {

    final XSSFChart chart;
    final XDDFValueAxis x;
    final XDDFValueAxis y;
    private final XDDFScatterChartData data;

    ScatterChart(
            XSSFDrawing drawing,
            XSSFClientAnchor anchor,
            String title,
            String xTitle,
            String yTitle,
            ScatterStyle style) {
        chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        x = chart.createValueAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(yTitle);
        x.setTickLabelPosition(AxisTickLabelPosition.LOW);
        y.setTickLabelPosition(AxisTickLabelPosition.LOW);
        data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, x, y);
        data.setStyle(style);
        data.setVaryColors(false);
    }

    /** A column's cells from {@code firstRow} to {@code lastRow} (0-based, inclusive) as chart data. */
    static XDDFNumericalDataSource<Double> column(XSSFSheet sheet, int firstRow, int lastRow, int column) {
        return XDDFDataSourcesFactory.fromNumericCellRange(
                sheet, new CellRangeAddress(firstRow, lastRow, column, column));
    }

    /** A series drawn as a line without markers. */
    void line(XDDFNumericalDataSource<Double> xs, XDDFNumericalDataSource<Double> ys, String title, PresetColor color) {
        XDDFScatterChartData.Series s = series(xs, ys, title, MarkerStyle.NONE);
        // LibreOffice draws no line for a series without explicit line properties (stack.md §5).
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(color)));
        line.setWidth(1.5);
        s.setLineProperties(line);
    }

    /** A series drawn as markers without a line. */
    void markers(
            XDDFNumericalDataSource<Double> xs, XDDFNumericalDataSource<Double> ys, String title, MarkerStyle marker) {
        XDDFScatterChartData.Series s = series(xs, ys, title, marker);
        XDDFLineProperties none = new XDDFLineProperties();
        none.setFillProperties(new XDDFNoFillProperties());
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(none);
        s.setShapeProperties(shape);
    }

    private XDDFScatterChartData.Series series(
            XDDFNumericalDataSource<Double> xs, XDDFNumericalDataSource<Double> ys, String title, MarkerStyle marker) {
        XDDFScatterChartData.Series s = (XDDFScatterChartData.Series) data.addSeries(xs, ys);
        s.setTitle(title, null);
        s.setSmooth(false);
        s.setMarkerStyle(marker);
        return s;
    }

    /**
     * Draws the series added so far, with the axes' numbers in the given formats rather than the data cells' (whose
     * 0.000 / 0.0000000 would crowd the axes).
     */
    void plot(String xFormat, String yFormat) {
        chart.plot(data);
        x.setNumberFormat(xFormat);
        y.setNumberFormat(yFormat);
        for (var axis : chart.getCTChart().getPlotArea().getValAxArray())
            axis.getNumFmt().setSourceLinked(false);
    }
}
