package cn.zhifa.disclosure;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A redacted text and what was taken out of it, by rule label (e.g. 身份证号码 → 1), for the
 * reviewer's "脱敏情况" (R-DISC-4).
 */
public record Redaction(String text, Map<String, Integer> findings) {

	/** e.g. "居民身份证号码 1 处；手机号码 2 处", or "未发现需脱敏的内容". */
	public String summary() {
		if (findings.isEmpty()) {
			return "未发现需脱敏的内容";
		}
		return findings.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " 处")
			.collect(Collectors.joining("；"));
	}
}
