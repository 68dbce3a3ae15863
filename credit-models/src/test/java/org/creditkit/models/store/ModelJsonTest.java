package org.creditkit.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.creditkit.models.GermanCredit;
import org.creditkit.models.ModelException;
import org.creditkit.models.Progress;
import org.creditkit.models.data.Dataset;
import org.creditkit.models.gbm.GbmOptions;
import org.creditkit.models.gbm.GbmTrainer;
import org.creditkit.models.overlay.OverlayModel;
import org.creditkit.models.scorecard.ScorecardOptions;
import org.creditkit.models.scorecard.ScorecardTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {

    @TempDir
    Path dir;

    @Test
    void scorecard_roundTrip_sameLogOddsAndChecksum() {
        Dataset d = GermanCredit.load().dataset();
        TrainedModel m = TrainedModel.of(ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none()),
                OverlayModel.none(), 0.1, Map.of("data", "credit-g.arff"));
        Path file = dir.resolve("card.json");
        String sum = ModelJson.save(m, file);
        TrainedModel back = ModelJson.load(file);
        assertThat(back.logOdds(d)).isEqualTo(m.logOdds(d));
        assertThat(ModelJson.checksum(back)).isEqualTo(sum);
        assertThat(back.metadata()).containsEntry("data", "credit-g.arff");
    }

    @Test
    void gbm_roundTrip_sameLogOdds() {
        Dataset d = GermanCredit.load().dataset();
        TrainedModel m = TrainedModel.of(GbmTrainer.fit(d, GbmOptions.defaults(3).withTrees(20), Progress.none()),
                OverlayModel.none(), 0, Map.of());
        Path file = dir.resolve("gbm.json");
        ModelJson.save(m, file);
        assertThat(ModelJson.load(file).logOdds(d)).isEqualTo(m.logOdds(d));
    }

    @Test
    void sameDataAndSeed_giveTheSameChecksum() {
        Dataset d = GermanCredit.load().dataset();
        String a = ModelJson.checksum(TrainedModel.of(GbmTrainer.fit(d, GbmOptions.defaults(3).withTrees(20),
                Progress.none()), OverlayModel.none(), 0, Map.of("seed", "3")));
        String b = ModelJson.checksum(TrainedModel.of(GbmTrainer.fit(d, GbmOptions.defaults(3).withTrees(20),
                Progress.none()), OverlayModel.none(), 0, Map.of("seed", "3")));
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void load_tamperedFile_isRejectedNamingTheChecksum() throws Exception {
        Dataset d = GermanCredit.load().dataset();
        TrainedModel m = TrainedModel.of(ScorecardTrainer.fit(d, ScorecardOptions.defaults(), Progress.none()),
                OverlayModel.none(), 0, Map.of());
        Path file = dir.resolve("card.json");
        ModelJson.save(m, file);
        String text = Files.readString(file).replaceFirst("\"coefficient\" : -", "\"coefficient\" : -1");
        Files.writeString(file, text);
        assertThatThrownBy(() -> ModelJson.load(file)).isInstanceOf(ModelException.class)
                .hasMessageContaining("$.sha256").hasMessageContaining("changed after training");
    }

    @Test
    void load_otherFormat_isRejected() throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"format\":\"something\"}");
        assertThatThrownBy(() -> ModelJson.load(file)).isInstanceOf(ModelException.class)
                .hasMessageContaining("$.format is 'something'");
    }
}
