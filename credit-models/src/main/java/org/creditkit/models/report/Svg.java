package org.creditkit.models.report;

import java.util.List;
import java.util.Locale;

/** Small inline-SVG chart builder (package-private). */
final class Svg {

    static final int W = 460;
    static final int H = 320;
    static final int L = 56;
    static final int R = 16;
    static final int T = 30;
    static final int B = 46;

    /** A polyline series. */
    record Series(String name, String color, double[][] points, boolean dashed) {
    }

    private Svg() {
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static double px(double x, double x0, double x1) {
        return L + (x - x0) / (x1 - x0) * (W - L - R);
    }

    static double py(double y, double y0, double y1) {
        return H - B - (y - y0) / (y1 - y0) * (H - T - B);
    }

    /** Axes with ticks, a title and axis labels. */
    static void axes(StringBuilder s, String title, String xLabel, String yLabel, double x0, double x1, double y0,
            double y1, boolean percentX, boolean percentY) {
        axes(s, title, xLabel, yLabel, x0, x1, y0, y1, percentX, percentY, true);
    }

    /** Axes with a title and axis labels, with or without numeric x ticks (categories label their own). */
    static void axes(StringBuilder s, String title, String xLabel, String yLabel, double x0, double x1, double y0,
            double y1, boolean percentX, boolean percentY, boolean xTicks) {
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(W).append("' height='").append(H)
                .append("' viewBox='0 0 ").append(W).append(' ').append(H).append("' role='img' aria-label='")
                .append(esc(title)).append("'>");
        s.append("<rect x='0' y='0' width='").append(W).append("' height='").append(H).append("' fill='#fff'/>");
        s.append("<text x='").append(W / 2).append("' y='18' text-anchor='middle' class='ct'>").append(esc(title))
                .append("</text>");
        for (int i = 0; i <= 5; i++) {
            double xv = x0 + (x1 - x0) * i / 5;
            double yv = y0 + (y1 - y0) * i / 5;
            double gx = px(xv, x0, x1);
            double gy = py(yv, y0, y1);
            if (xTicks) {
                s.append("<line x1='").append(f(gx)).append("' y1='").append(T).append("' x2='").append(f(gx))
                        .append("' y2='").append(H - B).append("' class='grid'/>");
            }
            s.append("<line x1='").append(L).append("' y1='").append(f(gy)).append("' x2='").append(W - R)
                    .append("' y2='").append(f(gy)).append("' class='grid'/>");
            if (xTicks) {
                s.append("<text x='").append(f(gx)).append("' y='").append(H - B + 14)
                        .append("' text-anchor='middle' class='tk'>").append(tick(xv, percentX)).append("</text>");
            }
            s.append("<text x='").append(L - 5).append("' y='").append(f(gy + 3)).append("' text-anchor='end' class='tk'>")
                    .append(tick(yv, percentY)).append("</text>");
        }
        s.append("<line x1='").append(L).append("' y1='").append(H - B).append("' x2='").append(W - R).append("' y2='")
                .append(H - B).append("' class='ax'/>");
        s.append("<line x1='").append(L).append("' y1='").append(T).append("' x2='").append(L).append("' y2='")
                .append(H - B).append("' class='ax'/>");
        s.append("<text x='").append((L + W - R) / 2).append("' y='").append(H - 8).append("' text-anchor='middle' class='al'>")
                .append(esc(xLabel)).append("</text>");
        s.append("<text transform='translate(14,").append((T + H - B) / 2).append(") rotate(-90)' text-anchor='middle' class='al'>")
                .append(esc(yLabel)).append("</text>");
    }

    private static String tick(double v, boolean percent) {
        if (percent) {
            return String.format(Locale.ROOT, "%.0f%%", v * 100);
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static void polyline(StringBuilder s, Series series, double x0, double x1, double y0, double y1) {
        s.append("<polyline fill='none' stroke='").append(series.color()).append("' stroke-width='2'");
        if (series.dashed()) {
            s.append(" stroke-dasharray='5,4'");
        }
        s.append(" points='");
        for (double[] p : series.points()) {
            s.append(f(px(p[0], x0, x1))).append(',').append(f(py(p[1], y0, y1))).append(' ');
        }
        s.append("'/>");
    }

    static void legend(StringBuilder s, List<Series> series) {
        int y = T + 8;
        for (Series se : series) {
            s.append("<line x1='").append(L + 10).append("' y1='").append(y).append("' x2='").append(L + 30)
                    .append("' y2='").append(y).append("' stroke='").append(se.color()).append("' stroke-width='3'")
                    .append(se.dashed() ? " stroke-dasharray='5,4'" : "").append("/>");
            s.append("<text x='").append(L + 35).append("' y='").append(y + 4).append("' class='lg'>")
                    .append(esc(se.name())).append("</text>");
            y += 16;
        }
    }

    /** A line chart. */
    static String lines(String title, String xLabel, String yLabel, List<Series> series, double x0, double x1,
            double y0, double y1, boolean percentX, boolean percentY, String extra) {
        StringBuilder s = new StringBuilder();
        axes(s, title, xLabel, yLabel, x0, x1, y0, y1, percentX, percentY);
        for (Series se : series) {
            polyline(s, se, x0, x1, y0, y1);
        }
        s.append(extra);
        legend(s, series);
        s.append("</svg>");
        return s.toString();
    }

    /** Thins a curve to at most {@code max} points, keeping the ends. */
    static double[][] thin(double[][] pts, int max) {
        if (pts.length <= max) {
            return pts;
        }
        double[][] out = new double[max][];
        for (int i = 0; i < max; i++) {
            out[i] = pts[(int) ((long) i * (pts.length - 1) / (max - 1))];
        }
        return out;
    }
}
