package cn.zhifa.organisation;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agencies}: the agencies on Zhifa by code, with their names — for the webapps, which show the agency
 * of a task by its name instead of its code (Camunda's tenant id). The same names the public portal lists
 * ({@code /public/agencies}, R-DISC-1); for logged-in users only, as everything under {@code /api}.
 */
@RestController
class AgencyController {

	record AgencyName(String code, String name, String shortName) {
	}

	private final AgencyRepository agencies;

	AgencyController(AgencyRepository agencies) {
		this.agencies = agencies;
	}

	@GetMapping("/api/agencies")
	List<AgencyName> names() {
		return agencies.findAll().stream().sorted(Comparator.comparing(Agency::getCode))
			.map(a -> new AgencyName(a.getCode(), a.getName(), a.getShortName())).toList();
	}
}
