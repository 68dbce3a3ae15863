package org.creditkit.core.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.creditkit.core.chain.ChainWriter;

/**
 * Records who read which enterprise's data or explanation, when and at which level (every access
 * logged, as the platform documents require). {@link #to(ChainWriter)} writes a hash-chained,
 * checkpoint-signed file with the same chain code and format as the decision trail (line kind
 * {@code access}), verified by {@code credit log verify}.
 *
 * <pre>{@code
 * try (AccessLog log = AccessLog.to(ChainWriter.to(Path.of("access.jsonl"), "access").signer(signer).open())) {
 *     log.record(new Access(Instant.now(), "analyst-7", pseudonym, "decision-explanation", AccessLevel.PUBLIC, false));
 * }
 * }</pre>
 */
public interface AccessLog extends AutoCloseable {

    /** The line kind of an access in the chain. */
    String KIND = "access";

    /**
     * Records one access.
     *
     * @param access the access
     * @throws UncheckedIOException when it cannot be written
     */
    void record(Access access);

    /** Closes the log (a chained log writes its final checkpoint). */
    @Override
    void close();

    /**
     * An access log appended to a hash chain (closed with the log).
     *
     * @param chain the chain writer
     * @return the log
     */
    static AccessLog to(ChainWriter chain) {
        Objects.requireNonNull(chain, "chain");
        JsonFactory json = new JsonFactory();
        return new AccessLog() {
            @Override
            public void record(Access a) {
                StringWriter w = new StringWriter(256);
                try (JsonGenerator g = json.createGenerator(w)) {
                    g.writeStartObject();
                    g.writeStringField("time", a.time().toString());
                    g.writeStringField("principal", a.principal());
                    g.writeStringField("subject", a.subject());
                    g.writeStringField("what", a.what());
                    g.writeStringField("level", a.level().label());
                    g.writeBooleanField("identitiesShown", a.identitiesShown());
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot format an access record", e);
                }
                StringBuffer sb = w.getBuffer();
                chain.append(KIND, sb.substring(1, sb.length() - 1));
            }

            @Override
            public void close() {
                chain.close();
            }
        };
    }
}
