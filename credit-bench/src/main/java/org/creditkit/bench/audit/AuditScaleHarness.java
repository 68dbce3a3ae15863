package org.creditkit.bench.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the decision log of the fairness audit's scale measurement: N decisions (default 1,000,000)
 * with four group attributes (industry section 20 values, zone 4, size class 4, ownership 5), a tier,
 * a PD, a score, an outcome for approved loans, the provenance fields and nested fields the audit does
 * not read (reasons with lineage), as the governed decision log carries them. Deterministic for a seed.
 * The audit itself is timed as a user runs it:
 *
 * <pre>
 * java -cp credit-bench/target/benchmarks.jar org.creditkit.bench.audit.AuditScaleHarness target/audit-1m.jsonl 1000000
 * /usr/bin/time -v java -Xmx1g -jar credit-cli/target/credit.jar audit --data target/audit-1m.jsonl \
 *     --groups industrySection,zone,sizeClass,ownership,industrySection*zone,industrySection*sizeClass,\
 * industrySection*ownership,zone*sizeClass,zone*ownership,sizeClass*ownership \
 *     --favorable tier=INSTANT_APPROVAL,MITIGATION --outcome defaulted=true --pd pd --score score \
 *     --reference industrySection=C --out target/audit-1m
 * </pre>
 *
 * A harness, not a JMH benchmark: one run of a whole command, its wall time and peak memory are the
 * figures quoted in docs/fairness.md.
 */
public final class AuditScaleHarness {

    private static final String[] SECTIONS = "A B C D E F G H I J K L M N O P Q R S T".split(" ");
    private static final String[] ZONES = {"EAST", "CENTRAL", "WEST", "NORTHEAST"};
    private static final String[] SIZES = {"MICRO", "SMALL", "MEDIUM", "LARGE"};
    private static final String[] OWNERSHIP = {"PRIVATE", "STATE", "COLLECTIVE", "FOREIGN", "INDIVIDUAL"};

    private AuditScaleHarness() {
    }

    /**
     * Writes the log.
     *
     * @param args output file, number of decisions (default 1,000,000), seed (default 7)
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/audit-1m.jsonl");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 7L);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        long start = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                // skewed group sizes, so some intersections are small
                String section = SECTIONS[Math.min(SECTIONS.length - 1, (int) (Math.abs(random.nextGaussian()) * 5))];
                String zone = ZONES[random.nextInt(10) < 5 ? 0 : random.nextInt(ZONES.length)];
                String size = SIZES[Math.min(3, (int) (Math.abs(random.nextGaussian()) * 1.5))];
                String owner = OWNERSHIP[random.nextInt(10) < 7 ? 0 : random.nextInt(OWNERSHIP.length)];
                double pd = Math.min(0.99, Math.exp(-4 + random.nextGaussian() + (section.equals("H") ? 0.3 : 0)));
                double score = 600 - 20 * Math.log(pd / (1 - pd) * 50) / Math.log(2);
                String tier = pd < 0.02 ? "INSTANT_APPROVAL" : pd < 0.05 ? "MANUAL_REVIEW" : pd < 0.12 ? "MITIGATION"
                        : "DECLINE";
                boolean approved = tier.equals("INSTANT_APPROVAL") || tier.equals("MITIGATION");
                w.write(String.format(Locale.ROOT, "{\"time\":\"2026-%02d-%02dT%02d:00:00Z\",\"engine\":\"creditkit/0.1.0\","
                        + "\"application\":\"%016x\",\"modelId\":\"synthetic-base@1\",\"bundleChecksum\":\"sha256:5e1f\","
                        + "\"rulesetVersion\":\"default-policy-77e0\",\"product\":\"WORKING_CAPITAL\","
                        + "\"industrySection\":\"%s\",\"zone\":\"%s\",\"sizeClass\":\"%s\",\"ownership\":\"%s\","
                        + "\"tier\":\"%s\",\"approved\":%b,\"score\":%.1f,\"pd\":%.6f,\"grade\":\"B\","
                        + "\"reasons\":[{\"code\":\"TAX_CONTINUITY\",\"lineage\":[{\"source\":\"TAX\",\"asOf\":\"2026-01-01\"}]}]",
                        1 + i % 12, 1 + i % 28, i % 24, random.nextLong(), section, zone, size, owner, tier, approved,
                        score, pd));
                if (approved) {
                    w.write(random.nextDouble() < pd ? ",\"defaulted\":true" : ",\"defaulted\":false");
                }
                w.write("}\n");
            }
        }
        System.out.printf(Locale.ROOT, "wrote %,d decisions to %s (%,d bytes) in %.1f s%n", n, out, Files.size(out),
                (System.nanoTime() - start) / 1e9);
    }
}
