package org.creditkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.Rotation;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.rules.audit.DecisionLog;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of a signed, pseudonymised decision trail ({@code credit decide --log}): the Ed25519
 * key that signs checkpoints, the operator's pseudonym key (a file, or the environment variable
 * {@value PseudonymKey#ENV}), checkpoint spacing and rotation, and the explicit development mode
 * that allows neither key.
 */
final class TrailOptions {

    @Option(names = "--log-key", paramLabel = "PEM",
            description = "Ed25519 private key that signs the trail's checkpoints (private.pem from 'credit bundle keygen').")
    Path logKey;

    @Option(names = "--pseudonym-key", paramLabel = "FILE",
            description = "Operator's HMAC key for pseudonyms (base64 of >= 32 random bytes; default: $"
                    + PseudonymKey.ENV + "). Make one with 'credit log keygen --pseudonym-key FILE'.")
    Path pseudonymKey;

    @Option(names = "--development",
            description = "Allow a trail without keys: pseudonyms under a PUBLIC development key and no signed "
                    + "checkpoints (verification then fails). Never for real applicants.")
    boolean development;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "1000",
            description = "Records between signed checkpoints (default: ${DEFAULT-VALUE}); one is also written at the end.")
    int checkpointEvery;

    @Option(names = "--rotate-mb", paramLabel = "MB",
            description = "Start a new trail file (L.2.jsonl, L.3.jsonl ...) before one exceeds this size; the chain continues.")
    Long rotateMb;

    @Option(names = "--rotate-daily", description = "Start a new trail file each day (Asia/Shanghai); the chain continues.")
    boolean rotateDaily;

    /** Opens the trail, saying on {@code err} when it runs in development mode. */
    DecisionLog open(Path log, PrintWriter err) {
        if (checkpointEvery < 1) {
            throw new CreditModelException("--checkpoint-every", "must be >= 1, got " + checkpointEvery);
        }
        DecisionLog.Builder b = DecisionLog.to(log).checkpointEvery(checkpointEvery);
        Rotation r = rotateDaily ? Rotation.daily(ZoneId.of("Asia/Shanghai")) : Rotation.none();
        if (rotateMb != null) {
            if (rotateMb < 1) {
                throw new CreditModelException("--rotate-mb", "must be >= 1, got " + rotateMb);
            }
            r = r.andSize(rotateMb * 1024 * 1024);
        }
        b.rotation(r);
        if (logKey != null) {
            b.signer(ChainSigner.of(SigningKey.read(logKey)));
        } else if (!development) {
            throw new CreditModelException("--log-key", "the decision trail " + log + " needs an Ed25519 private "
                    + "key to sign its checkpoints (make one with 'credit bundle keygen --out DIR', then "
                    + "--log-key DIR/private.pem), or --development for an unsigned trail");
        }
        if (pseudonymKey != null) {
            b.pseudonymKey(PseudonymKey.fromFile(pseudonymKey));
        } else if (System.getenv(PseudonymKey.ENV) != null) {
            b.pseudonymKey(PseudonymKey.fromEnvironment(System.getenv()));
        } else if (!development) {
            throw new CreditModelException("--pseudonym-key", "the decision trail " + log + " needs the operator's "
                    + "pseudonym key (--pseudonym-key FILE or $" + PseudonymKey.ENV + "; make one with "
                    + "'credit log keygen --pseudonym-key FILE'): unkeyed pseudonyms of ids can be reversed, "
                    + "or --development to use a public development key");
        }
        if (development) {
            b.development();
            err.println("DEVELOPMENT trail " + log + ": " + (pseudonymKey == null && System.getenv(PseudonymKey.ENV) == null
                    ? "pseudonyms under the PUBLIC development key (reversible by anyone)" : "keyed pseudonyms")
                    + (logKey == null ? ", checkpoints NOT signed" : ", signed checkpoints")
                    + "; not for real applicants");
            err.flush();
        }
        return b.open();
    }

    /** Refuses trail options given without a trail. */
    void checkUnused(CommandLine.Model.CommandSpec spec) {
        if (logKey != null || pseudonymKey != null || development || rotateMb != null || rotateDaily) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--log-key, --pseudonym-key, --development and --rotate-* configure the decision trail; give --log FILE too");
        }
    }
}
