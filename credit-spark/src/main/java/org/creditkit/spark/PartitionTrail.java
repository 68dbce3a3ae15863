package org.creditkit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.audit.DecisionLog;

/**
 * The decision trail of one partition: a {@link DecisionLog} on the executor's local disk while the
 * partition is decided, copied to {@code TrailSpec.dir()/part-NNNNN.jsonl} once every row of it is done
 * (through a temporary name, so a reader never sees half a part), and removed from the local disk when
 * the task ends, whether it finished or failed. Not thread-safe: one per task.
 */
final class PartitionTrail {

    private final TrailSpec spec;
    private final int partition;
    private final int attempt;
    private final Path localDir;
    private final Path local;
    private final DecisionLog log;
    private final FeatureExtractor features = FeatureExtractor.standard();
    private boolean published;
    private long records;

    private PartitionTrail(TrailSpec spec, int partition, int attempt) {
        this.spec = spec;
        this.partition = partition;
        this.attempt = attempt;
        try {
            this.localDir = Files.createTempDirectory("creditkit-trail-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a local directory for the decision trail", e);
        }
        this.local = localDir.resolve(TrailSpec.partName(partition));
        this.log = DecisionLog.to(local).signer(spec.signer()).pseudonymKey(spec.key())
                .checkpointEvery(spec.checkpointEvery()).open();
    }

    /**
     * Opens the trail of the running task's partition and makes sure its local file goes when the task ends.
     *
     * @param spec the trail
     * @return the partition's trail
     */
    static PartitionTrail open(TrailSpec spec) {
        TaskContext task = TaskContext.get();
        if (task == null) {
            throw new IllegalStateException("a partition trail is written inside a Spark task only");
        }
        PartitionTrail t = new PartitionTrail(spec, task.partitionId(), task.attemptNumber());
        task.addTaskCompletionListener((TaskCompletionListener) ctx -> t.discard());
        return t;
    }

    /**
     * Records one decision, as {@link CreditEngine} records it into its own log.
     *
     * @param app       the application
     * @param e         its evaluation
     * @param checksum  the model bundle's checksum
     * @param defaulted the outcome, when the input carried one
     */
    void write(LoanApplication app, CreditEngine.Evaluation e, String checksum, Optional<Boolean> defaulted) {
        log.write(app, features.extract(app), e.score(), e.quality(), e.decision(), checksum, defaulted);
        records++;
    }

    /**
     * Closes the chain (a final signed checkpoint) and publishes the part; called once the partition is
     * done. A partition without a decision (empty, or every row rejected) publishes no part.
     */
    void publish() {
        if (published) {
            return;
        }
        log.close();
        published = true;
        if (records == 0) {
            return;
        }
        try {
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(spec.dir());
            FileSystem fs = dir.getFileSystem(new Configuration());
            org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir, "_temporary/"
                    + TrailSpec.partName(partition) + ".attempt-" + attempt);
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, TrailSpec.partName(partition));
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), tmp);
            // a retried or recomputed partition replaces its part in full: one complete chain per partition
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the decision trail of partition " + partition + " to "
                    + spec.dir(), e);
        }
    }

    /** Closes the chain if still open and deletes the local copy (task completion, success or failure). */
    private void discard() {
        if (!published) {
            log.close();
        }
        try (Stream<Path> files = Files.walk(localDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the local copy is in the temporary directory; a leftover does not affect the published trail
        }
    }
}
