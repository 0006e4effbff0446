package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zhifa.organisation.DataFiles;

/**
 * The evidence lines of 调查取证 with the party's confirmation (当事人证据确认制度, R-COORD-7, seed 002 (十三)): every
 * line ends with one of the ways {@code evidence/confirmation.yml} lists for its kind; a line without one, or with a
 * way of another kind, is refused naming the line and the ways to write; the file lists every statutory kind.
 */
class EvidenceLinesTest {

	static final EvidenceConfirmation CONFIRMATION = new EvidenceConfirmation("evidence/confirmation.yml");

	@Test
	void theShippedRulesGiveEveryStatutoryKindItsWays() {
		for (String kind : EvidenceLines.KINDS) {
			assertThat(CONFIRMATION.ways(kind)).as(kind).isNotEmpty();
		}
		assertThat(CONFIRMATION.ways("书证")).extracting(EvidenceConfirmation.Way::name)
			.containsExactly("签名确认", "盖章确认", "复制件确认", "拒签见证");
		assertThat(CONFIRMATION.way("书证", "复制件确认")).hasValueSatisfying(
				w -> assertThat(w.meaning()).contains("经核对与原件无误", "出证日期", "出处", "签名或者盖章"));
		assertThat(CONFIRMATION.way("物证", "其他佐证")).isPresent();
		assertThat(CONFIRMATION.ways("视听资料")).extracting(EvidenceConfirmation.Way::meaning)
			.allMatch(m -> m.contains("原始载体") && m.contains("文字记录"));
		assertThat(CONFIRMATION.way("视听资料", "签名确认")).isEmpty();
	}

	@Test
	void eachLineEndsWithHowThePartyConfirmedIt() {
		List<EvidenceLines.Item> items = EvidenceLines.parse("""
				书证：营业执照复印件1份（复制件确认）
				物证：废渣样品2份（已封存）(其他佐证)

				视听资料：现场照片4张（原始载体）
				现场笔录：当日现场检查笔录1份（拒签见证）""", CONFIRMATION);
		assertThat(items).extracting(EvidenceLines.Item::kind).containsExactly("书证", "物证", "视听资料", "现场笔录");
		assertThat(items).extracting(EvidenceLines.Item::description).containsExactly("营业执照复印件1份", "废渣样品2份（已封存）",
				"现场照片4张", "当日现场检查笔录1份");
		assertThat(items).extracting(i -> i.confirmation().name()).containsExactly("复制件确认", "其他佐证", "原始载体", "拒签见证");
	}

	@Test
	void aLineWithoutTheKindsWayIsRefusedNamingTheLineAndTheWays() {
		assertRefused("现场笔录：当日现场检查笔录1份（签名确认）\n书证：营业执照复印件1份",
				"取得的证据第2行「书证：营业执照复印件1份」未在末尾注明当事人证据确认方式：书证应注明（签名确认）、（盖章确认）、（复制件确认）或（拒签见证）（当事人证据确认制度）");
		assertRefused("视听资料：现场照片4张（签名确认）", "视听资料应注明（原始载体）");
		assertRefused("物证：废渣样品2份（已封存）", "物证应注明（签名确认）、（其他佐证）或（拒签见证）");
		assertRefused("书证：（签名确认）", "取得的证据第1行缺少证据内容");
		assertRefused("照片：现场照片4张（原始载体）", "应写成“证据种类：内容（确认方式）”");
	}

	@Test
	void aBrokenRulesFileIsRefusedNamingWhatIsWrong() {
		Map<String, Object> shipped = DataFiles.yaml("evidence/confirmation.yml");
		@SuppressWarnings("unchecked")
		Map<String, Object> kinds = new LinkedHashMap<>((Map<String, Object>) shipped.get("kinds"));
		kinds.remove("鉴定意见");
		assertThatThrownBy(() -> EvidenceConfirmation.of("x.yml", Map.of("kinds", kinds)))
			.hasMessageContaining("x.yml").hasMessageContaining("missing: 鉴定意见");
		kinds.put("照片", Map.of("签名确认", "签名"));
		assertThatThrownBy(() -> EvidenceConfirmation.of("x.yml", Map.of("kinds", kinds)))
			.hasMessageContaining("照片 is not a kind of evidence");
		kinds.remove("照片");
		kinds.put("鉴定意见", Map.of("鉴定人（签名）", "鉴定人签名"));
		assertThatThrownBy(() -> EvidenceConfirmation.of("x.yml", Map.of("kinds", kinds)))
			.hasMessageContaining("鉴定意见: way '鉴定人（签名）' needs a short name");
	}

	private static void assertRefused(String text, String message) {
		assertThatThrownBy(() -> EvidenceLines.parse(text, CONFIRMATION)).hasMessageContaining(message);
	}
}
