package cn.zhifa.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.RoleRequired;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * {@code POST /api/sla/due-date-changes} — an administrator moves a running deadline (a task's due
 * date or a deadline timer) with a reason; the change is written to the case's record (issue 17 §5).
 */
@RestController
@RequestMapping("/api/sla")
class DueDateController {

	/** The request: {@code dueAt} as an ISO instant, with an offset, or a local date-time in China. */
	record ChangeRequest(String source, String id, String dueAt, String reason) {
	}

	private final DueDateChanges changes;

	DueDateController(DueDateChanges changes) {
		this.changes = changes;
	}

	@PostMapping("/due-date-changes")
	@ResponseStatus(HttpStatus.CREATED)
	@RoleRequired(value = Roles.ADMIN, refusal = "只有系统管理员可以调整期限")
	DueDateChanges.Change change(@RequestBody ChangeRequest request) {
		CurrentUser user = CurrentUser.get();
		DueDateChanges.Source source = DueDateChanges.source(request.source());
		String id = InputCheck.requireText("id", "期限标识（id）", request.id(), 64);
		return changes.change(user, source, id, instant(request.dueAt()), request.reason());
	}

	static Instant instant(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		try {
			return OffsetDateTime.parse(v).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(v).atZone(WorkingDayCalendar.SHANGHAI).toInstant();
			}
			catch (DateTimeParseException notLocal) {
				throw Problem.invalid("dueAt", "新的期限（dueAt）应为日期时间，例如 2026-12-08T17:00");
			}
		}
	}
}
