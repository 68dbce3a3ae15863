package org.creditkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ByteArrayInputStream;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.rules.RuleSetSource;
import org.junit.jupiter.api.Test;

/** The broadcast spec: plain text that survives Java serialisation and refuses bytes changed in transit. */
class EngineSpecTest {

    @Test
    void serialised_roundTrip_buildsTheSameBundleAndRules() throws IOException, ClassNotFoundException {
        EngineSpec spec = EngineSpec.defaults();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        EngineSpec back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (EngineSpec) in.readObject();
        }

        assertThat(back).isEqualTo(spec);
        assertThat(back.bundle().checksum()).isEqualTo(ModelBundle.defaultBundle().checksum());
        assertThat(back.rules().version()).isEqualTo(spec.rulesetVersion());
        assertThat(back.key()).isEqualTo(spec.bundleChecksum() + "|" + spec.rulesetVersion());
    }

    @Test
    void bundle_checksumNotTheOneSent_refuses() {
        EngineSpec spec = EngineSpec.defaults();
        EngineSpec tampered = new EngineSpec(spec.bundleJson(), "sha256:0000", spec.ruleOrigin(), spec.ruleFiles(),
                spec.rulesetVersion());

        assertThatThrownBy(tampered::bundle).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sha256:0000").hasMessageContaining("changed in transit");
    }

    @Test
    void rules_fileChangedAfterTheVersionWasTaken_refuses() {
        EngineSpec spec = EngineSpec.defaults();
        var files = new java.util.TreeMap<>(spec.ruleFiles());
        String first = files.firstKey();
        files.put(first, files.get(first) + "\n// changed");
        EngineSpec changed = new EngineSpec(spec.bundleJson(), spec.bundleChecksum(), spec.ruleOrigin(), files,
                spec.rulesetVersion());

        assertThatThrownBy(changed::rules).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(spec.rulesetVersion());
    }

    @Test
    void products_travelWithTheRules_aChangedProductsFileIsAnotherEngine() {
        EngineSpec spec = EngineSpec.defaults();
        var files = new java.util.TreeMap<>(spec.ruleFiles());
        assertThat(files).containsKey("products.json");
        files.put("products.json", files.get("products.json").replace("\"minAmount\": 10000", "\"minAmount\": 20000"));
        EngineSpec changed = EngineSpec.of(ModelBundle.defaultBundle(), RuleSetSource.of("changed", files));

        assertThat(changed.ruleFiles().get("products.json")).isNotEqualTo(spec.ruleFiles().get("products.json"));
        assertThat(changed.key()).as("a new products file is a new ruleset version, so a new executor engine")
                .isNotEqualTo(spec.key());
        assertThat(changed.rules().files()).isEqualTo(files);
    }
}
