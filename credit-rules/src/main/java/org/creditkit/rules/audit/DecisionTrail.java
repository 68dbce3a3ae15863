package org.creditkit.rules.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.chain.BrokenChainException;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainVerifier;

/**
 * Reads decision records back from a trail written by {@link DecisionLog} (all its rotated parts,
 * in chain order), to explain a decision from the evidence alone. Before using a line it checks
 * that the parts form one unbroken chain ({@link ChainVerifier#verifyLinks}: every line's hash,
 * its link to the line before, the sequence across files) and refuses a broken one, naming the
 * first bad line; the checkpoint signatures, which prove who wrote the chain, are checked by
 * {@link ChainVerifier#verify} with the signer's public key ({@code credit log verify}).
 */
public final class DecisionTrail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionTrail() {
    }

    /**
     * Every decision record of one application, in trail order.
     *
     * @param first the trail's first file
     * @param applicationPseudonym the application's pseudonym ({@link DecisionLog#pseudonym}, or
     *     {@code PseudonymKey.pseudonym(applicationId)} under the trail's key)
     * @return the records, possibly none
     * @throws BrokenChainException naming {@code file:line} of the first line altered, removed,
     *     inserted, reordered or cut short, when the trail is not one unbroken chain (nothing is read)
     * @throws CreditDataException naming {@code file:line} when a matching line is not a decision record
     * @throws UncheckedIOException when a file cannot be read
     */
    public static List<DecisionRecord> find(Path first, String applicationPseudonym) {
        ChainReport chain = ChainVerifier.verifyLinks(first).requireIntact("the decision trail " + first);
        String needle = "\"application\":\"" + applicationPseudonym + "\"";
        List<DecisionRecord> out = new ArrayList<>();
        for (Path file : chain.files()) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                long no = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    no++;
                    if (!line.contains(needle)) {
                        continue;
                    }
                    String location = file + ":" + no;
                    try {
                        JsonNode n = JSON.readTree(line);
                        if (n.path("kind").asText().equals(DecisionLog.KIND)) {
                            out.add(DecisionRecord.of(n, location));
                        }
                    } catch (JsonProcessingException | IllegalArgumentException | java.time.DateTimeException e) {
                        throw new CreditDataException(location, "not a readable decision record ("
                                + e.getMessage() + "); check the trail with 'credit log verify'");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the decision trail " + file, e);
            }
        }
        return out;
    }
}
