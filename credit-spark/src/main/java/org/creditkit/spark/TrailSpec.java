package org.creditkit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.sign.SigningKey;

/**
 * Where and how the executors write the masked decision trail (docs/decision-log.md) of a Spark job:
 * one hash-chained, signed chain per partition, {@code DIR/part-00000.jsonl}, {@code DIR/part-00001.jsonl}
 * ..., each checked by {@code credit log verify} like the trail of one JVM, with the same records
 * (application and USCC as keyed pseudonyms, no name, a keyed digest of the input). A part is written
 * to the executor's local disk while its partition is decided and published to {@code DIR} (any Hadoop
 * file system) when the partition is complete; a retried task publishes its part again in full.
 *
 * <p>The executors need both keys, so this spec carries them to every executor in the job's broadcast:
 * on a cluster, turn on Spark's RPC authentication and encryption ({@code spark.authenticate},
 * {@code spark.network.crypto.enabled}, {@code spark.io.encryption.enabled}) so that they never cross
 * the network or touch a spill file in clear. {@link #toString()} never shows them.
 *
 * @param dir             the trail directory (a Hadoop path; must not exist before the job)
 * @param signingKeyPem   the Ed25519 private key (PEM) that signs the checkpoints
 * @param pseudonymKey    the operator's pseudonym key, base64
 * @param checkpointEvery records between signed checkpoints (each part also ends with one)
 */
public record TrailSpec(String dir, String signingKeyPem, String pseudonymKey, int checkpointEvery)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the parts: both keys must parse.
     *
     * @throws CreditModelException when a key is not usable
     * @throws IllegalArgumentException when {@code checkpointEvery} is below 1
     */
    public TrailSpec {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(signingKeyPem, "signingKeyPem");
        Objects.requireNonNull(pseudonymKey, "pseudonymKey");
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery (" + checkpointEvery + ") must be at least 1");
        }
    }

    /**
     * A trail signed with {@code privateKey} (as {@code credit bundle keygen} writes it) and pseudonymised
     * under {@code pseudonymKeyFile} ({@code credit log keygen}); both read and checked now, on the driver.
     *
     * @param dir              the trail directory (must not exist)
     * @param privateKey       the Ed25519 private key file ({@code private.pem})
     * @param pseudonymKeyFile the pseudonym key file
     * @return the spec, with a checkpoint every 1,000 records
     * @throws CreditModelException naming the file when a key is missing or unusable
     */
    public static TrailSpec of(String dir, Path privateKey, Path pseudonymKeyFile) {
        SigningKey.read(privateKey);
        PseudonymKey key = PseudonymKey.fromFile(pseudonymKeyFile);
        if (key.isDevelopment()) {
            throw new CreditModelException(pseudonymKeyFile.toString(), "is the publicly known development key; "
                    + "a trail written on a cluster needs the operator's own key (credit log keygen)");
        }
        TrailSpec spec = new TrailSpec(dir, read(privateKey), read(pseudonymKeyFile).strip(), 1000);
        spec.signer();
        spec.key();
        return spec;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The same trail with another checkpoint interval.
     *
     * @param value records between checkpoints, at least 1
     * @return the spec
     */
    public TrailSpec withCheckpointEvery(int value) {
        return new TrailSpec(dir, signingKeyPem, pseudonymKey, value);
    }

    /** The checkpoint signer, parsed from the PEM (on an executor). */
    ChainSigner signer() {
        return ChainSigner.of(SigningKey.fromPem(signingKeyPem, "the trail's signing key"));
    }

    /** The pseudonym key, parsed from its base64 (on an executor). */
    PseudonymKey key() {
        return PseudonymKey.fromEnvironment(Map.of(PseudonymKey.ENV, pseudonymKey));
    }

    /** The part file of a partition: {@code part-00007.jsonl}. */
    static String partName(int partition) {
        return String.format(java.util.Locale.ROOT, "part-%05d.jsonl", partition);
    }

    @Override
    public String toString() {
        return "TrailSpec[" + dir + ", checkpoint every " + checkpointEvery + ", keys withheld]";
    }
}
