package org.creditkit.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.creditkit.models.data.ColumnMapping;
import org.creditkit.models.data.DatasetReader;
import org.creditkit.models.data.LoadResult;

/** Test helper: the German Credit data from system property {@code creditkit.germanCredit}. */
public final class GermanCredit {

    private GermanCredit() {
    }

    /**
     * The path, skipping the calling test when the file is absent.
     *
     * @return the ARFF path
     */
    public static Path path() {
        String p = System.getProperty("creditkit.germanCredit", "../shared/data/credit-g.arff");
        Path path = Path.of(p);
        assumeTrue(Files.isRegularFile(path), "German Credit data not found at " + path.toAbsolutePath()
                + " (set -Dcreditkit.germanCredit=...); skipping");
        return path;
    }

    /**
     * Loads the data with target class, bad value bad.
     *
     * @return the load result
     */
    public static LoadResult load() {
        return DatasetReader.read(path(), ColumnMapping.of("class", "bad"));
    }
}
