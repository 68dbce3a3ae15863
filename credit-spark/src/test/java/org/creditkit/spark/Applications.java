package org.creditkit.spark;

import java.util.ArrayList;
import java.util.List;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;

/** Seeded synthetic applications for the tests, as objects and as JSON lines. */
record Applications(List<LabeledApplication> labeled, List<String> lines) {

    static Applications generate(int count, long seed) {
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(count).seed(seed).build());
        List<LabeledApplication> apps = g.generateAll();
        List<String> lines = new ArrayList<>(apps.size());
        for (LabeledApplication a : apps) {
            lines.add(ApplicationJson.write(a));
        }
        return new Applications(apps, lines);
    }
}
