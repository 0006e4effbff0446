package cn.zhifa.calendar;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Error answers of {@link CalendarController} only: JSON {@code {"error": …, "field"|"file"/"line": …}}. */
@RestControllerAdvice(assignableTypes = CalendarController.class)
class CalendarErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> badRequest(CalendarRequestException e) {
		return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "field", e.field()));
	}

	/** A malformed calendar or limits file on reload: the previous calendar stays in force. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> malformedFile(CalendarFileException e) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "日历文件有误，未重新加载，原日历继续有效：" + e.getMessage());
		body.put("file", e.file());
		body.put("line", e.line());
		return ResponseEntity.badRequest().body(body);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> forbidden(CalendarForbiddenException e) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
	}

	/** Only for administrators' actions: refused because the user is not in camunda-admin. */
	static class CalendarForbiddenException extends RuntimeException {

		CalendarForbiddenException(String message) {
			super(message);
		}
	}
}
