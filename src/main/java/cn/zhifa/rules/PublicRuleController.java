package cn.zhifa.rules;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
	ResponseEntity<RuleTable> table(@PathVariable String key) {
		if (!DecisionKeys.PUBLISHED.contains(key)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no published rule table " + key);
		}
		return rules.latest(key).map(ResponseEntity::ok)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "rule table " + key + " is not deployed"));
	}
}
