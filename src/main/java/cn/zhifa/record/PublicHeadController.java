package cn.zhifa.record;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public portal's copy of the record's global head (R-REC-4): anyone can note the day's hash
 * and later check that the record still contains it.
 */
@RestController
class PublicHeadController {

	private final PublishedHeads heads;

	PublicHeadController(PublishedHeads heads) {
		this.heads = heads;
	}

	@GetMapping("/public/api/records/head")
	PublishedHeads.Head latest() {
		return heads.latest().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "尚未公布记录校验值"));
	}
}
