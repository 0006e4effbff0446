package cn.zhifa.disclosure;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.RoleRequired;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.Problems;

/**
 * {@code POST /api/disclosure/redaction-rules/reload} (administrators only,
 * {@link cn.zhifa.platform.Roles#ADMIN}): re-reads {@code disclosure/redaction-rules.yml} without a restart.
 * A broken file is refused with its message (file and rule) and the rules in force stay unchanged (R-DISC-4).
 */
@RestController
class RedactionRulesController {

	private final RedactionRules rules;

	RedactionRulesController(RedactionRules rules) {
		this.rules = rules;
	}

	@PostMapping("/api/disclosure/redaction-rules/reload")
	@RoleRequired(value = Roles.ADMIN, refusal = "只有系统管理员可以重新加载脱敏规则")
	ResponseEntity<Map<String, Object>> reload() {
		try {
			return ResponseEntity.ok(Map.of("rules", rules.reload()));
		}
		catch (RuntimeException e) {
			throw Problem.invalid("file", "脱敏规则文件有误，原规则继续有效："
					+ (Problems.safeToShow(e.getMessage()) ? e.getMessage() : "无法读取"));
		}
	}
}
