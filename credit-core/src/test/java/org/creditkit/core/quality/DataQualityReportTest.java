package org.creditkit.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.creditkit.core.domain.DataSource;
import org.junit.jupiter.api.Test;

class DataQualityReportTest {

    private static DataQualityFinding finding(DataQualityFlag flag) {
        return new DataQualityFinding(flag, DataSource.TAX, "tax.declaredSales", 2, 1, "units", "found");
    }

    @Test
    void flagNames_areTheRaisedFlagsOnceEachInDeclarationOrder_notInFindingOrder() {
        DataQualityReport report = DataQualityReport.of(List.of(finding(DataQualityFlag.TIMESTAMP_ANOMALY),
                finding(DataQualityFlag.CROSS_SOURCE_INCONSISTENCY), finding(DataQualityFlag.TIMESTAMP_ANOMALY)));

        assertThat(report.flagNames()).containsExactly("CROSS_SOURCE_INCONSISTENCY", "TIMESTAMP_ANOMALY");
        assertThatThrownBy(() -> report.flagNames().add("STALE_SOURCE"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void flagNames_everyCombination_namesExactlyTheFlags() {
        DataQualityFlag[] all = DataQualityFlag.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            List<DataQualityFinding> findings = new java.util.ArrayList<>();
            List<String> expected = new java.util.ArrayList<>();
            for (DataQualityFlag f : all) {
                if ((mask & (1 << f.ordinal())) != 0) {
                    findings.add(finding(f));
                    expected.add(f.name());
                }
            }
            assertThat(DataQualityReport.of(findings).flagNames()).as("mask %s", mask).isEqualTo(expected);
        }
    }
}
