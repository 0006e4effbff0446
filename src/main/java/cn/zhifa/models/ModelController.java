package cn.zhifa.models;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.zhifa.calendar.CalendarRegistry;
import cn.zhifa.document.DocumentService;
import cn.zhifa.platform.RoleRequired;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.problem.Problem;

/**
 * {@code POST /api/models/validate}: the model guard as a dry run (issue 14 §2). A legal office sends
 * the files it means to deploy (multipart, any part names, file names as in the models folder, e.g.
 * {@code dmn/major-decision-catalogue.dmn}); the answer is 200 with the number of files when they may
 * be deployed, or 400 with every problem (file, line, element, message). Nothing is deployed.
 */
@RestController
@RequestMapping("/api/models")
class ModelController {

	private final CalendarRegistry calendar;
	private final DocumentService documents;

	ModelController(CalendarRegistry calendar, DocumentService documents) {
		this.calendar = calendar;
		this.documents = documents;
	}

	record Validated(boolean valid, int files) {
	}

	@PostMapping("/validate")
	@RoleRequired(value = { Roles.ADMIN, Roles.LEGAL_OFFICE }, refusal = "只有法制机构（模型维护）和系统管理员可以检查模型")
	Validated validate(MultipartHttpServletRequest request) {
		Map<String, byte[]> files = ModelFiles.uploaded(request);
		if (files.isEmpty()) {
			throw Problem.invalid("files", "请上传要检查的模型文件（.bpmn、.dmn、.form）");
		}
		List<ModelProblem> problems = ModelGuard.check(files,
				new ModelGuard.Known(calendar.current().limits().byKey().keySet(), documents.kindNames()));
		if (!problems.isEmpty()) {
			throw Problem.invalid("files", ModelRejectedException.summary(problems)).with("problems", problems);
		}
		return new Validated(true, files.size());
	}
}
