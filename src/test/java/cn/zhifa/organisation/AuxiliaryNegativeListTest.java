package cn.zhifa.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The negative list file: read in order; a broken file is refused with the reason (the start-up stops). */
class AuxiliaryNegativeListTest {

	@TempDir
	Path dir;

	@Test
	void theShippedListNamesPermitPenaltyAndCoercion() {
		AuxiliaryNegativeList list = new AuxiliaryNegativeList("officers/auxiliary-negative-list.yml");
		assertThat(list.acts()).extracting(AuxiliaryNegativeList.Act::action).startsWith("PERMIT", "PENALTY", "COERCION");
		assertThat(list.acts()).allSatisfy(a -> assertThat(a.basis()).as(a.action()).contains("楚司发〔2022〕6号"));
	}

	@Test
	void aBrokenFileIsRefused() throws IOException {
		Path twice = dir.resolve("twice.yml");
		Files.writeString(twice, "acts:\n  - {action: PENALTY, label: 行政处罚, basis: x}\n  - {action: PENALTY, label: 行政处罚, basis: y}\n");
		assertThatThrownBy(() -> new AuxiliaryNegativeList(twice.toString())).hasMessageContaining("PENALTY is listed twice");
		Path noLabel = dir.resolve("nolabel.yml");
		Files.writeString(noLabel, "acts:\n  - {action: PENALTY, basis: y}\n");
		assertThatThrownBy(() -> new AuxiliaryNegativeList(noLabel.toString())).hasMessageContaining("label is missing");
		Path empty = dir.resolve("empty.yml");
		Files.writeString(empty, "acts: []\n");
		assertThatThrownBy(() -> new AuxiliaryNegativeList(empty.toString())).hasMessageContaining("at least one act");
	}
}
