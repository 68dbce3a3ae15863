package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code credit bundle keygen|sign|verify} and the trust rule of {@code score} / {@code decide}. */
class BundleCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CreditCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path unsigned(Path dir) throws IOException {
        Path f = dir.resolve("model.json");
        Files.writeString(f, ModelBundle.defaultBundle().toJson());
        return f;
    }

    private static Path apps(Path dir) throws IOException {
        Path f = dir.resolve("apps.jsonl");
        try (OutputStream o = Files.newOutputStream(f)) {
            PortfolioGenerator.of(GeneratorConfig.builder().count(3).seed(9).build()).writeJsonLines(o);
        }
        return f;
    }

    @Test
    void keygenSignVerify_roundTrip_thenAnEditIsInvalid(@TempDir Path dir) throws IOException {
        Path keys = dir.resolve("keys");
        Path signed = dir.resolve("model.signed.json");

        assertThat(run("bundle", "keygen", "--out", keys.toString())).isZero();
        assertThat(run("bundle", "sign", unsigned(dir).toString(), "--key", keys.resolve("private.pem").toString(),
                "--out", signed.toString())).isZero();
        assertThat(run("bundle", "verify", signed.toString(), "--key", keys.resolve("public.pem").toString())).isZero();
        assertThat(out.toString()).contains("valid, signed by trusted key");

        Files.writeString(signed, Files.readString(signed).replace("\"pdo\" : 40.0", "\"pdo\" : 20.0"));
        assertThat(run("bundle", "verify", signed.toString(), "--key", keys.resolve("public.pem").toString()))
                .isEqualTo(BundleCommand.EXIT_INVALID_SIGNATURE);
        assertThat(err.toString()).contains("checksum mismatch");
    }

    @Test
    void verify_unknownKeyOrUnsigned_isInvalidWithTheReason(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path signed = dir.resolve("s.json");
        run("bundle", "keygen", "--out", a.toString());
        run("bundle", "keygen", "--out", b.toString());
        run("bundle", "sign", unsigned(dir).toString(), "--key", a.resolve("private.pem").toString(), "--out", signed.toString());

        assertThat(run("bundle", "verify", signed.toString(), "--key", b.resolve("public.pem").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("INVALID").contains("not trusted");
        assertThat(run("bundle", "verify", unsigned(dir).toString(), "--key", b.resolve("public.pem").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not signed");
    }

    @Test
    void keygen_existingKey_isRefusedAndKept(@TempDir Path dir) throws IOException {
        run("bundle", "keygen", "--out", dir.toString());
        String before = Files.readString(dir.resolve("private.pem"));

        assertThat(run("bundle", "keygen", "--out", dir.toString())).isEqualTo(BundleCommand.EXIT_UNUSABLE);
        assertThat(Files.readString(dir.resolve("private.pem"))).isEqualTo(before);
    }

    @Test
    void sign_withThePublicKey_isUnusableInput(@TempDir Path dir) throws IOException {
        run("bundle", "keygen", "--out", dir.resolve("k").toString());

        assertThat(run("bundle", "sign", unsigned(dir).toString(), "--key", dir.resolve("k/public.pem").toString(),
                "--out", dir.resolve("s.json").toString())).isEqualTo(BundleCommand.EXIT_UNUSABLE);
        assertThat(err.toString()).contains("sign with private.pem");
    }

    @Test
    void score_unsignedModel_isRefusedUnlessAllowed_signedIsTrustedWithItsKey(@TempDir Path dir) throws IOException {
        Path in = apps(dir);
        Path model = unsigned(dir);

        assertThat(run("score", "--model", model.toString(), "--in", in.toString(), "--out", dir.resolve("o1").toString()))
                .as("an untrusted bundle is unusable input").isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("not signed");
        assertThat(dir.resolve("o1")).doesNotExist();
        assertThat(run("score", "--model", model.toString(), "--allow-unsigned", "--in", in.toString(),
                "--out", dir.resolve("o2").toString())).isZero();

        run("bundle", "keygen", "--out", dir.resolve("k").toString());
        Path signed = dir.resolve("s.json");
        run("bundle", "sign", model.toString(), "--key", dir.resolve("k/private.pem").toString(), "--out", signed.toString());
        assertThat(run("score", "--model", signed.toString(), "--trust", dir.resolve("k/public.pem").toString(),
                "--in", in.toString(), "--out", dir.resolve("o3").toString())).isZero();
        assertThat(run("decide", "--model", signed.toString(), "--in", in.toString(), "--out", dir.resolve("d").toString()))
                .isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(run("decide", "--model", signed.toString(), "--trust", dir.resolve("k/public.pem").toString(),
                "--in", in.toString(), "--out", dir.resolve("d").toString())).isZero();
    }

    @Test
    void score_unreadableTrustFile_isUnusableInput(@TempDir Path dir) throws IOException {
        assertThat(run("score", "--trust", dir.resolve("none.pem").toString(), "--in", apps(dir).toString(),
                "--out", dir.resolve("o").toString())).isEqualTo(3);
        assertThat(err.toString()).contains("no such public key file");
    }

    @Test
    void score_defaultBundle_isTrustedAsShipped(@TempDir Path dir) throws IOException {
        assertThat(run("score", "--in", apps(dir).toString(), "--out", dir.resolve("o").toString())).isZero();
    }
}
