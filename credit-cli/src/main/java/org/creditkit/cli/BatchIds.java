package org.creditkit.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.creditkit.core.Problem;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;

/**
 * The application ids of one batch, so that an id given to a second line is rejected at that line (naming
 * the first) instead of being scored, decided or matched twice under one id: two decisions for one
 * application, the later one (often a corrected resubmission) indistinguishable from the first in the
 * output by id.
 *
 * <p>Each id is remembered as a 64-bit fingerprint beside the line that first held it, in an open-addressing
 * table of primitive arrays kept at most three quarters full: 22 to 43 bytes a distinct id (at most 43 MB
 * a million lines), not the id's text.
 * Two different ids share a fingerprint with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a million ids), so
 * a repeat is confirmed only up to that chance; the message names both lines to check.
 */
final class BatchIds {

    private long[] fingerprints = new long[1 << 12];
    private long[] firstLines = new long[1 << 12];
    private int size;
    private long repeats;

    /**
     * Remembers {@code a}'s id, first held at {@code line}.
     *
     * @return {@code null} for an id not seen before in this batch, else the rejected line
     */
    BadLine repeat(LabeledApplication a, long line) {
        String id = a.application().id();
        long f = fingerprint(id);
        int mask = fingerprints.length - 1;
        for (int i = (int) (f ^ (f >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (firstLines[i] == 0) {
                fingerprints[i] = f;
                firstLines[i] = line;
                if (++size * 4L > fingerprints.length * 3L) {
                    grow();
                }
                return null;
            }
            if (fingerprints[i] == f) {
                repeats++;
                String path = a.outcome().isPresent() ? "$.application.id" : "$.id";
                return new BadLine(line, List.of(Problem.of(path, "application id '" + id
                        + "' is already on line " + firstLines[i] + " of this batch; every application needs its own"
                        + " id (remove the repeated line, or give it a new id if it is another application)")),
                        Optional.of(ApplicationJson.write(a.application())));
            }
        }
    }

    /** {@code report} with every repeated id counted as a bad line with one problem instead of a good one. */
    BatchReport adjust(BatchReport report) {
        return repeats == 0 ? report : new BatchReport(report.lines(), report.good() - repeats,
                report.bad() + repeats, report.problems() + repeats);
    }

    private void grow() {
        long[] oldF = fingerprints;
        long[] oldL = firstLines;
        fingerprints = new long[oldF.length * 2];
        firstLines = new long[oldF.length * 2];
        int mask = fingerprints.length - 1;
        for (int j = 0; j < oldF.length; j++) {
            if (oldL[j] != 0) {
                long f = oldF[j];
                int i = (int) (f ^ (f >>> 32)) & mask;
                while (firstLines[i] != 0) {
                    i = (i + 1) & mask;
                }
                fingerprints[i] = f;
                firstLines[i] = oldL[j];
            }
        }
    }

    /** 64-bit FNV-1a over the id's UTF-8 bytes, then a murmur3 finaliser to spread the bits. */
    static long fingerprint(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
