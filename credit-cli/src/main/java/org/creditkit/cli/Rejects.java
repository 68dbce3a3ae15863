package org.creditkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.creditkit.core.Problem;
import org.creditkit.core.input.BadLine;

/**
 * Where a batch command's rejected lines go: each one to stderr ({@code FILE line N: $.path: message})
 * and, with {@code --rejects FILE}, to a JSON Lines file, one object per rejected line:
 * <pre>{"line":7,"problems":[{"path":"$.termMonths","message":"..."}],"input":"{...the line as read...}"}</pre>
 * {@code input} is absent when the line could not be kept (over the size limit, not UTF-8). Fix the
 * inputs and resubmit them: {@code jq -r .input rejects.jsonl > fixed.jsonl}. Holds nothing in memory
 * but the line being written. With a rejects file, stderr shows the first {@value #STDERR_LINES}
 * rejected lines and then a count, so a million bad lines do not flood the terminal; without one,
 * stderr shows them all.
 */
final class Rejects implements java.io.Closeable {

    static final int STDERR_LINES = 100;
    private static final JsonFactory JSON = new JsonFactory();

    private final Path in;
    private final PrintWriter err;
    private final BatchFiles.AtomicOutput file;
    private final JsonGenerator json;
    private long count;

    private Rejects(Path in, PrintWriter err, BatchFiles.AtomicOutput file) throws IOException {
        this.in = in;
        this.err = err;
        this.file = file;
        if (file == null) {
            this.json = null;
        } else {
            Writer w = file.writer();
            this.json = JSON.createGenerator(w);
            this.json.setRootValueSeparator(null);
        }
    }

    /** Rejects of {@code in}: to {@code err}, and to {@code rejectsFile} when not null. */
    static Rejects open(Path in, PrintWriter err, Path rejectsFile) throws IOException {
        return new Rejects(in, err, rejectsFile == null ? null : BatchFiles.AtomicOutput.open(rejectsFile));
    }

    /** Reports one rejected line. */
    void add(BadLine bad) {
        count++;
        if (json == null || count <= STDERR_LINES) {
            err.println(in + " " + bad);
        } else if (count == STDERR_LINES + 1) {
            err.println(in + ": more rejected lines; the rest only in the rejects file");
        }
        write(bad);
    }

    /** Reports a rejected single-document input ({@code FILE: $.path: message}, no line number). */
    void addDocument(BadLine bad) {
        count++;
        bad.problems().forEach(p -> err.println(in + ": " + p));
        write(bad);
    }

    private void write(BadLine bad) {
        if (json != null) {
            try {
                json.writeStartObject();
                json.writeNumberField("line", bad.lineNumber());
                json.writeArrayFieldStart("problems");
                for (Problem p : bad.problems()) {
                    json.writeStartObject();
                    json.writeStringField("path", p.location());
                    json.writeStringField("message", p.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (bad.input().isPresent()) {
                    json.writeStringField("input", bad.input().get());
                }
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects file", e);
            }
        }
    }

    /** Rejected lines so far. */
    long count() {
        return count;
    }

    /** Completes the rejects file (moved into place). */
    void commit() throws IOException {
        if (json != null) {
            json.close();
            file.commit();
        }
    }

    /** Deletes an uncommitted rejects file. */
    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
