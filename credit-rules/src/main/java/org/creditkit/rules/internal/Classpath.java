package org.creditkit.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the resources credit-rules ships (the default policy and its scenarios). */
public final class Classpath {

    private Classpath() {
    }

    /**
     * The names listed in an index resource, one a line; blank lines and {@code #} comments skipped.
     *
     * @param resource the resource path
     * @return the names, in order
     */
    public static List<String> index(String resource) {
        List<String> names = new ArrayList<>();
        for (String line : text(resource).split("\n")) {
            String n = line.strip();
            if (!n.isEmpty() && !n.startsWith("#")) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * The UTF-8 text of a resource of credit-rules.
     *
     * @param resource the resource path
     * @return the text
     */
    public static String text(String resource) {
        try (InputStream in = Classpath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing from credit-rules");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }
}
