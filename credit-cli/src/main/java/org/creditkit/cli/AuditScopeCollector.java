package org.creditkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.creditkit.core.fairness.AuditScope;

/**
 * Collects what an audit examined from the decision log it reads, row by row: the models
 * ({@code modelId} with {@code bundleChecksum} or {@code modelVersion}), the rule sets
 * ({@code rulesetVersion}) and the decision period (the earliest and latest {@code time},
 * {@code decisionDate} or {@code decidedAt}), each with how many decisions carry it; plus the SHA-256 of
 * the file. Columns that are absent leave that part unknown, which the report says.
 */
final class AuditScopeCollector {

    /** Columns naming the model, in order of preference for its checksum. */
    static final List<String> MODEL_COLUMNS = List.of("modelId", "bundleChecksum", "modelVersion");
    /** The column naming the rule set. */
    static final String RULESET_COLUMN = "rulesetVersion";
    /** Columns holding the decision time, the first present is used. */
    static final List<String> TIME_COLUMNS = List.of("time", "decisionDate", "decidedAt");

    private final Map<String, Integer> models = new TreeMap<>();
    private final Map<String, Integer> ruleSets = new TreeMap<>();
    private String first;
    private String last;

    /**
     * Records one row's provenance values.
     *
     * @param modelId the model id, or null
     * @param checksum the bundle checksum or model version, or null
     * @param ruleSet the rule-set version, or null
     * @param time the decision time (ISO-8601 text), or null
     */
    void add(String modelId, String checksum, String ruleSet, String time) {
        if (modelId != null) {
            models.merge(checksum == null ? modelId : modelId + " (checksum " + checksum + ")", 1, Integer::sum);
        }
        if (ruleSet != null) {
            ruleSets.merge(ruleSet, 1, Integer::sum);
        }
        if (time != null && !time.isEmpty()) {
            if (first == null || time.compareTo(first) < 0) {
                first = time;
            }
            if (last == null || time.compareTo(last) > 0) {
                last = time;
            }
        }
    }

    /**
     * @param file the audited file, digested here
     * @return the scope
     */
    AuditScope scope(Path file) {
        return scope(List.of(file));
    }

    /**
     * @param files the audited files (the parts of a rotated trail, in order), digested here as one
     *     byte stream
     * @return the scope
     */
    AuditScope scope(List<Path> files) {
        return scope("sha256:" + sha256(files));
    }

    /**
     * @param digest the files' digest, {@code sha256:HEX}
     * @return the scope
     */
    AuditScope scope(String digest) {
        return AuditScope.of(Optional.of(digest), counted(models), counted(ruleSets),
                first == null ? Optional.empty() : Optional.of(first + " to " + last));
    }

    private static List<String> counted(Map<String, Integer> values) {
        List<String> out = new ArrayList<>();
        values.forEach((v, n) -> out.add(String.format(Locale.ROOT, "%s: %d decisions", v, n)));
        return out;
    }

    static String sha256(List<Path> files) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] buf = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    md.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to digest it: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
