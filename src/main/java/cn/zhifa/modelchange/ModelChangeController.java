package cn.zhifa.modelchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.zhifa.models.ModelFiles;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.Problem;

/**
 * Model changes (issue 14 §6):
 * <ul>
 * <li>{@code POST /api/models/changes} (multipart): {@code name}, {@code reason}, {@code target} (an agency
 * code, or {@code SHARED} for the county-wide models; a legal office's default is its own agency) and
 * {@code effectiveDate} (yyyy-MM-dd, today or later), plus the changed files (file names as in the models
 * folder). 201 with the change and its diff; 400 with the guard's {@code problems}, nothing started.</li>
 * <li>{@code GET /api/models/changes}, {@code GET /api/models/changes/{changeNo}} (diff, problems, record).</li>
 * <li>{@code POST /api/models/changes/{changeNo}/rollback}: back to the set in force before that change;
 * {@code POST /api/models/rollback} {@code {"deploymentId": …}}: back to any earlier deployment of its target;
 * {@code GET /api/models/versions?target=…}: the deployments that can be restored.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/models")
class ModelChangeController {

	private final ModelChangeService changes;

	ModelChangeController(ModelChangeService changes) {
		this.changes = changes;
	}

	@PostMapping(path = "/changes", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ModelChangeService.Change submit(MultipartHttpServletRequest request) {
		CurrentUser user = CurrentUser.get();
		String target = target(user, request.getParameter("target"));
		LocalDate effective = date(request.getParameter("effectiveDate"));
		Map<String, byte[]> files = ModelFiles.uploaded(request);
		return submit(user, new ModelChangeService.Submission(request.getParameter("name"), request.getParameter("reason"),
				target, effective, files, "API"));
	}

	private ModelChangeService.Change submit(CurrentUser user, ModelChangeService.Submission submission) {
		try {
			return changes.submit(user, submission);
		}
		catch (ModelChangeService.Refused refused) {
			throw Problem.invalid("files", refused.getMessage()).with("problems", refused.problems());
		}
	}

	@GetMapping("/changes")
	List<ModelChangeService.Change> list() {
		return changes.list(CurrentUser.get());
	}

	@GetMapping("/changes/{changeNo}")
	ModelChangeService.Change get(@PathVariable String changeNo) {
		return changes.visible(CurrentUser.get(), changeNo);
	}

	@PostMapping("/changes/{changeNo}/rollback")
	@ResponseStatus(HttpStatus.CREATED)
	ModelChangeService.Change rollbackChange(@PathVariable String changeNo) {
		try {
			return changes.rollbackChange(CurrentUser.get(), changeNo);
		}
		catch (ModelChangeService.Refused refused) {
			throw Problem.invalid("deploymentId", refused.getMessage()).with("problems", refused.problems());
		}
	}

	record RollbackRequest(String deploymentId) {
	}

	@PostMapping("/rollback")
	@ResponseStatus(HttpStatus.CREATED)
	ModelChangeService.Change rollback(@RequestBody RollbackRequest body) {
		if (body == null || body.deploymentId() == null || body.deploymentId().isBlank()) {
			throw Problem.invalid("deploymentId", "请指定要恢复的部署（deploymentId）");
		}
		try {
			return changes.rollbackTo(CurrentUser.get(), body.deploymentId().strip());
		}
		catch (ModelChangeService.Refused refused) {
			throw Problem.invalid("deploymentId", refused.getMessage()).with("problems", refused.problems());
		}
	}

	@GetMapping("/versions")
	List<ModelChangeService.Version> versions(@RequestParam(required = false) String target) {
		CurrentUser user = CurrentUser.get();
		return changes.versions(user, target(user, target));
	}

	/** The target named in a request: SHARED (or nothing, for an administrator) = the county-wide models; else an agency. */
	static String target(CurrentUser user, String requested) {
		String t = requested == null ? "" : requested.strip();
		if (ModelChangeService.TARGET_SHARED.contains(t.toUpperCase(java.util.Locale.ROOT))) {
			if (t.isEmpty() && !user.isAdmin() && user.agencies().size() == 1) {
				return user.agencyList().get(0); // a legal office changes its own agency's models
			}
			return null;
		}
		return t;
	}

	static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid("effectiveDate", "请填写生效日期（yyyy-MM-dd），可以是今天或以后的日期");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid("effectiveDate", "生效日期“" + value + "”不是有效的日期（yyyy-MM-dd）");
		}
	}
}
