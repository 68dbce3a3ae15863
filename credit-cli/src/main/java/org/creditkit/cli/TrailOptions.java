package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainWriter;
import org.creditkit.core.chain.Rotation;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.rules.audit.DecisionLog;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The keys and layout of the hash-chained logs a command writes (the decision trail of
 * {@code credit decide --log}, the access log of {@code credit explain}): the Ed25519 key that signs
 * checkpoints, the operator's pseudonym key (a file, or the environment variable
 * {@value PseudonymKey#ENV}), checkpoint spacing and rotation, and the explicit development mode
 * that allows neither key.
 */
final class TrailOptions {

    @Option(names = "--log-key", paramLabel = "PEM",
            description = "Ed25519 private key that signs the log's checkpoints (private.pem from 'credit bundle keygen').")
    Path logKey;

    @Option(names = "--pseudonym-key", paramLabel = "FILE",
            description = "Operator's HMAC key for pseudonyms (base64 of >= 32 random bytes; default: $"
                    + PseudonymKey.ENV + "). Make one with 'credit log keygen --pseudonym-key FILE'.")
    Path pseudonymKey;

    @Option(names = "--development",
            description = "Allow logs without keys: pseudonyms under a PUBLIC development key and no signed "
                    + "checkpoints (verification then fails). Never for real applicants.")
    boolean development;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1000",
            description = "Records between signed checkpoints (default: ${DEFAULT-VALUE}); one is also written at the end.")
    int checkpointEvery;

    @Option(names = "--rotate-mb", paramLabel = "MB",
            description = "Start a new log file (L.2.jsonl, L.3.jsonl ...) before one exceeds this size; the chain continues.")
    Long rotateMb;

    @Option(names = "--rotate-daily", description = "Start a new log file each day (Asia/Shanghai); the chain continues.")
    boolean rotateDaily;

    /** Opens the decision trail, saying on {@code err} when it runs in development mode. */
    DecisionLog open(Path log, PrintWriter err) {
        DecisionLog.Builder b = DecisionLog.to(log).checkpointEvery(checkpoints()).rotation(rotation());
        if (logKey != null) {
            b.signer(signer());
        } else if (!development) {
            throw noSigner(log);
        }
        b.pseudonymKey(pseudonymKey("the decision trail " + log, err));
        if (development) {
            b.development();
            if (logKey == null) {
                err.println("DEVELOPMENT: the decision trail " + log + " has NO signed checkpoints ('credit log verify' "
                        + "fails it); not for real applicants");
                err.flush();
            }
        }
        return b.open();
    }

    /** Opens a chained log of another kind (the access log) with these keys and layout. */
    ChainWriter chain(Path log, String kind, PrintWriter err) {
        ChainWriter.Builder b = ChainWriter.to(log, kind).checkpointEvery(checkpoints()).rotation(rotation());
        if (logKey != null) {
            b.signer(signer());
        } else if (development) {
            b.unsigned();
            err.println("DEVELOPMENT " + kind + " log " + log + ": checkpoints NOT signed; not for real use");
            err.flush();
        } else {
            throw noSigner(log);
        }
        return b.open();
    }

    /**
     * The pseudonym key: the file, the environment variable, or in development mode the public key
     * (saying so on {@code err}).
     */
    PseudonymKey pseudonymKey(String forWhat, PrintWriter err) {
        if (pseudonymKey != null) {
            return PseudonymKey.fromFile(pseudonymKey);
        }
        if (System.getenv(PseudonymKey.ENV) != null) {
            return PseudonymKey.fromEnvironment(System.getenv());
        }
        if (!development) {
            throw new CreditModelException("--pseudonym-key", forWhat + " needs the operator's pseudonym key "
                    + "(--pseudonym-key FILE or $" + PseudonymKey.ENV + "; make one with 'credit log keygen "
                    + "--pseudonym-key FILE'): unkeyed pseudonyms of ids can be reversed; or --development to use "
                    + "a public development key");
        }
        err.println("DEVELOPMENT: " + forWhat + " uses pseudonyms under the PUBLIC development key (reversible by "
                + "anyone); not for real applicants");
        err.flush();
        return PseudonymKey.development();
    }

    private ChainSigner signer() {
        return ChainSigner.of(SigningKey.read(logKey));
    }

    private CreditModelException noSigner(Path log) {
        return new CreditModelException("--log-key", "the log " + log + " needs an Ed25519 private key to sign its "
                + "checkpoints (make one with 'credit bundle keygen --out DIR', then --log-key DIR/private.pem), or "
                + "--development for an unsigned log");
    }

    private int checkpoints() {
        if (checkpointEvery < 1) {
            throw new CreditModelException("--checkpoint-every", "must be >= 1, got " + checkpointEvery);
        }
        return checkpointEvery;
    }

    private Rotation rotation() {
        Rotation r = rotateDaily ? Rotation.daily(ZoneId.of("Asia/Shanghai")) : Rotation.none();
        if (rotateMb != null) {
            if (rotateMb < 1) {
                throw new CreditModelException("--rotate-mb", "must be >= 1, got " + rotateMb);
            }
            r = r.andSize(rotateMb * 1024 * 1024);
        }
        return r;
    }

    /** Refuses log options given without a log. */
    void checkUnused(CommandLine.Model.CommandSpec spec) {
        if (logKey != null || pseudonymKey != null || development || rotateMb != null || rotateDaily) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--log-key, --pseudonym-key, --development and --rotate-* configure the decision trail; give --log FILE too");
        }
    }
}
