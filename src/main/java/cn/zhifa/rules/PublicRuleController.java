package cn.zhifa.rules;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.problem.Problem;

/**
 * Public, anonymous (R-DISC-1 事前公示): the currently deployed major-decision catalogue, discretion
 * benchmarks and AV-recording list as JSON rows, for the portal to render.
 * {@code GET /public/api/rules/major-decision-catalogue}, {@code …/discretion-benchmark},
 * {@code …/av-recording-list}; any other key is 404.
 */
@RestController
@RequestMapping("/public/api/rules")
class PublicRuleController {

	private final PublishedRules rules;

	PublicRuleController(PublishedRules rules) {
		this.rules = rules;
	}

	@GetMapping("/{key}")
	ResponseEntity<RuleTable> table(@PathVariable String key,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String agency) {
		if (!DecisionKeys.PUBLISHED.contains(key)) {
			throw Problem.notFound("key", "没有公开的规则表 " + key);
		}
		if (agency != null && !agency.matches("[A-Za-z0-9_-]{1,32}")) {
			throw Problem.invalid("agency", "执法机构代码“" + agency + "”格式不正确");
		}
		return rules.latest(key, agency).map(ResponseEntity::ok)
			.orElseThrow(() -> Problem.notFound("key", "规则表 " + key + " 尚未部署"));
	}
}
